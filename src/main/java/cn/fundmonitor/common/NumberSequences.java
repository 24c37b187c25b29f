package cn.fundmonitor.common;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Yearly numbers for documents (问题编号 WT2026-000001, 变更申请 BG2026-000001, ...). */
@Repository
public class NumberSequences {

  private final JdbcClient jdbc;
  private final TransactionTemplate own;

  NumberSequences(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * e.g. next("WT", 2026) → "WT2026-000001"; the counter row's lock serialises concurrent callers
   * until their transactions end. A year's first number used to insert the row in the caller's
   * transaction, so two first numbers at once collided on the key and one user's whole step failed
   * (409); the row is now created on its own, committed at once, and a collision there only means
   * the other caller created it.
   */
  public String next(String prefix, int year) {
    if (increment(prefix, year) == 0) {
      try {
        own.executeWithoutResult(status -> jdbc.sql("insert into fm_number_counter (series, "
            + "year_value, last_value) values (?, ?, 0)").params(prefix, year).update());
      } catch (DuplicateKeyException createdByAnotherCaller) {
        // the row exists now either way
      }
      if (increment(prefix, year) == 0) {
        throw new IllegalStateException("number series " + prefix + year + " has no counter row");
      }
    }
    int value = jdbc.sql("select last_value from fm_number_counter where series = ? and year_value = ?")
        .params(prefix, year).query(Integer.class).single();
    return prefix + year + "-" + String.format("%06d", value);
  }

  private int increment(String prefix, int year) {
    return jdbc.sql("update fm_number_counter set last_value = last_value + 1 where series = ? "
        + "and year_value = ?").params(prefix, year).update();
  }
}
