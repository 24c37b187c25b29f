package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What a unit reads about its filing's period (MNR 第十一条: 季度填报, and 其他填报时点，按要求执行):
 * a quarter is 本季度 under the diagram's names; a monitoring point is 本期 and named as a point.
 */
class FilingTextsTest {

  static final Quarter QUARTER = new Quarter(2026, 3);
  static final MonitoringPeriod POINT = new MonitoringPeriod(7, LocalDate.of(2026, 8, 31),
      LocalDate.of(2026, 9, 15));

  @Test
  void mnrArticle11_aQuarterKeepsTheQuarterlyWording() {
    assertThat(FilingTexts.thisPeriod(QUARTER)).isEqualTo("本季度");
    assertThat(FilingTexts.noun(QUARTER)).isEqualTo("季度填报");
    assertThat(FilingTexts.previousFiling(QUARTER)).isEqualTo("上季度填报");
    assertThat(FilingTexts.taskName(TASK_FILE, "填报季度执行情况", false)).isEqualTo("填报季度执行情况");
    assertThat(FilingTexts.taskName(TASK_REVIEW, "省级审核季度填报", false)).isEqualTo("省级审核季度填报");
    assertThat(FilingTexts.taskName(TASK_FOLLOW_UP, "催办：季度填报逾期", false)).isEqualTo("催办：季度填报逾期");
  }

  @Test
  void mnrArticle11_aMonitoringPointIsNeverCalledAQuarter() {
    assertThat(FilingTexts.thisPeriod(POINT)).isEqualTo("本期");
    assertThat(FilingTexts.noun(POINT)).isEqualTo("监测时点填报");
    assertThat(FilingTexts.previousFiling(POINT)).isEqualTo("此前最近一次季度填报");
    assertThat(FilingTexts.taskName(TASK_FILE, "填报季度执行情况", true)).isEqualTo("填报监测时点执行情况");
    assertThat(FilingTexts.taskName(TASK_REVIEW, "省级审核季度填报", true)).isEqualTo("省级审核监测时点填报");
    assertThat(FilingTexts.taskName(TASK_FOLLOW_UP, "催办：季度填报逾期", true)).isEqualTo("催办：监测时点填报逾期");
    assertThat(FilingTexts.taskName(TASK_RESPOND_TO_WARNING, "说明或整改红色预警", true))
        .isEqualTo("说明或整改红色预警");
    assertThat(POINT.label()).isEqualTo("2026年1—8月监测时点（截至2026-08-31）").doesNotContain("季度");
  }
}
