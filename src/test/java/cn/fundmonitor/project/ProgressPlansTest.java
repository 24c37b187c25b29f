package cn.fundmonitor.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.project.ProgressPlans.PlannedProgress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The implementation plan by monitoring point (资阳 三(三): 项目支出以项目实施进度为参照): checked as
 * entered, read at any monitoring point.
 */
class ProgressPlansTest {

  static Map<String, Object> row(String point, Object execution, Object physical) {
    return Map.of("pointOn", point, "plannedExecution", execution, "plannedPhysical", physical);
  }

  static final List<PlannedProgress> PLAN = ProgressPlans.check(List.of(
      row("2026-12-31", 90, 100), row("2026-03-31", "20", "10"), row("2026-06-30", 50, 40)));

  @Test
  void ziyang3_3_aPlanIsReadInDateOrder() {
    assertThat(PLAN).extracting(PlannedProgress::pointOn).containsExactly(
        LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 12, 31));
  }

  @Test
  void ziyang3_3_aPointOfThePlanIsReadAsPlanned() {
    var p = ProgressPlans.at(PLAN, LocalDate.of(2026, 6, 30)).orElseThrow();
    assertThat(p.execution()).isEqualByComparingTo("50");
    assertThat(p.physical()).isEqualByComparingTo("40");
  }

  @Test
  void ziyang3_3_betweenTwoPointsThePlanIsAStraightLine() {
    // 31 August (the September monitoring point on January–August): 62 of 184 days after 30 June
    var p = ProgressPlans.at(PLAN, LocalDate.of(2026, 8, 31)).orElseThrow();
    assertThat(p.pointOn()).isEqualTo(LocalDate.of(2026, 8, 31));
    assertThat(p.execution()).isEqualByComparingTo(new BigDecimal("63.48")); // 50 + 40 × 62/184
    assertThat(p.physical()).isEqualByComparingTo(new BigDecimal("60.22")); // 40 + 60 × 62/184
  }

  @Test
  void ziyang3_3_beforeItsFirstPointThereIsNoPlanAndAfterItsLastTheLastHolds() {
    assertThat(ProgressPlans.at(PLAN, LocalDate.of(2026, 3, 30))).isEmpty();
    assertThat(ProgressPlans.at(PLAN, LocalDate.of(2027, 3, 31))).get()
        .satisfies(p -> assertThat(p.physical()).isEqualByComparingTo("100"));
    assertThat(ProgressPlans.at(List.of(), LocalDate.of(2026, 3, 31))).isEmpty();
  }

  @Test
  void ziyang3_3_emptyRowsAreNoPlanAndMistakesAreRefusedInChinese() {
    assertThat(ProgressPlans.check(List.of())).isEmpty();
    assertThat(ProgressPlans.check(List.of(Map.of("pointOn", "", "plannedExecution", "")))).isEmpty();
    assertThatThrownBy(() -> ProgressPlans.check(List.of(row("2026-13-01", "120", "x"),
        row("2026-06-30", 50, 40), row("2026-06-30", 60, 50))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("实施进度计划第1行的监控时点“2026-13-01”不是有效的日期")
        .hasMessageContaining("实施进度计划第1行的计划预算执行率（%）应为0至100之间的数")
        .hasMessageContaining("实施进度计划第1行的计划实物工作量进度（%）“x”不是有效的数字")
        .hasMessageContaining("实施进度计划第3行：监控时点 2026-06-30 重复");
    assertThatThrownBy(() -> ProgressPlans.check(List.of(row("2026-03-31", 30, 20),
        row("2026-06-30", 20, 40))))
        .hasMessageContaining("实施进度计划为累计数，2026-06-30 的计划进度不能低于 2026-03-31 的");
  }
}
