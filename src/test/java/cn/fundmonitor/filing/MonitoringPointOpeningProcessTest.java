package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.MonitoringPointOpeningProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.support.Covers;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProcessTest;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opening a monitoring point from Tasklist (monitoringPointOpening; MNR 第十一条: 其他填报时点，按要求
 * 执行): a province's finance department for its region or a list of its projects, the ministry's
 * for a province; the point's filings then open as a quarter's do. Nobody else may start it.
 */
@ProcessTest
@Covers({"monitoringPointOpening"})
class MonitoringPointOpeningProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired MonitoringPointService points;
  @Autowired TestUsers users;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired JdbcClient jdbc;

  String project;

  /** A 兴宁区 project funded on 1 September 2026; today is 20 October 2026. */
  @BeforeEach
  void fundAProject() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 9, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8))
        .toInstant()));
    project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区开启监测时点项目");
    funding.fund(project, "450102", "500000", LocalDate.of(2026, 9, 1));
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(2026, 10, 20, 9, 0, 0, 0,
        ZoneOffset.ofHours(8)).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static VariableMap form(String asOf, String dueOn, String scope, String region, String codes) {
    return Submitted.form().text(AS_OF, asOf).text(DUE_ON, dueOn)
        .set(SCOPE, scope).set(REGION_CODE, region)
        .set(PROJECT_CODES, codes).set(BASIS, null).build();
  }

  ProcessInstance start(String user, VariableMap form) {
    return users.as(user, () -> runtime.startProcessInstanceByKey(KEY, form));
  }

  int points() {
    return jdbc.sql("select count(*) from fm_monitoring_point").query(Integer.class).single();
  }

  /** Runs the point's wave and its batches (the job executor is off in tests). */
  void runWave(MonitoringPoint point) {
    var waveId = points.get(point.id()).waveId();
    for (int round = 0; round < 20
        && runtime.createProcessInstanceQuery().processInstanceId(waveId).count() > 0; round++) {
      QuarterlyFilingProcess.WAVE_ID.whereEquals(runtime.createProcessInstanceQuery()
          .processDefinitionKey(QuarterlyFilingProcess.BATCH_KEY), waveId).list()
          .forEach(batch -> management.createJobQuery().processInstanceId(batch.getId()).list()
              .forEach(j -> management.executeJob(j.getId())));
      management.createJobQuery().processInstanceId(waveId).list()
          .forEach(j -> management.executeJob(j.getId()));
    }
  }

  @Test
  void mnrArticle11_theProvinceOpensAPointFromTasklistAndItsCountyGetsTheFilingTask() {
    var pi = start(GUANGXI_FINANCE, form("2026-10-16", "2026-10-30", "REGION", null, "忽略"));
    BpmnAwareTests.assertThat(pi).hasPassed(START, TASK_OPEN, END_OPENED).isEnded();
    var id = OPENED_POINT_ID.fromHistory(engine.getHistoryService(), pi.getId());
    var point = points.get(id);
    assertThat(point.regionCode()).as("the province's own region").isEqualTo("450000");
    assertThat(point.scope()).isEqualTo(MonitoringPoint.Scope.REGION);
    assertThat(point.asOf()).isEqualTo(LocalDate.of(2026, 10, 16));
    assertThat(point.dueOn()).isEqualTo(LocalDate.of(2026, 10, 30));
    assertThat(point.openedBy()).isEqualTo(GUANGXI_FINANCE);
    assertThat(point.basis()).isEqualTo(MonitoringPointService.DEFAULT_BASIS);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).singleResult().getBusinessKey()).isEqualTo("2026P" + id);
    // issue 18: the opening returns at once; the point's wave, recorded with it, waits at its plan
    // (a job of its own) and nothing is planned yet
    assertThat(point.waveId()).as("the point's wave").isNotNull();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(point.waveId()).singleResult())
        .satisfies(wave -> BpmnAwareTests.assertThat(wave)
            .isWaitingAt(QuarterlyFilingProcess.WAVE_PLAN));
    assertThat(jdbc.sql("select count(*) from fm_wave where id = ?").param(point.waveId())
        .query(Integer.class).single()).as("nothing planned yet").isZero();

    runWave(point);
    var task = tasks.createTaskQuery().processInstanceBusinessKey(point.period().key(project))
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_FILE).singleResult();
    assertThat(task).as("the county's filing of the point is open").isNotNull();
    assertThat(task.getName()).isEqualTo("填报监测时点执行情况");
    BpmnAwareTests.assertThat(task).hasCandidateGroup("450102-finance");
  }

  @Test
  void mnrArticle11_theMinistryOpensAPointForAListOfAProvincesProjects() {
    var pi = start(MINISTRY_FINANCE, form("2026-10-15", "2026-11-05", "LIST", "450000",
        project + "，\n" + project));
    BpmnAwareTests.assertThat(pi).isEnded();
    var id = OPENED_POINT_ID.fromHistory(engine.getHistoryService(), pi.getId());
    var point = points.get(id);
    assertThat(point.scope()).isEqualTo(MonitoringPoint.Scope.LIST);
    assertThat(point.projects()).containsExactly(project);
    assertThat(point.openedBy()).isEqualTo(MINISTRY_FINANCE);
  }

  @Test
  void mnrArticle11_onlyAProvincesOrTheMinistrysFinanceDepartmentStartsIt() {
    var before = points();
    assertThatThrownBy(() -> start(XINGNING_FINANCE, form("2026-10-14", "2026-10-30", "REGION",
        null, null))).as("a county is not offered the start form")
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> start(GUANGXI_ECO, form("2026-10-14", "2026-10-30", "REGION", null,
        null))).as("nor the province's business department").isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> start(GUANGXI_FINANCE, form("2026-10-14", "2026-10-13", "REGION",
        null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("监测时点有误");
    assertThatThrownBy(() -> start(GUANGXI_FINANCE, form("2026-10-14", "2026-10-30", "LIST",
        null, " ， "))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> start(GUANGXI_FINANCE, form("2026-10-14", "2026-10-30", "ALL",
        null, null))).isInstanceOf(InvalidInputException.class);
    assertThat(points()).as("nothing opened").isEqualTo(before);
  }

  @Test
  void theFormsProjectCodesAreSplitOnCommasBlanksAndLineBreaks() {
    assertThat(MonitoringPointOpeningDelegates.codes("A-1, A-2，A-3\nA-4 A-1")).containsExactly("A-1",
        "A-2", "A-3", "A-4");
    assertThat(MonitoringPointOpeningDelegates.codes(null)).isEmpty();
    assertThat(MonitoringPointOpeningDelegates.codes(List.of("x"))).isEmpty();
  }
}
