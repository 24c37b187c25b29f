package cn.fundmonitor.divisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which process-variable values name the old code, and what they become. */
class DivisionRewriteTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "450181                           | 450182",
      "450181-finance                   | 450182-finance",
      "450181-finance,450181-eco        | 450182-finance,450182-eco",
      "450100-finance,450181-geohazard  | 450100-finance,450182-geohazard",
      "450181,450300                    | 450182,450300",
      "450182                           | NONE",
      "450100-finance                   | NONE",
      "450181-2026-0001                 | NONE",
      "450181-2026-0001-2026Q3          | NONE",
      "甲县 450181                      | NONE",
      "450181-finance,项目负责人         | NONE",
      "4501810                          | NONE",
      "450181-auditor                   | NONE"})
  void rewritesCodesAndUnitGroupsOnly(String value, String expected) {
    assertThat(DivisionChangeService.rewrite(value, "450181", "450182"))
        .isEqualTo(Optional.ofNullable(expected));
  }
}
