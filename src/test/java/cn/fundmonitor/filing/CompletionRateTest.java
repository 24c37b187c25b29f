package cn.fundmonitor.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Completion rates, computed: the Qiemo report's own figures. */
class CompletionRateTest {

  static IndicatorTarget n(String value) {
    return new IndicatorTarget.Numeric(new BigDecimal(value));
  }

  @ParameterizedTest(name = "{1} of {0} ({2}) → {3}%")
  @CsvSource({
      "15, 7, GE, 47",          // 办理建设项目用地初审 7 of 15 个
      "450, 30, GE, 7",         // 新增建设用地报批 30 of 450 亩
      "12, 4, GE, 33",          // 培训会议 4 of 12 次
      "98, 60, GE, 61",         // 项目工程验收合格率 60% against ≥ 98%
      "1129.83, 324.88, EQ, 29",// 人员保障成本经费 324.88 of 1129.83 万元
      "100, 50, EQ, 50",        // 国有建设用地和国有农用地评估率 50% of 100%
      "100, 100, GE, 100",
      "100, 130, GE, 100",      // capped
      "150, 0, EQ, 0",          // 项目保障成本经费 0 of 150 万元
      "10, 8, LE, 100",         // a cost under its ceiling
      "10, 20, LE, 50",         // twice the ceiling
      "10, 0, LE, 0"})          // nothing done yet
  void numericRates(String target, String actual, Comparator comparator, int rate) {
    assertThat(CompletionRate.of(comparator, n(target), n(actual))).hasValue(rate);
  }

  @Test
  void deadlinesAreMetOrMissed() {
    var due = new IndicatorTarget.Deadline(LocalDate.of(2027, 12, 31));
    assertThat(CompletionRate.of(Comparator.LE, due,
        new IndicatorTarget.Deadline(LocalDate.of(2027, 11, 1)))).hasValue(100);
    assertThat(CompletionRate.of(Comparator.LE, due,
        new IndicatorTarget.Deadline(LocalDate.of(2028, 1, 2)))).hasValue(0);
  }

  @Test
  void qualitativeRatesAreTheReviewers() {
    assertThat(CompletionRate.of(Comparator.QUALITATIVE, new IndicatorTarget.Qualitative("有效改善"),
        new IndicatorTarget.Qualitative("有所改善"))).isEmpty();
  }
}
