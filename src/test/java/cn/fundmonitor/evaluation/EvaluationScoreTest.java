package cn.fundmonitor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.filing.IndicatorActual;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorCategory;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The self-evaluation score: pro rata, "≤" indicators, deadlines, qualitative rates, what is left out. */
class EvaluationScoreTest {

  static final Map<EvaluationPart, BigDecimal> DEFAULT = Map.of(
      EvaluationPart.OUTPUT, BigDecimal.valueOf(50), EvaluationPart.BENEFIT, BigDecimal.valueOf(30),
      EvaluationPart.SATISFACTION, BigDecimal.valueOf(10), EvaluationPart.BUDGET_EXECUTION, BigDecimal.valueOf(10));

  static IndicatorActual numeric(IndicatorLevel level, IndicatorCategory category, Comparator c,
      String target, String actual) {
    return new IndicatorActual(1, new Indicator(level, category, "指标", c,
        new IndicatorTarget.Numeric(new BigDecimal(target)), "个"),
        new IndicatorTarget.Numeric(new BigDecimal(actual)), false, null, false);
  }

  static IndicatorActual output(String target, String actual) {
    return numeric(IndicatorLevel.OUTPUT, IndicatorCategory.QUANTITY, Comparator.GE, target, actual);
  }

  @Test
  void everythingMetScores100() {
    var result = EvaluationScore.score(DEFAULT, List.of(output("10", "12"),
        numeric(IndicatorLevel.BENEFIT, IndicatorCategory.SOCIAL, Comparator.GE, "5", "5"),
        numeric(IndicatorLevel.SATISFACTION, IndicatorCategory.SERVICE_SATISFACTION, Comparator.GE, "90", "96")),
        Yuan.of("100"), Yuan.of("100"));
    assertThat(result.score()).isEqualByComparingTo("100.0");
    assertThat(result.judgedWeight()).isEqualByComparingTo("100");
  }

  @Test
  void anIndicatorEarnsItsShareProRata() {
    // output: 6 of 10 → 30 of 50; the rest met: 30 + 30 + 10 + 10 = 80
    var result = EvaluationScore.score(DEFAULT, List.of(output("10", "6"),
        numeric(IndicatorLevel.BENEFIT, IndicatorCategory.SOCIAL, Comparator.GE, "5", "5"),
        numeric(IndicatorLevel.SATISFACTION, IndicatorCategory.SERVICE_SATISFACTION, Comparator.GE, "90", "90")),
        Yuan.of("100"), Yuan.of("100"));
    assertThat(result.score()).isEqualByComparingTo("80.0");
    assertThat(result.summary()).isEqualTo("产出 30/50；效益 30/30；满意度 10/10；预算执行率 10/10；得分 80.0");
  }

  @Test
  void aPartsWeightIsSharedByItsIndicators() {
    // two outputs of 25 each: one met, one half → 37.5 of 50; only output judged → 75.0
    var result = EvaluationScore.score(DEFAULT, List.of(output("10", "10"), output("10", "5")),
        null, null);
    assertThat(result.score()).isEqualByComparingTo("75.0");
  }

  @Test
  void aLessOrEqualIndicatorLosesAsTheActualExceedsTheTarget() {
    var cost = numeric(IndicatorLevel.OUTPUT, IndicatorCategory.COST, Comparator.LE, "100", "125");
    assertThat(EvaluationScore.achievement(cost)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.8"));
    var under = numeric(IndicatorLevel.OUTPUT, IndicatorCategory.COST, Comparator.LE, "100", "0");
    assertThat(EvaluationScore.achievement(under)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1"));
  }

  @Test
  void deadlinesQualitativeRatesAndNotYetDue() {
    var ind = new Indicator(IndicatorLevel.OUTPUT, IndicatorCategory.TIMELINESS, "完工", Comparator.LE,
        new IndicatorTarget.Deadline(LocalDate.of(2026, 12, 31)), "");
    assertThat(EvaluationScore.achievement(new IndicatorActual(1, ind,
        new IndicatorTarget.Deadline(LocalDate.of(2027, 1, 5)), false, null, false))).hasValue(BigDecimal.ZERO);
    assertThat(EvaluationScore.achievement(new IndicatorActual(1, ind,
        new IndicatorTarget.Deadline(LocalDate.of(2026, 12, 1)), false, null, false))).hasValue(BigDecimal.ONE);
    assertThat(EvaluationScore.achievement(new IndicatorActual(1, ind, null, true, null, false))).isEmpty();
    var qualitative = new Indicator(IndicatorLevel.BENEFIT, IndicatorCategory.ECOLOGICAL, "生态", Comparator.QUALITATIVE,
        new IndicatorTarget.Qualitative("有效改善"), "");
    assertThat(EvaluationScore.achievement(new IndicatorActual(1, qualitative,
        new IndicatorTarget.Qualitative("有所改善"), false, 40, true)))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.4"));
    assertThat(EvaluationScore.achievement(new IndicatorActual(1, qualitative,
        new IndicatorTarget.Qualitative("有所改善"), false, null, false))).isEmpty();
  }

  @Test
  void nothingToJudgeScoresZeroAndWeightsMustAddUpTo100() {
    assertThat(EvaluationScore.score(DEFAULT, List.of(), Yuan.ZERO, Yuan.ZERO).score())
        .isEqualByComparingTo("0");
    assertThatThrownBy(() -> SelfEvaluationService.weights(List.of(
        Map.of("part", "OUTPUT", "weight", 50), Map.of("part", "BENEFIT", "weight", 30))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("合计为 80，应为 100");
    assertThatThrownBy(() -> SelfEvaluationService.weights(List.of(Map.of("part", "X", "weight", 100))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("“X”");
  }
}
