package cn.fundmonitor.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class YuanTest {

  @Test
  void qiemoReportFigureInWan() {
    // Qiemo report: 已支付 396.186998 万元
    assertThat(Yuan.of("3961869.98").toWanText()).isEqualTo("396.186998 万元");
    assertThat(Yuan.of("14932500").toWanText()).isEqualTo("1493.25 万元");
    assertThat(Yuan.of("10000").inWan()).isEqualByComparingTo("1");
  }

  @Test
  void centsAreExactAndSubCentsRefused() {
    assertThat(Yuan.of("0.1").plus(Yuan.of("0.2"))).isEqualTo(Yuan.of("0.30"));
    assertThat(Yuan.of("5").minus(Yuan.of("7.5")).isNegative()).isTrue();
    assertThat(Yuan.of(new BigDecimal("1.50")).amount().scale()).isEqualTo(2);
    assertThatThrownBy(() -> Yuan.of("0.001")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("最多保留两位小数");
  }
}
