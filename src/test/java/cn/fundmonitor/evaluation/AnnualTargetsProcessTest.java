package cn.fundmonitor.evaluation;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTargets;
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
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Overall and annual targets (GX 第二十五条: 所有专项资金支持的项目都要编制整体绩效目标和年度绩效目标，
 * 并按要求开展年度、中期和实施期后绩效评价; 第二十六条: 自治区下达项目任务时，同步下达项目年度绩效目标和
 * 总体绩效目标): the province issues a project's targets year by year; the quarterly filing of a
 * year is measured against that year's targets, or the overall ones where none were issued; a
 * multi-year project is self-evaluated every year it runs — with or without new money — and once
 * after it ends. Years 2041–2045 belong to this class alone in the process tests' shared database.
 */
@ProcessTest
@Covers("selfEvaluationWave")
class AnnualTargetsProcessTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ProjectCatalogue catalogue;
  @Autowired ProjectTargets projectTargets;
  @Autowired SelfEvaluationService evaluations;
  @Autowired FilingService filings;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(int y, int m, int d) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.of(y, m, d, 9, 0, 0, 0, BEIJING).toInstant()));
  }

  static List<Map<String, Object>> annual(String area) {
    return List.of(indicator("OUTPUT", "QUANTITY", "年度修复治理面积", "GE", area, "公顷"),
        indicator("SATISFACTION", "SERVICE_SATISFACTION", "年度群众满意度", "GE", "85", "%"));
  }

  String funded(String name, int year) {
    var code = projects.warehoused(XINGNING_ECO, "450102", name);
    at(year, 3, 2);
    funding.fund(code, "450102", "1000000", LocalDate.of(year, 3, 2));
    return code;
  }

  /** The project's life ended (closed after final accounts) on the given day. */
  void lifeEnded(String code, LocalDate on) {
    var at = on.atTime(10, 0).atOffset(BEIJING);
    if (jdbc.sql("update fm_project_lifecycle set status = 'CLOSED', updated_at = ? where project_code = ?")
        .params(at, code).update() == 0) {
      jdbc.sql("insert into fm_project_lifecycle (project_code, status, opened_at, updated_at) "
          + "values (?, 'CLOSED', ?, ?)").params(code, at, at).update();
    }
  }

  /** The year's wave: its timer fires the January after. */
  void wave(int year) {
    at(year + 1, 1, 2);
    var timer = management.createJobQuery().processDefinitionKey(WAVE_KEY).timers().singleResult();
    management.executeJob(timer.getId());
    var history = engine.getHistoryService();
    var pi = history.createHistoricProcessInstanceQuery().processDefinitionKey(WAVE_KEY)
        .processInstanceBusinessKey("evaluation-" + year).singleResult();
    for (int round = 0; round < 10; round++) {
      var jobs = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(a -> a.getActivityId()).contains(WAVE_START, WAVE_PLAN, WAVE_RECONCILE, WAVE_END);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getEndTime()).as("the wave of " + year + " has ended").isNotNull();
  }

  Map<String, String> kinds(int year, List<String> codes) {
    return jdbc.sql("select project_code, evaluation_kind from fm_self_evaluation where evaluation_year = ?")
        .param(year).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .filter(e -> codes.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Test
  void aMultiYearProjectIsEvaluatedEveryYearItRunsAndOnceAfterItEnds_gxArticle25() {
    var multiYear = funded("兴宁区三年期修复项目", 2041);
    for (int y = 2041; y <= 2043; y++) {
      projectTargets.issueAnnualTargets(multiYear, y, annual(String.valueOf(40 * (y - 2040))), GUANGXI_ECO,
          users.groups(GUANGXI_ECO));
    }
    var endedEarly = funded("兴宁区三年期提前终结项目", 2041);
    for (int y = 2042; y <= 2043; y++) {
      projectTargets.issueAnnualTargets(endedEarly, y, annual("40"), GUANGXI_ECO, users.groups(GUANGXI_ECO));
    }
    // money goes with the year's targets (GX 第二十六条): a project funded for one year with that
    // year's targets only runs one year, so its evaluation that year is the one after it
    var oneYear = funded("兴宁区一年期项目", 2041);
    var all = List.of(multiYear, endedEarly, oneYear);

    wave(2041);
    assertThat(kinds(2041, all)).as("every project funded in the year").containsExactlyInAnyOrderEntriesOf(
        Map.of(multiYear, "ANNUAL", endedEarly, "ANNUAL", oneYear, "FINAL"));

    lifeEnded(endedEarly, LocalDate.of(2042, 6, 30));
    wave(2042);
    assertThat(kinds(2042, all)).as("no new money in 2042: the multi-year project runs (中期), the "
        + "one that ended is evaluated once after it ends (实施期后), the finished one-year project not")
        .containsExactlyInAnyOrderEntriesOf(Map.of(multiYear, "MIDTERM", endedEarly, "FINAL"));

    wave(2043);
    assertThat(kinds(2043, all)).as("the last year of the period: after it, the final evaluation")
        .containsExactlyInAnyOrderEntriesOf(Map.of(multiYear, "FINAL"));

    lifeEnded(multiYear, LocalDate.of(2044, 3, 1));
    wave(2044);
    assertThat(kinds(2044, all)).as("once after it ends: closing later adds no second final evaluation")
        .isEmpty();

    var history = engine.getHistoryService();
    var evaluation = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(SelfEvaluation.key(multiYear, 2042)).singleResult();
    var context = CONTEXT.fromHistory(history, evaluation.getId());
    assertThat(context).contains("评价类型：中期绩效评价").contains("考核目标：2042 年度绩效目标");
    assertThat(evaluations.get(SelfEvaluation.key(endedEarly, 2042)).kind()).isEqualTo(EvaluationKind.FINAL);
  }

  @Test
  void theQuarterIsMeasuredAgainstTheYearsAnnualTargetsElseTheOverallOnes_gxArticle26() {
    var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区分年度目标项目");
    at(2045, 3, 2);
    assertThat(catalogue.targetsFor(code, 2045).annual()).isFalse();
    assertThat(catalogue.targetsFor(code, 2045).indicators()).as("the overall targets of warehousing")
        .hasSize(4);

    // GX 第二十六条: the province issues the year's targets; the county applicant does not
    assertThatThrownBy(() -> projectTargets.issueAnnualTargets(code, 2045, annual("50"), XINGNING_ECO,
        users.groups(XINGNING_ECO))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> projectTargets.issueAnnualTargets(code, 2045, annual("50"), NANNING_FISCAL,
        users.groups(NANNING_FISCAL))).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> projectTargets.issueAnnualTargets(code, 2045, List.of(indicator("OUTPUT",
        "BENEFIT_X", "面积", "GE", "-1", "公顷")), GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("第1条指标");
    var issued = projectTargets.issueAnnualTargets(code, 2045, annual("50"), GUANGXI_FINANCE,
        users.groups(GUANGXI_FINANCE));
    assertThat(issued.annual()).isTrue();
    assertThat(issued.label()).isEqualTo("2045 年度绩效目标");
    // the year's money goes with the targets issued (GX 第二十六条) and leaves them as they are
    funding.fund(code, "450102", "1000000", LocalDate.of(2045, 3, 2));
    assertThat(catalogue.targetsFor(code, 2045).indicators()).extracting(i -> i.name())
        .containsExactly("年度修复治理面积", "年度群众满意度");

    var q1 = new Quarter(2045, 2);
    at(2045, 7, 3);
    filings.prepare(code, q1);
    filings.open(q1.key(code), q1, null);
    assertThatThrownBy(() -> filings.file(q1.key(code), new RawFiling("100000", Map.of("CENTRAL", "100000"), "30", List.of(Map.of("position", 1, "actual", "20"))), XINGNING_FINANCE))
        .as("the year's second target is reported on too").isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("年度群众满意度");
    filings.file(q1.key(code), new RawFiling("100000", Map.of("CENTRAL", "100000"), "30", List.of(Map.of("position", 1, "actual", "20"), Map.of("position", 2, "actual", "90"))),
        XINGNING_FINANCE);
    var actuals = filings.actuals(q1.key(code));
    assertThat(actuals).extracting(a -> a.indicator().name()).containsExactly("年度修复治理面积", "年度群众满意度");
    assertThat(actuals.get(0).completionRate()).as("20 of the year's 50 公顷").isEqualTo(40);

    assertThatThrownBy(() -> projectTargets.issueAnnualTargets(code, 2045, annual("60"), GUANGXI_FINANCE,
        users.groups(GUANGXI_FINANCE))).as("the year's filing keeps its actuals by target")
        .isInstanceOf(ConflictException.class).hasMessageContaining("季度填报已经开始");
    assertThat(catalogue.targetsFor(code, 2046).annual()).as("a year without annual targets").isFalse();
    assertThat(catalogue.history(code)).anySatisfy(c -> assertThat(c.reason())
        .startsWith("下达 2045 年度绩效目标（GX 第二十六条）：年度修复治理面积 ≥ 50 公顷"));
  }
}
