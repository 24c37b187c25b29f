package cn.fundmonitor.allocation;

import static cn.fundmonitor.common.Inputs.amountOrZero;
import static cn.fundmonitor.common.Inputs.text;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Fills in the issue lines of money waiting to be issued (e.g. a factor-method calculation, GX
 * 第十六条), so that the province's 下达资金 task opens with them. Only a unit that may work on
 * that task can fill it in; the lines are checked in full when the task is completed, as if typed.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class IssuePrefill {

  private final TaskService tasks;

  /** Returns the id of the issue task that now shows the lines. */
  public String prefill(String documentNo, List<Map<String, Object>> lines) {
    // the query runs as the caller: it finds the task only if the caller may work on it
    var task = tasks.createTaskQuery().processDefinitionKey(FundAllocationProcess.KEY)
        .processInstanceBusinessKey(documentNo)
        .taskDefinitionKey(FundAllocationProcess.TASK_ISSUE).singleResult();
    if (task == null) {
      throw new NotFoundException("没有待下达的资金“" + documentNo + "”：文号有误、资金已下达，或您所在单位不负责下达");
    }
    var problems = new Problems();
    var rows = new ArrayList<FundAllocationProcess.IssueLine>();
    if (lines == null || lines.isEmpty()) {
      problems.add("issueLines", "下达明细为空");
    } else {
      for (int i = 0; i < lines.size(); i++) {
        var line = lines.get(i);
        var rowProblems = new ArrayList<String>();
        if (text(line.get("recipientCode")) == null) {
          rowProblems.add("请填写下达单位");
        }
        amountOrZero(line.get("centralShare"), "中央财政资金", rowProblems);
        amountOrZero(line.get("provincialShare"), "省级财政资金", rowProblems);
        problems.at("issueLines", "第" + (i + 1) + "行：")
            .addAll(rowProblems);
        rows.add(new FundAllocationProcess.IssueLine(text(line.get("recipientCode")),
            text(line.get("projectCode")), text(line.get("centralShare")),
            text(line.get("provincialShare"))));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("下达明细有误", problems);
    }
    // as the caller: the engine checks that the caller may work on the task
    FundAllocationProcess.ISSUE_LINES.set(tasks, task.getId(), rows);
    return task.getId();
  }
}
