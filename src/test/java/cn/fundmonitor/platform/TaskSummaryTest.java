package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.warehousing.WarehousingVariables;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task summary variables the features declare ({@link TaskSummary}), collected by
 * {@link TaskSummaryPlugin} in column order.
 */
@FundMonitorTest
class TaskSummaryTest {

  @Autowired TaskSummaryPlugin plugin;

  @Test
  void theFeaturesDeclaredColumnsStandInTheirOrder() {
    assertThat(plugin.columns()).containsExactly(
        entry(FundAllocationProcess.DOCUMENT_NO, "批复文号"),
        entry(FundAllocationProcess.RECIPIENT_NAME, "下达单位"),
        entry(WarehousingVariables.PROJECT_CODE, "项目编码"),
        entry(WarehousingVariables.PROJECT_NAME, "项目名称"),
        entry(WarehousingVariables.APPLICANT_UNIT_NAME, "申报单位"),
        entry(cn.fundmonitor.warehousing.AnnualSelectionProcess.PROVINCE_NAME, "省份"),
        entry(FundAllocationProcess.BUDGET_YEAR, "预算年度"),
        entry(QuarterlyFilingProcess.WARNING_TEXT, "执行预警"));
  }

  @Test
  void aVariableOrAPositionDeclaredTwiceIsRefused() {
    var warning = TaskSummary.of(QuarterlyFilingProcess.WARNING_TEXT, "执行预警", 80);
    assertThatThrownBy(() -> TaskSummary.columns(List.of(warning,
        TaskSummary.of(QuarterlyFilingProcess.WARNING_TEXT, "预警", 90))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("warningText");
    assertThatThrownBy(() -> TaskSummary.columns(List.of(warning,
        TaskSummary.of(WarehousingVariables.PROJECT_CODE, "项目编码", 80))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("position 80");
    assertThat(TaskSummary.columns(List.of(warning,
        TaskSummary.of(WarehousingVariables.PROJECT_CODE, "项目编码", 30))).keySet())
        .containsExactly(WarehousingVariables.PROJECT_CODE.name(), QuarterlyFilingProcess.WARNING_TEXT.name());
  }

  private static java.util.Map.Entry<String, String> entry(ProcessVariable<?> variable, String label) {
    return java.util.Map.entry(variable.name(), label);
  }
}
