package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.WarehousingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.warehousing.ApplicationRequest;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit for supervisors below the ministry (issue 17; MNR 第六条: 省级 "指导、督促下级部门按期完成填报任务";
 * 第七条: 市 "负责统筹推进本区域资金监测监管工作"): a province's and a city's departments read their
 * subtree's process instances, incidents and tasks — the tasks read-only — through the engine's
 * REST, and another province, another city, another department or the county next door reads
 * none of them (MNR 第二十三条).
 */
@FundMonitorTest
class SupervisorGrantsTest {

  @LocalServerPort int port;
  @Autowired ApplicationStarter starter;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** An application returned to its county: the county's task, in an instance of its own. */
  private Task returnedTo(String applicant, String reviewer, String name, String region) {
    var code = users.as(applicant, () -> starter.apply(
        Applications.withRegion(Applications.xingningRestoration(name), region)).code());
    var review = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVIEW).singleResult();
    users.run(reviewer, () -> tasks.complete(review.getId(),
        REVIEW_OUTCOME.putInto(REVIEW_COMMENT.with("请补充材料"), ReviewOutcome.RETURN)));
    var task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    // an incident in the instance, as the overdue check raises one (overdue/OverdueIncidents)
    runtime.createIncident("overdue", task.getExecutionId(), "test", "环节逾期（测试）");
    return task;
  }

  private List<String> ids(String path, String user) throws Exception {
    var response = http.get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    var result = new ArrayList<String>();
    json.readTree(response.body()).forEach(n -> result.add(
        n.has("processInstanceId") && !path.startsWith("/engine-rest/process-instance")
            ? n.get("processInstanceId").asText() : n.get("id").asText()));
    return result;
  }

  private int status(String path, String user) {
    return http.get(path, user, PASSWORD).statusCode();
  }

  @Test
  void mnr6_theProvinceAndTheCityAboveReadTheCountysInstanceIncidentAndTaskAndNoOneElseDoes()
      throws Exception {
    var xingning = returnedTo(XINGNING_ECO, GUANGXI_ECO, "兴宁区项目（驾驶舱）", "450102");
    var qiemo = returnedTo(QIEMO_ECO, XINJIANG_ECO, "且末县项目（驾驶舱）", "652825");
    var gx = xingning.getProcessInstanceId();
    var xj = qiemo.getProcessInstanceId();

    for (var supervisor : List.of(GUANGXI_FINANCE, GUANGXI_ECO, NANNING_FINANCE, NANNING_ECO)) {
      assertThat(ids("/engine-rest/process-instance?maxResults=1000", supervisor)).as(supervisor)
          .contains(gx).doesNotContain(xj);
      assertThat(status("/engine-rest/process-instance/" + gx, supervisor)).isEqualTo(200);
      assertThat(status("/engine-rest/process-instance/" + gx + "/activity-instances",
          supervisor)).isEqualTo(200);
      assertThat(status("/engine-rest/process-instance/" + gx + "/variables", supervisor))
          .isEqualTo(200);
      assertThat(ids("/engine-rest/incident?maxResults=1000", supervisor)).as(supervisor)
          .contains(gx).doesNotContain(xj);
      assertThat(ids("/engine-rest/task?processInstanceId=" + gx, supervisor)).as(supervisor)
          .containsExactly(gx);
      assertThat(status("/engine-rest/task/" + xingning.getId(), supervisor)).isEqualTo(200);
      assertThat(status("/engine-rest/task/" + xingning.getId() + "/identity-links", supervisor))
          .isEqualTo(200);
    }
    // Xinjiang's own province reads its county's instance, and not Guangxi's
    assertThat(ids("/engine-rest/process-instance?maxResults=1000", XINJIANG_FINANCE))
        .contains(xj).doesNotContain(gx);

    // another province, another city, another department, the county next door: nothing of it
    for (var stranger : List.of(XINJIANG_FINANCE, XINJIANG_ECO, SICHUAN_FINANCE, GUILIN_FINANCE,
        GUANGXI_GEOHAZARD, QINGXIU_ECO, QIEMO_ECO)) {
      assertThat(ids("/engine-rest/process-instance?maxResults=1000", stranger)).as(stranger)
          .doesNotContain(gx);
      assertThat(status("/engine-rest/process-instance/" + gx, stranger)).as(stranger)
          .isIn(403, 404);
      assertThat(status("/engine-rest/process-instance/" + gx + "/variables", stranger))
          .as(stranger).isIn(403, 404);
      assertThat(ids("/engine-rest/incident?maxResults=1000", stranger)).as(stranger)
          .doesNotContain(gx);
      assertThat(status("/engine-rest/task/" + xingning.getId(), stranger)).as(stranger)
          .isIn(403, 404);
      assertThat(ids("/engine-rest/task?processInstanceId=" + gx, stranger)).as(stranger)
          .isEmpty();
    }
    // the ministry reads every instance through its definition grants, no unit's tasks
    assertThat(status("/engine-rest/process-instance/" + gx, MINISTRY_FINANCE)).isEqualTo(200);
    assertThat(status("/engine-rest/task/" + xingning.getId(), MINISTRY_FINANCE)).isIn(403, 404);
  }

  @Test
  void mnr6_supervisorsReadTasksButCannotWorkThem() throws Exception {
    var xingning = returnedTo(XINGNING_ECO, GUANGXI_ECO, "兴宁区项目（只读）", "450102");
    var id = xingning.getId();
    for (var supervisor : List.of(GUANGXI_FINANCE, NANNING_ECO)) {
      assertThat(http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + supervisor
          + "\"}", supervisor, PASSWORD).statusCode()).as(supervisor).isEqualTo(403);
      assertThat(http.post("/engine-rest/task/" + id + "/complete",
          "{\"variables\":{\"revisionAction\":{\"value\":\"WITHDRAW\"}}}", supervisor, PASSWORD)
          .statusCode()).as(supervisor).isEqualTo(403);
      assertThat(http.post("/engine-rest/task/" + id + "/assignee", "{\"userId\":\"" + supervisor
          + "\"}", supervisor, PASSWORD).statusCode()).as(supervisor).isEqualTo(403);
      assertThat(http.post("/engine-rest/task/" + id + "/identity-links",
          "{\"groupId\":\"450000-finance\",\"type\":\"candidate\"}", supervisor, PASSWORD)
          .statusCode()).as(supervisor).isEqualTo(403);
      assertThat(http.post("/engine-rest/process-instance/" + xingning.getProcessInstanceId()
          + "/variables", "{\"modifications\":{\"x\":{\"value\":1}}}", supervisor, PASSWORD)
          .statusCode()).as(supervisor).isEqualTo(403);
    }
    assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
    // and the supervised task is in none of the supervisor's Tasklist filters (own groups only)
    assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("450000-finance",
        "450100-eco")).taskId(id).count()).isZero();
  }

  @Autowired cn.fundmonitor.support.Projects projects;

  private void complete(String user, String instanceId, String taskKey,
      java.util.Map<String, Object> vars) {
    var task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey)
        .singleResult();
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
    });
  }

  /**
   * The province's own instance — Guangxi registers central money and issues it to a Xingning
   * project (GX 第十八条) — with a step for Xingning's finance office: its refinement.
   */
  private Task xingningRefinementInGuangxisAllocation(String name) {
    var today = java.time.LocalDate.now();
    // money is issued with the project's targets for the year (GX 第二十五条、第二十六条)
    var project = projects.withAnnualTargets(projects.warehoused(XINGNING_ECO, "450102", name),
        today.getYear());
    var documentNo = "财资环〔测试" + System.nanoTime() + "〕号";
    var pi = users.as(GUANGXI_FINANCE, () -> runtime.startProcessInstanceByKey(
        FundAllocationProcess.KEY, Submitted.form()
            .set(FundAllocationProcess.DOCUMENT_NO, documentNo)
            .set(FundAllocationProcess.FUND_CLASS, "CENTRAL")
            .set(FundAllocationProcess.DIRECTION, "ECO_RESTORATION")
            .set(FundAllocationProcess.BUDGET_YEAR, today.getYear())
            .text(FundAllocationProcess.CENTRAL_AMOUNT, "1000000")
            .text(FundAllocationProcess.PROVINCIAL_AMOUNT, "0")
            .set(FundAllocationProcess.RECEIVED_ON, today)
            .json(FundAllocationProcess.APPROVED_TARGETS,
                List.of(ApplicationRequest.indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE",
                    "1", "公顷"))).build()));
    complete(GUANGXI_FINANCE, pi.getId(), FundAllocationProcess.TASK_ISSUE,
        Submitted.form()
            .set(FundAllocationProcess.ISSUE_DOCUMENT_NO, "桂" + documentNo)
            .set(FundAllocationProcess.ISSUED_ON, today)
            .json(FundAllocationProcess.ISSUE_LINES, List.of(
                java.util.Map.of("recipientCode", "450102", "projectCode", project,
                    "centralShare", "1000000", "provincialShare", "0")))
            .json(FundAllocationProcess.DECOMPOSED_TARGETS, List.of()).build());
    complete(GUANGXI_FISCAL, pi.getId(), FundAllocationProcess.TASK_REVIEW_PLAN,
        Submitted.form()
            .text(FundAllocationProcess.PLAN_REVIEW_OUTCOME, "APPROVE")
            .set(FundAllocationProcess.PLAN_REVIEW_COMMENT, "同意下达。").build());
    return tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(FundAllocationProcess.TASK_REFINE).singleResult();
  }

  @Test
  void mnr6_aHigherUnitsInstanceIsNotReadInFullByTheSupervisorsOfItsStep() throws Exception {
    var refinement = xingningRefinementInGuangxisAllocation("兴宁区项目（上级实例）");
    assertThat(refinement).as("Xingning's refinement is open").isNotNull();
    var instance = refinement.getProcessInstanceId();
    // the city supervises Xingning's step: it reads the task, read-only, and not the province's
    // instance (its variables: every recipient's money), nor finds it in its lists
    for (var city : List.of(NANNING_FINANCE)) {
      assertThat(status("/engine-rest/task/" + refinement.getId(), city)).as(city)
          .isEqualTo(200);
      assertThat(status("/engine-rest/process-instance/" + instance, city)).as(city)
          .isIn(403, 404);
      assertThat(status("/engine-rest/process-instance/" + instance + "/variables", city))
          .as(city).isIn(403, 404);
      assertThat(ids("/engine-rest/process-instance?maxResults=1000", city)).as(city)
          .doesNotContain(instance);
    }
    // the province reads its own instance, and Xingning the instance it works in
    assertThat(status("/engine-rest/process-instance/" + instance, GUANGXI_FINANCE))
        .isEqualTo(200);
    assertThat(status("/engine-rest/task/" + refinement.getId(), GUANGXI_FINANCE))
        .isEqualTo(200);
    assertThat(status("/engine-rest/process-instance/" + instance, XINGNING_FINANCE))
        .isEqualTo(200);
  }

  @Autowired cn.fundmonitor.support.Funding funding;

  @Test
  void mnr6_mnr25_theMinistrysInspectionWithAXingningFindingIsNotGuangxisToReadInFull()
      throws Exception {
    // money for a Xingning project that then left the reserve: a finding of the ministry's check
    // (MNR 第二十五条) in a year of its own, so no other test's figures see it
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区项目（部级抽查）");
    funding.fund(project, "450102", "100000", java.time.LocalDate.of(2019, 3, 2));
    jdbc.update("update fm_project set status = 'RETURNED' where code = ?", project);
    var inspection = users.as(MINISTRY_FINANCE, () -> runtime.startProcessInstanceByKey(
        cn.fundmonitor.inspection.InspectionProcess.KEY,
        org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue("inspectionYear", "2019").putValue("sampleUnits", "450102")));
    var rectify = tasks.createTaskQuery().processInstanceId(inspection.getId())
        .taskCandidateGroup("450102-finance").list();
    assertThat(rectify).as("Xingning's finding to rectify").isNotEmpty();
    var instance = inspection.getId();
    for (var supervisor : List.of(GUANGXI_FINANCE, NANNING_FINANCE)) {
      assertThat(status("/engine-rest/task/" + rectify.get(0).getId(), supervisor))
          .as(supervisor + " reads the step of its subtree").isEqualTo(200);
      assertThat(status("/engine-rest/process-instance/" + instance, supervisor))
          .as(supervisor + " does not read the ministry's instance").isIn(403, 404);
      assertThat(status("/engine-rest/process-instance/" + instance + "/variables", supervisor))
          .as(supervisor).isIn(403, 404);
      assertThat(ids("/engine-rest/process-instance?maxResults=1000", supervisor)).as(supervisor)
          .doesNotContain(instance);
    }
    assertThat(status("/engine-rest/process-instance/" + instance, MINISTRY_FINANCE))
        .isEqualTo(200);
  }

  @Test
  void mnr6_theBackfillTakesBackAHigherUnitsInstanceFromTheSupervisorsOfItsStep()
      throws Exception {
    var refinement = xingningRefinementInGuangxisAllocation("兴宁区项目（收回授权）");
    var instance = refinement.getProcessInstanceId();
    // as an earlier release granted it: the city's finance office reads the whole instance
    var grant = authorizations.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("450100-finance");
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(instance);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    assertThat(status("/engine-rest/process-instance/" + instance, NANNING_FINANCE))
        .isEqualTo(200);
    jdbc.update("delete from ACT_GE_PROPERTY where NAME_ = ?", SupervisorGrantsBackfill.REVOKED);

    backfill.onStart();
    assertThat(status("/engine-rest/process-instance/" + instance, NANNING_FINANCE))
        .isIn(403, 404);
    assertThat(status("/engine-rest/task/" + refinement.getId(), NANNING_FINANCE))
        .as("the step stays readable").isEqualTo(200);
    assertThat(status("/engine-rest/process-instance/" + instance, GUANGXI_FINANCE))
        .isEqualTo(200);
    assertThat(status("/engine-rest/process-instance/" + instance, XINGNING_FINANCE))
        .isEqualTo(200);
  }

  @Autowired SupervisorGrantsBackfill backfill;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void mnr6_tasksOpenBeforeThisReleaseAreGrantedOnceAtStart() throws Exception {
    var xingning = returnedTo(XINGNING_ECO, GUANGXI_ECO, "兴宁区项目（升级前）", "450102");
    var gx = xingning.getProcessInstanceId();
    // as a database of the previous release has it: no grant on the instance, none to supervisors
    jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ? or (RESOURCE_ID_ = ? "
        + "and GROUP_ID_ <> '450102-eco')", gx, xingning.getId());
    jdbc.update("delete from ACT_GE_PROPERTY where NAME_ = ?", SupervisorGrantsBackfill.DONE);
    assertThat(status("/engine-rest/process-instance/" + gx, GUANGXI_FINANCE)).isIn(403, 404);
    assertThat(status("/engine-rest/task/" + xingning.getId(), NANNING_ECO)).isIn(403, 404);

    backfill.onStart();
    assertThat(status("/engine-rest/process-instance/" + gx, GUANGXI_FINANCE)).isEqualTo(200);
    assertThat(status("/engine-rest/task/" + xingning.getId(), NANNING_ECO)).isEqualTo(200);
    assertThat(status("/engine-rest/process-instance/" + gx, XINJIANG_FINANCE)).isIn(403, 404);
    assertThat(status("/engine-rest/task/" + xingning.getId(), XINGNING_ECO))
        .as("the county's own grant is untouched").isEqualTo(200);
    // once per database: a second start writes nothing (and does not fail on what exists)
    var rows = jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Integer.class);
    backfill.onStart();
    jdbc.update("delete from ACT_GE_PROPERTY where NAME_ = ?", SupervisorGrantsBackfill.DONE);
    backfill.onStart();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Integer.class))
        .isEqualTo(rows);
  }

  @Test
  void mnr6_hostileInputAnswers4xxNot500() {
    for (var path : List.of("/engine-rest/process-instance/'%20or%201=1--",
        "/engine-rest/process-instance/%3Cscript%3E/variables",
        "/engine-rest/task/..%2F..%2Fprocess-instance")) {
      assertThat(status(path, GUANGXI_FINANCE)).as(path).isBetween(400, 404);
    }
  }

  @Test
  void mnr6_provincesAndCitiesMayOpenCockpitCountiesMayNot() {
    assertThat(cockpit("450000-finance")).isTrue();
    assertThat(cockpit("450100-eco")).isTrue();
    assertThat(cockpit("450102-finance")).as("a county supervises no one").isFalse();
    assertThat(cockpit("450000-fiscal")).as("the fiscal department is not the natural-resources line")
        .isFalse();
  }

  private boolean cockpit(String group) {
    return authorizations.isUserAuthorized("u", List.of(group), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit");
  }
}
