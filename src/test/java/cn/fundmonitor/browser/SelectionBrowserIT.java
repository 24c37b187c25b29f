package cn.fundmonitor.browser;

import static cn.fundmonitor.warehousing.AnnualSelectionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.support.Projects;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * annualProjectSelection (年度支持项目遴选, GX 第十五条) done in Tasklist by its own user: before
 * September the province's finance department ticks next year's supported projects from the
 * reserve's warehoused projects.
 */
@BrowserTest
class SelectionBrowserIT {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ProjectCatalogue catalogue;
  @Autowired Projects projects;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void theProvinceTicksNextYearsSupportedProjectsFromTheReserve_gxArticle15(Tasklist tasklist) {
    var chosen = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器遴选项目（入选）"));
    var passedOver = projects.warehoused("xingning-eco", "450102", unique("兴宁区浏览器遴选项目（未入选）"));
    // a budget year of its own: the demo data's yearly selection (next year) is in the list too
    var year = LocalDate.now(clock).getYear() + 2;
    var pi = runtime.createProcessInstanceByKey(KEY).startBeforeActivity(TASK_PREPARE)
        .setVariables(BUDGET_YEAR.with(year)).execute();
    var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SELECT)
        .taskCandidateGroup("450000-finance").singleResult();
    assertThat(task).isNotNull();

    tasklist.login("guangxi-finance")
        .openTask("遴选下一年度支持项目", String.valueOf(year)).claim();
    assertThat(tasklist.field("省份").inputValue()).isEqualTo("广西壮族自治区");
    tasklist.tick("下一年度支持项目", chosen);
    assertThat(tasklist.option("下一年度支持项目", passedOver).isChecked())
        .as("offered, not ticked").isFalse();
    tasklist.fill("遴选说明", "按项目成熟度和绩效目标择优，兴宁区矿山修复项目列入" + year + "年度支持。")
        .complete();

    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(TASK_RECORD_SELECTION).finished().count()).isEqualTo(1);
    assertThat(catalogue.selectedFor("450000", year)).contains(chosen).doesNotContain(passedOver);
    assertThat(catalogue.selectionCandidates("450000", year)).extracting(p -> p.code())
        .contains(passedOver).doesNotContain(chosen);
    Map<String, Object> row = jdbc.sql("select selected_by, note from fm_project_selection "
        + "where project_code = ? and budget_year = ?").params(chosen, year).query().singleRow();
    assertThat(row.get("selected_by")).isEqualTo("guangxi-finance");
    assertThat(row.get("note")).isEqualTo("按项目成熟度和绩效目标择优，兴宁区矿山修复项目列入" + year + "年度支持。");
  }

  private static String unique(String name) {
    return name + System.nanoTime() % 100000;
  }
}
