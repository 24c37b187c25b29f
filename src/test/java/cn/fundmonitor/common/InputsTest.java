package cn.fundmonitor.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts as people type them: grouped or not, never rounded, never a comma read as a point. */
class InputsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12500000|12500000.00",
      "12,500,000.00|12500000.00",
      "12,500,000|12500000.00",
      "1,250.5|1250.50",
      "0.01|0.01",
      "999|999.00"})
  void amountsTypedWithOrWithoutGroupingAreReadExactly(String typed, String yuan) {
    var problems = new ArrayList<String>();
    var amount = Inputs.amount(typed, "申报金额", problems);
    assertThat(problems).isEmpty();
    assertThat(amount.amount()).isEqualByComparingTo(new BigDecimal(yuan));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12500000.005|最多保留两位小数",
      "12,50,000|千位分隔符位置不对",
      "1,5|千位分隔符位置不对",
      "12.500.000|不是有效的数字",
      "-5|不能为负数",
      "-1,000.00|不能为负数",
      "abc|不是有效的数字"})
  void amountsThatWouldChangeSilentlyAreRefusedInChinese(String typed, String message) {
    var problems = new ArrayList<String>();
    assertThat(Inputs.amount(typed, "申报金额", problems)).isNull();
    assertThat(problems).singleElement().asString().startsWith("申报金额").contains(message);
  }

  @Test
  void aMillionDigitsAreRefusedUnreadAtOnce() {
    var problems = new ArrayList<String>();
    var started = System.nanoTime();
    assertThat(Inputs.amount("9".repeat(1_000_000), "累计支付", problems)).isNull();
    assertThat(Inputs.percent("9".repeat(1_000_000), "形象进度", problems)).isNull();
    assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(1_000);
    assertThat(problems).hasSize(2).first().asString().contains("位数过多");
  }

  @Test
  void theLargestAmountWithSeparatorsIsStillANumber() {
    var problems = new ArrayList<String>();
    assertThat(Inputs.amount("1,000,000,000,000.00", "累计支付", problems)).isNotNull();
    assertThat(problems).isEmpty();
  }
}
