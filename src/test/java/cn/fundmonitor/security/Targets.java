package cn.fundmonitor.security;

import static cn.fundmonitor.support.TestUsers.GUANGXI_ECO;
import static cn.fundmonitor.support.TestUsers.XINGNING_ECO;
import static cn.fundmonitor.support.TestUsers.YANGSHUO_ECO;
import static cn.fundmonitor.warehousing.WarehousingVariables.REVIEW_COMMENT;
import static cn.fundmonitor.warehousing.WarehousingVariables.REVIEW_OUTCOME;

import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What hostile users aim at: Xingning district's (兴宁区) project, its open quarterly filing with
 * its task and overdue timer, and a returned application waiting for Xingning to revise; and
 * Yangshuo's (阳朔县) own project, for the requests that are allowed.
 */
final class Targets {

  static final Quarter Q = new Quarter(2026, 3);

  final String xingningProject;
  final String yangshuoProject;
  final String filingKey;
  final String filingInstance;
  final String filingTask;
  final String filingJob;
  final String reviseTask;
  final String reviseInstance;

  Targets(Projects projects, Funding funding, RuntimeService runtime, TaskService tasks,
      ManagementService management, ApplicationStarter starter, TestUsers users, String label) {
    xingningProject = projects.warehoused(XINGNING_ECO, "450102", "兴宁区" + label + "项目");
    yangshuoProject = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县" + label + "项目");
    funding.fund(xingningProject, "450102", "1000000", LocalDate.of(2026, 4, 1));
    filingKey = Q.key(xingningProject);
    filingInstance = runtime.startProcessInstanceByKey(QuarterlyFilingProcess.KEY, filingKey,
        Variables.createVariables().putValue("filingYear", Q.year())
            .putValue("filingQuarter", Q.quarter()).putValue("projectCode", xingningProject))
        .getId();
    filingTask = tasks.createTaskQuery().processInstanceId(filingInstance)
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_FILE).singleResult().getId();
    var job = management.createJobQuery().processInstanceId(filingInstance).timers().list();
    filingJob = job.isEmpty() ? null : job.get(0).getId();

    var application = users.as(XINGNING_ECO, () -> starter.apply(
        Applications.xingningRestoration("兴宁区" + label + "退回申报")).code());
    var review = tasks.createTaskQuery().processInstanceBusinessKey(application)
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVIEW).singleResult();
    users.run(GUANGXI_ECO, () -> tasks.complete(review.getId(),
        REVIEW_OUTCOME.putInto(REVIEW_COMMENT.with("请补充材料"), ReviewOutcome.RETURN)));
    var revise = tasks.createTaskQuery().processInstanceBusinessKey(application)
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVISE).singleResult();
    reviseTask = revise.getId();
    reviseInstance = revise.getProcessInstanceId();
  }
}
