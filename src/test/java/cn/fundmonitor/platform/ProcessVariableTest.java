package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.InvalidInputException.FieldError;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Direction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** The typed variable facade (issue 18): code speaks in types, the engine stores plain values. */
class ProcessVariableTest {

  static final ProcessVariable<Direction> DIRECTION = ProcessVariable.ofEnum("direction", Direction.class, "支出方向");
  static final ProcessVariable<LocalDate> STARTED_ON = ProcessVariable.date("startedOn", "开工日期");
  static final ProcessVariable<Yuan> PAID = ProcessVariable.yuan("paidToDate", "累计支付金额");
  static final ProcessVariable<Integer> YEAR = ProcessVariable.whole("inspectionYear", "检查年度");

  record Row(String name, Integer position, LocalDate due) {}

  static final ProcessVariable<List<Row>> ROWS = ProcessVariable.rows("rows", Row.class, "指标");

  @Test
  void anEnumIsStoredByItsNameAndReadBack() {
    var any = Direction.values()[0];
    var vars = ProcessVariables.builder().set(DIRECTION, any).build();
    assertThat(vars.get("direction")).isEqualTo(any.name());
    assertThat(DIRECTION.from(vars)).isEqualTo(any);
  }

  @Test
  void anUnknownChoiceIsTheClientsMistakeNamingItsField() {
    assertThatThrownBy(() -> DIRECTION.from(Map.of("direction", "NO_SUCH")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .containsExactly(new FieldError("direction", "支出方向“NO_SUCH”不是可选的值")));
  }

  @Test
  void aDateIsStoredAsIsoTextAndReadFromADateTimeToo() {
    var vars = ProcessVariables.builder().set(STARTED_ON, LocalDate.of(2026, 3, 1)).build();
    assertThat(vars.get("startedOn")).isEqualTo("2026-03-01");
    assertThat(STARTED_ON.from(Map.of("startedOn", "2026-03-01T08:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThatThrownBy(() -> STARTED_ON.from(Map.of("startedOn", "三月一日")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).pointer())
            .isEqualTo("#/startedOn"));
  }

  @Test
  void moneyIsReadExactlyFromANumberOrATextAndStoredAsANumberTheFormShows() {
    assertThat(PAID.from(Map.of("paidToDate", 3961869.98))).isEqualTo(Yuan.of("3961869.98"));
    assertThat(PAID.from(Map.of("paidToDate", "12,500,000.50"))).isEqualTo(Yuan.of("12500000.50"));
    assertThat(PAID.with(Yuan.of("999999999999.99")).get("paidToDate")).isEqualTo(999999999999.99);
    assertThat(PAID.from(Map.of("paidToDate", " "))).isNull();
    assertThatThrownBy(() -> PAID.from(Map.of("paidToDate", "-5")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .containsExactly(new FieldError("paidToDate", "累计支付金额不能为负数")));
  }

  @Test
  void aWholeNumberIsReadFromAnyNumberWithoutAFractionOrItsText() {
    // Camunda Forms' number fields submit a Long or a Double, REST clients anything
    assertThat(YEAR.from(Map.of("inspectionYear", 2026L))).isEqualTo(2026);
    assertThat(YEAR.from(Map.of("inspectionYear", 2026.0))).isEqualTo(2026);
    assertThat(YEAR.from(Map.of("inspectionYear", " 2026 "))).isEqualTo(2026);
    assertThat(YEAR.from(Map.of("inspectionYear", " "))).isNull();
    assertThat(YEAR.with(2026).get("inspectionYear")).isEqualTo(2026);
    assertThatThrownBy(() -> YEAR.from(Map.of("inspectionYear", 2026.5)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .containsExactly(new FieldError("inspectionYear", "检查年度应为整数，收到“2026.5”")));
    assertThatThrownBy(() -> YEAR.from(Map.of("inspectionYear", "二〇二六")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
            .containsExactly(new FieldError("inspectionYear", "检查年度应为整数，收到“二〇二六”")));
    assertThatThrownBy(() -> YEAR.from(Map.of("inspectionYear", 1e12)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rowsAreRecordsInCodeAndAJsonVariableForTheForm() {
    var stored = ROWS.stored(List.of(new Row("治理面积", 1, LocalDate.of(2026, 12, 31))));
    assertThat(stored).isInstanceOf(JsonValue.class);
    assertThat(((JsonValue) stored).getValueSerialized()).contains("\"name\":\"治理面积\"");
    assertThat(ROWS.from(Map.of("rows", "[{\"name\":\"治理面积\",\"position\":1,\"extra\":true}]")))
        .containsExactly(new Row("治理面积", 1, null));
    assertThat(ROWS.from(Map.of())).isEmpty();
    assertThatThrownBy(() -> ROWS.from(Map.of("rows", "[{\"position\":\"第一\"}]")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void problemsRememberTheirFieldsForThePointerAndTheCell() {
    var problems = new Problems();
    Inputs.amount("abc", "累计支付金额", problems.at("paidToDate"));
    Inputs.date(null, "开工日期", problems.at("startedOn"));
    problems.add("同一项目同一季度只能报备一次");
    assertThat(problems.at("paidToDate")).containsExactly("累计支付金额“abc”不是有效的数字");
    assertThatThrownBy(() -> problems.throwIfAny("报备有误"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).extracting(FieldError::pointer)
              .containsExactly("#/paidToDate", "#/startedOn", null);
          assertThat(e.problems()).hasSize(3);
          assertThat(e.title()).isEqualTo("报备有误");
        });
    new Problems().throwIfAny("无问题时不抛出");
  }
}
