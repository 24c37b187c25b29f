package cn.fundmonitor.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Yearly numbers for documents (问题编号 WT2026-000001, 变更申请 BG2026-000001, ...). */
@Repository
public class NumberSequences {

  private final JdbcClient jdbc;

  NumberSequences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** e.g. next("WT", 2026) → "WT2026-000001"; the row lock serialises concurrent callers. */
  public String next(String prefix, int year) {
    var updated = jdbc.sql("update fm_number_counter set last_value = last_value + 1 where series = ? "
        + "and year_value = ?").params(prefix, year).update();
    int value;
    if (updated == 0) {
      jdbc.sql("insert into fm_number_counter (series, year_value, last_value) values (?, ?, 1)")
          .params(prefix, year).update();
      value = 1;
    } else {
      value = jdbc.sql("select last_value from fm_number_counter where series = ? and year_value = ?")
          .params(prefix, year).query(Integer.class).single();
    }
    return prefix + year + "-" + String.format("%06d", value);
  }
}
