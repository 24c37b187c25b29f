package cn.fundmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.MonitoringPointOpeningProcess;
import cn.fundmonitor.filing.MonitoringPointService;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * monitoringPointOpening (开启监测时点, MNR 第十一条: 其他填报时点，按要求执行) in Tasklist: Guangxi's
 * finance department opens a point for a list of its projects from the start form, and Xingning's
 * finance section then finds the point's filing task, named and introduced as the point's, never
 * as a quarter's. A county is not offered the start form.
 */
@BrowserTest
class MonitoringPointBrowserIT {

  static final String PROVINCE = "guangxi-finance";
  static final String COUNTY = "xingning-finance";
  /** projectWarehousing's name: a process a county's finance section starts. */
  static final String WAREHOUSING = "项目入库";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired MonitoringPointService points;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired JdbcClient jdbc;

  @Test
  void mnrArticle11_theProvinceOpensAPointInTasklistAndTheCountyFilesIt(Tasklist tasklist) {
    var project = projects.warehoused("xingning-eco", "450102",
        "兴宁区浏览器监测时点项目" + System.nanoTime() % 100000);
    var today = LocalDate.now();
    funding.fund(project, "450102", "1000000", today.minusDays(60));
    var asOf = freeDay(today);
    var dueOn = today.plusDays(14);

    var message = tasklist.login(PROVINCE).startProcess("开启监测时点")
        .date("监测时点（数据截至日期）", asOf.toString())
        .date("填报截止日期", dueOn.toString())
        .radio("监测范围", "指定项目清单")
        .fill("项目编码（多个用逗号、空格或换行分隔）", project)
        .start();
    assertThat(message).contains("流程已发起");

    var opened = history.createHistoricVariableInstanceQuery()
        .processDefinitionKey(MonitoringPointOpeningProcess.KEY)
        .variableName(MonitoringPointOpeningProcess.OPENED_POINT_ID.name()).list().stream()
        .map(v -> points.get((Long) v.getValue())).filter(p -> p.asOf().equals(asOf)).toList();
    assertThat(opened).as("one point opened as of " + asOf).hasSize(1);
    var point = opened.get(0);
    assertThat(point.openedBy()).isEqualTo(PROVINCE);
    assertThat(point.regionCode()).isEqualTo("450000");
    assertThat(point.projects()).containsExactly(project);
    assertThat(point.dueOn()).isEqualTo(dueOn);
    runWave(point.waveId());

    tasklist.logout().login(COUNTY).openTask("填报监测时点执行情况", project);
    var form = tasklist.page().locator(".task-details .fjs-container").first();
    assertThat(form.innerText()).as("the point's introduction, with the point's name")
        .contains("填报监测时点执行情况").contains("本期为监测时点：" + point.period().label())
        .doesNotContain("本季度").doesNotContain("{{");
    assertThat(tasklist.field("项目和期限").inputValue()).contains(point.period().label());
  }

  @Test
  void mnrArticle11_aCountyIsNotOfferedTheStartForm(Tasklist tasklist) {
    tasklist.login(COUNTY);
    var page = tasklist.page();
    page.getByText("发起流程", new Page.GetByTextOptions().setExact(true)).first().click();
    // the list loads after the dialog opens: wait for a process the county does start
    page.locator(".modal a", new Page.LocatorOptions().setHasText(WAREHOUSING)).first().waitFor();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    var offered = page.locator(".modal a").allInnerTexts();
    assertThat(offered).as("the county starts other processes").isNotEmpty();
    assertThat(String.join("\n", offered)).doesNotContain("开启监测时点");
  }

  /** The day before today (or earlier) on which no point was opened yet: one point per day. */
  private LocalDate freeDay(LocalDate today) {
    var day = today.minusDays(1);
    while (jdbc.sql("select count(*) from fm_monitoring_point where as_of = ?").param(day)
        .query(Integer.class).single() > 0) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** Runs the point's wave and its batches (the job executor is off in tests). */
  private void runWave(String waveId) {
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
}
