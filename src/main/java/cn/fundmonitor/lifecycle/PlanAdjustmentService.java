package cn.fundmonitor.lifecycle;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NumberSequences;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTargets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Adjusted implementation plans (实施方案调整, GX 第二十一条): requested by the project's unit,
 * checked never to lower a target, approved by the province department that approved the
 * project; the indicators before and after are kept with the decision.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PlanAdjustmentService {

  private final PlanAdjustmentRepository repository;
  private final ProjectCatalogue catalogue;
  private final ProjectTargets projectTargets;
  private final NumberSequences numbers;
  private final ObjectMapper json;
  private final Clock clock;

  /** Opens a request for a warehoused project of one of the requester's units; returns its number. */
  public String open(String projectCode, String reason, String requester, Collection<String> groups,
      String processInstanceId) {
    var problems = new Problems();
    var code = projectCode == null ? null : projectCode.strip();
    var text = reason == null ? "" : reason.strip();
    if (code == null || code.isEmpty()) {
      problems.add(field(PlanAdjustmentProcess.PROJECT_CODE), "请填写项目编码");
    }
    if (text.isEmpty()) {
      problems.add(field(PlanAdjustmentProcess.REASON), "请说明实施环境和条件发生的重大变化（调整理由）");
    } else if (text.length() > 2000) {
      problems.add(field(PlanAdjustmentProcess.REASON), "调整理由不能超过2000个字");
    }
    problems.throwIfAny("实施方案调整申请有误");
    var p = catalogue.get(code);
    if (OrganisationService.unitGroups(groups).stream()
        .noneMatch(g -> g.divisionCode().equals(p.applicantUnitCode()))) {
      throw new InvalidInputException("实施方案调整申请有误", "项目 " + code + " 不是本单位承担的项目");
    }
    projectTargets.checkAdjustment(code, rows(p.indicators()));
    var no = numbers.next("TZ", OffsetDateTime.now(clock).getYear());
    repository.insert(no, code, text, write(rows(p.indicators())), requester, OffsetDateTime.now(clock),
        processInstanceId);
    return no;
  }

  /** Checks the unit's adjusted list; returns the comparison for the reviewer. */
  public String check(String no, List<Map<String, Object>> rows, String reason) {
    var a = repository.find(no);
    var adjusted = projectTargets.checkAdjustment(a.projectCode(), rows);
    var text = reason == null || reason.isBlank() ? a.reason() : reason.strip();
    repository.submit(no, write(rows(adjusted)), text);
    return comparison(catalogue.get(a.projectCode()).indicators(), adjusted);
  }

  public void approve(String no, String comment, String actor) {
    var a = repository.find(no);
    requireSubmitted(a);
    var adjusted = projectTargets.checkAdjustment(a.projectCode(), read(a.indicatorsAfter()));
    projectTargets.adjustTargets(a.projectCode(), adjusted, actor, "实施方案调整（" + no + "）批准：" + a.reason()
        + (comment == null || comment.isBlank() ? "" : "。审批意见：" + comment));
    repository.decide(no, "APPROVED", actor, OffsetDateTime.now(clock), comment);
  }

  public void reject(String no, String comment, String actor) {
    requireSubmitted(repository.find(no));
    repository.decide(no, "REJECTED", actor, OffsetDateTime.now(clock), comment);
  }

  public void returnForRevision(String no, String comment, String actor) {
    requireSubmitted(repository.find(no));
    repository.decide(no, "RETURNED", actor, OffsetDateTime.now(clock), comment);
  }

  public PlanAdjustmentRepository.Adjustment get(String no) {
    return repository.find(no);
  }

  private static void requireSubmitted(PlanAdjustmentRepository.Adjustment a) {
    if (!"SUBMITTED".equals(a.status())) {
      throw new ConflictException("实施方案调整 " + a.adjustmentNo() + " 当前不能审批");
    }
  }

  /** The indicators as the forms carry them. */
  public static List<Map<String, Object>> rows(List<Indicator> indicators) {
    var rows = new ArrayList<Map<String, Object>>();
    for (var i : indicators) {
      var row = new LinkedHashMap<String, Object>();
      row.put("level1", i.level().name());
      row.put("level2", i.category().name());
      row.put("name", i.name());
      row.put("comparator", i.comparator().name());
      row.put("target", i.target().text());
      row.put("unit", i.unit() == null ? "" : i.unit());
      rows.add(row);
    }
    return rows;
  }

  static String comparison(List<Indicator> before, List<Indicator> after) {
    var lines = new ArrayList<String>();
    for (int i = 0; i < after.size(); i++) {
      var now = after.get(i).describe();
      if (i >= before.size()) {
        lines.add((i + 1) + ". 新增：" + now);
      } else {
        var old = before.get(i).describe();
        lines.add((i + 1) + ". " + (old.equals(now) ? "不变：" + now : old + " → " + now));
      }
    }
    return String.join("\n", lines);
  }

  /** A form field: the variable's name. */
  private static String field(ProcessVariable<?> variable) {
    return variable.name();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> read(String text) {
    try {
      return json.readValue(text, List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
