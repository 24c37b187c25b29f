package cn.fundmonitor.problems;

import static cn.fundmonitor.problems.ProblemEscalationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.money.Yuan;
import org.junit.jupiter.api.Test;

/**
 * The front door of problemEscalation (issue 18) hands the model the variables it reads, as the
 * callers did by hand before; the process tests of filing and lifecycle prove the raised problems.
 */
class ProblemReportsTest {

  private final ProblemReports reports = new ProblemReports(null, null);

  @Test
  void mnrArticle12_aWarningRaisesAProblemWithWhereItWasFoundAndItsLevel() {
    var vars = new ProblemReports.Report("450102-2026-0001", ProblemKind.SLOW_PAYMENT,
        Yuan.of("1000000"), "2026年第一季度执行监控黄色预警：…", "450102-2026-0001-2026Q1", "YELLOW")
        .variables();
    assertThat(vars).containsOnlyKeys(PROJECT_CODE.name(), PROBLEM_KIND.name(),
        PROBLEM_AMOUNT.name(), PROBLEM_DESCRIPTION.name(), SOURCE_REF.name(), WARNING_LEVEL.name());
    assertThat(PROBLEM_KIND.from(vars)).isEqualTo("SLOW_PAYMENT");
    assertThat(PROBLEM_AMOUNT.from(vars)).isEqualTo("1000000.00");
    assertThat(WARNING_LEVEL.from(vars)).isEqualTo("YELLOW");
  }

  @Test
  void mnrArticle12_withoutAWarningTheLevelIsLeftOutForTheModelToSet() {
    var vars = new ProblemReports.Report("450102-2026-0001", ProblemKind.SLOW_PAYMENT,
        Yuan.of("2000"), "验收支付不足", "450102-2026-0001-验收支付", null).variables();
    assertThat(vars).doesNotContainKey(WARNING_LEVEL.name());
    assertThat(SOURCE_REF.from(vars)).isEqualTo("450102-2026-0001-验收支付");
  }

  @Test
  void mnrArticle12_aPersonsReportHasNoSourceAndARaisedProblemHasOne() {
    var byUser = ProblemReports.Report.byUser("450102-2026-0001", ProblemKind.OTHER, null, "说明");
    assertThat(byUser.variables()).doesNotContainKeys(SOURCE_REF.name(), WARNING_LEVEL.name(),
        PROBLEM_AMOUNT.name());
    assertThatThrownBy(() -> reports.raise(byUser, "raise")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("where it was found");
    var raised = new ProblemReports.Report("450102-2026-0001", ProblemKind.OTHER, null, "说明",
        "450102-2026-0001-2026Q1", null);
    assertThatThrownBy(() -> reports.report(raised)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProblemReports.Report("450102-2026-0001", null, null, "说明",
        null, null)).isInstanceOf(NullPointerException.class);
  }
}
