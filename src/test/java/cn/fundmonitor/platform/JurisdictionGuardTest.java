package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.XINGNING_ECO;
import static cn.fundmonitor.support.TestUsers.YANGSHUO_ECO;
import static cn.fundmonitor.support.TestUsers.YANGSHUO_FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jurisdiction on every way in (MNR 第二十三条). The attack of issue 13: yangshuo-finance
 * correlated ProblemRaised through /engine-rest/message with Xingning's project and a major
 * 挪用套取 problem reached the ministry and Xingning's statistics.
 */
@FundMonitorTest
class JurisdictionGuardTest {

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationStarter starter;
  @Autowired TestUsers users;
  Http http;
  String xingning;
  String yangshuo;

  @BeforeEach
  void projects() {
    http = new Http(port);
    xingning = projects.warehoused(XINGNING_ECO, "450102", "兴宁区管辖权测试项目");
    yangshuo = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县管辖权测试项目");
  }

  private int problemsOf(String project) {
    return jdbc.sql("select count(*) from fm_problem where project_code = ?").param(project)
        .query(Integer.class).single();
  }

  private String problemMessage(String project, boolean monitoring) {
    return """
        {"messageName":"%s","processVariables":{
          "projectCode":{"value":"%s","type":"String"},
          "problemKind":{"value":"MISAPPROPRIATION","type":"String"},
          "problemAmount":{"value":"5000000","type":"String"},
          "problemDescription":{"value":"伪造的挪用套取问题","type":"String"}%s}}
        """.formatted(ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED, project, monitoring
        ? ",\"sourceRef\":{\"value\":\"伪造\",\"type\":\"String\"},\"warningLevel\":{\"value\":\"RED\",\"type\":\"String\"}"
        : "");
  }

  @Test
  void aCountyCannotRaiseAProblemAgainstAnotherCountysProjectByMessage() {
    var answer = http.post("/engine-rest/message", problemMessage(xingning, false),
        YANGSHUO_FINANCE, PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("不存在或不属于本单位及下级单位");
    assertThat(problemsOf(xingning)).isZero();
  }

  @Test
  void theSameAnswerForAProjectThatDoesNotExistNothingLeaks() {
    var foreign = http.post("/engine-rest/message", problemMessage(xingning, false),
        YANGSHUO_FINANCE, PASSWORD);
    var unknown = http.post("/engine-rest/message", problemMessage("450321-2026-9999", false),
        YANGSHUO_FINANCE, PASSWORD);
    assertThat(unknown.statusCode()).isEqualTo(foreign.statusCode());
    assertThat(unknown.body().replace("450321-2026-9999", "X"))
        .isEqualTo(foreign.body().replace(xingning, "X"));
  }

  @Test
  void aCountyCannotRouteItsOwnProblemToAnotherUnitsGroup() {
    var message = problemMessage(yangshuo, false);
    var routed = message.substring(0, message.lastIndexOf("}}"))
        + ",\"handlingGroup\":{\"value\":\"450100-finance\",\"type\":\"String\"}}}";
    var answer = http.post("/engine-rest/message", routed, YANGSHUO_FINANCE, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("由系统确定办理单位");
    assertThat(problemsOf(yangshuo)).isZero();
  }

  @Test
  void aCountyCannotForgeAMonitoringWarningEvenForItsOwnProject() {
    var answer = http.post("/engine-rest/message", problemMessage(yangshuo, true),
        YANGSHUO_FINANCE, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("由系统根据监控结果设置");
    assertThat(problemsOf(yangshuo)).isZero();
  }

  @Test
  void aCountyRaisesAProblemAboutItsOwnProject() {
    var answer = http.post("/engine-rest/message", problemMessage(yangshuo, false),
        YANGSHUO_FINANCE, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(problemsOf(yangshuo)).isOne();
  }

  @Test
  void aStartFormNamingAnotherCountysProjectIsRefused() {
    var answer = http.post("/engine-rest/process-definition/key/"
            + ProblemEscalationProcess.KEY + "/submit-form",
        "{\"variables\":{\"projectCode\":{\"value\":\"" + xingning + "\"},"
            + "\"problemKind\":{\"value\":\"SLOW_PAYMENT\"},"
            + "\"problemDescription\":{\"value\":\"支付缓慢\"}}}", YANGSHUO_FINANCE, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(problemsOf(xingning)).isZero();
  }

  @Test
  void aCountyCannotMoveItsApplicationIntoAnotherCounty() {
    var code = users.as(XINGNING_ECO, () -> starter.apply(
        Applications.xingningRestoration("兴宁区退回后改区划测试")).code());
    var review = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVIEW).singleResult();
    tasks.complete(review.getId(), java.util.Map.of("reviewOutcome", "RETURN",
        "reviewComment", "请核实"));
    var revise = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVISE).singleResult();

    var viaVariable = http.put("/engine-rest/task/" + revise.getId() + "/variables/regionCode",
        "{\"value\":\"450321\",\"type\":\"String\"}", XINGNING_ECO, PASSWORD);
    assertThat(viaVariable.statusCode()).isEqualTo(403);

    var viaCompletion = http.post("/engine-rest/task/" + revise.getId() + "/complete",
        "{\"variables\":{\"regionCode\":{\"value\":\"450321\"},"
            + "\"revisionAction\":{\"value\":\"RESUBMIT\"}}}", XINGNING_ECO, PASSWORD);
    assertThat(viaCompletion.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(revise.getId()).count()).isOne();
    assertThat(runtime.getVariable(revise.getExecutionId(), "regionCode")).isNotEqualTo("450321");
  }
}
