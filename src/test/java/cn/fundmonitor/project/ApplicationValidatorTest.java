package cn.fundmonitor.project;

import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Server-side validation of applications: what the form checks, checked again. */
class ApplicationValidatorTest {

  static final Set<String> KNOWN = Set.of("450102", "450000");

  static List<Map<String, Object>> indicators() {
    return new ArrayList<>(List.of(
        indicator("产出", "数量", "修复面积", "≥", "120", "公顷"),
        indicator("OUTPUT", "TIMELINESS", "完工时间", "LE", "2027-12-31", ""),
        indicator("BENEFIT", "ECOLOGICAL", "生态环境", "QUALITATIVE", "有效改善", "")));
  }

  static RawApplication raw(Object name, Object region, Object amount,
      List<Map<String, Object>> indicators) {
    return new RawApplication(name, region, "ECO_RESTORATION", "CENTRAL", amount, null, indicators);
  }

  static ProjectApplication validate(RawApplication raw) {
    return ApplicationValidator.validate(raw, "450102", KNOWN::contains);
  }

  @Test
  void validApplicationIsTyped() {
    var a = validate(raw(" 项目 ", null, "3961869.98", indicators()));
    assertThat(a.name()).isEqualTo("项目");
    assertThat(a.regionCode()).as("defaults to the applicant's unit").isEqualTo("450102");
    assertThat(a.requestedAmount().amount()).isEqualByComparingTo("3961869.98");
    assertThat(a.indicators()).extracting(Indicator::target).containsExactly(
        new IndicatorTarget.Numeric(new BigDecimal("120")),
        new IndicatorTarget.Deadline(LocalDate.of(2027, 12, 31)),
        new IndicatorTarget.Qualitative("有效改善"));
    assertThat(a.indicators().get(0).level()).isEqualTo(IndicatorLevel.OUTPUT);
    assertThat(a.countQualitative(IndicatorLevel.BENEFIT)).isEqualTo(1);
  }

  @Test
  void numbersFromFormsAndClientsAreExact() {
    assertThat(validate(raw("p", null, 3961869.98, indicators())).requestedAmount().amount())
        .isEqualByComparingTo("3961869.98");
    assertThat(validate(raw("p", null, 12500000L, indicators())).requestedAmount().amount())
        .isEqualByComparingTo("12500000");
    assertThat(validate(raw("p", null, "1,250,000.5", indicators())).requestedAmount().amount())
        .isEqualByComparingTo("1250000.50");
  }

  @Test
  void missingTargetsAreRefused_ziyangTargetsFirst() {
    assertThatThrownBy(() -> validate(raw("p", null, "1", List.of())))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("未填写绩效目标");
    var withoutTarget = indicators();
    withoutTarget.set(0, indicator("OUTPUT", "QUANTITY", "修复面积", "GE", "", "公顷"));
    assertThatThrownBy(() -> validate(raw("p", null, "1", withoutTarget)))
        .hasMessageContaining("第1条指标：请填写目标值");
  }

  @Test
  void eachProblemPointsAtItsFormFieldDownToTheIndicatorsCell_issue18() {
    var rows = indicators();
    rows.set(1, indicator("OUTPUT", "BENEFIT_SOCIAL", "完工时间", "LE", "明年", ""));
    assertThatThrownBy(() -> validate(raw("", null, "-1", rows)))
        .isInstanceOfSatisfying(InvalidApplicationException.class, e -> assertThat(e.errors())
            .extracting(InvalidInputException.FieldError::field)
            .containsExactly("projectName", "requestedAmount", "indicators/1/level2", "indicators/1/target"));
  }

  @Test
  void negativeNonNumericAndSubCentAmountsAreRefused() {
    assertThatThrownBy(() -> validate(raw("p", null, "-1", indicators())))
        .hasMessageContaining("申报金额不能为负数");
    assertThatThrownBy(() -> validate(raw("p", null, "一百万", indicators())))
        .hasMessageContaining("申报金额“一百万”不是有效的数字");
    assertThatThrownBy(() -> validate(raw("p", null, "10.001", indicators())))
        .hasMessageContaining("最多保留两位小数");
    assertThatThrownBy(() -> validate(raw("p", null, null, indicators())))
        .hasMessageContaining("请填写申报金额");
    assertThatThrownBy(() -> validate(raw("p", null, "1e13", indicators())))
        .hasMessageContaining("超过上限");
  }

  @Test
  void unknownOrMalformedRegionIsRefused() {
    assertThatThrownBy(() -> validate(raw("p", "999999", "1", indicators())))
        .hasMessageContaining("未知的行政区划代码：999999");
    assertThatThrownBy(() -> validate(raw("p", "4501", "1", indicators())))
        .hasMessageContaining("应为6位数字");
  }

  @Test
  void overLongTextIsRefused() {
    assertThatThrownBy(() -> validate(raw("长".repeat(101), null, "1", indicators())))
        .hasMessageContaining("项目名称不能超过100个字（现为101个字）");
    var longIndicator = indicators();
    longIndicator.add(indicator("SATISFACTION", "SERVICE_SATISFACTION", "满".repeat(101), "GE",
        "90", "%"));
    assertThatThrownBy(() -> validate(raw("p", null, "1", longIndicator)))
        .hasMessageContaining("第4条指标：三级指标名称不能超过100个字");
    var many = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < 51; i++) {
      many.add(indicators().get(0));
    }
    assertThatThrownBy(() -> validate(raw("p", null, "1", many)))
        .hasMessageContaining("绩效指标不能超过50条");
  }

  @Test
  void indicatorsMustFitTheThreeLevelFrame() {
    var wrong = List.of(
        indicator("OUTPUT", "SOCIAL", "x", "GE", "1", ""),
        indicator("产出", "数量", "y", "≥", "很多", ""),
        indicator("其他", "数量", "z", "大于", "1", ""));
    assertThatThrownBy(() -> validate(raw("p", null, "1", wrong)))
        .isInstanceOf(InvalidApplicationException.class)
        .hasMessageContaining("第1条指标：二级指标“社会效益”不属于一级指标“产出”")
        .hasMessageContaining("第2条指标：比较符为“≥”时目标值须为数字或日期")
        .hasMessageContaining("第3条指标：一级指标“其他”不是可选的值")
        .hasMessageContaining("第3条指标：比较符“大于”不是可选的值")
        .satisfies(e -> assertThat(((InvalidApplicationException) e).problems()).hasSize(4));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> validate(new RawApplication(null, "x", "?", null, "-3", null, null)))
        .isInstanceOf(InvalidApplicationException.class)
        .satisfies(e -> assertThat(((InvalidApplicationException) e).problems()).containsExactly(
            "请填写项目名称", "项目所在地行政区划代码应为6位数字，收到“x”", "申报方向“?”不是可选的值",
            "请填写资金类型", "申报金额不能为负数",
            "未填写绩效目标：每个项目至少要有一条绩效指标，无目标不得入库（资阳 目标前置；MNR 第十条）"));
  }
}
