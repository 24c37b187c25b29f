package cn.fundmonitor.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The H2 counterpart of PostgreSQL's {@code fm_audit_guard()}: fm_audit takes rows only from the
 * audit triggers, and no update or delete, except sealing (filling chain_no and the hashes of a row
 * not sealed yet). H2 calls triggers in the writing session's thread, so a thread-local says
 * whether the write comes from the audit trigger or the sealing.
 */
public class H2AuditGuardTrigger implements Trigger {

  /** The columns of fm_audit, in order (V15). */
  static final int CHAIN_NO = 10;
  static final int ROW_HASH = 12;
  static final String REFUSED = "审计记录只能由数据库追加，不能修改、删除或清空";

  private static final ThreadLocal<String> ACTIVE = new ThreadLocal<>();

  interface SqlWork {
    void run() throws SQLException;
  }

  static void writing(SqlWork work) throws SQLException {
    as("write", work);
  }

  static void sealing(SqlWork work) throws SQLException {
    as("seal", work);
  }

  private static void as(String what, SqlWork work) throws SQLException {
    var before = ACTIVE.get();
    ACTIVE.set(what);
    try {
      work.run();
    } finally {
      if (before == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(before);
      }
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (oldRow == null) {
      if ("write".equals(ACTIVE.get())) {
        return;
      }
      throw new SQLException(REFUSED + "（INSERT）", "42501");
    }
    if (newRow != null && "seal".equals(ACTIVE.get()) && oldRow[ROW_HASH] == null
        && newRow[ROW_HASH] != null && sameContent(oldRow, newRow)) {
      return;
    }
    throw new SQLException(REFUSED + "（" + (newRow == null ? "DELETE" : "UPDATE") + "）", "42501");
  }

  private static boolean sameContent(Object[] a, Object[] b) {
    for (int i = 0; i < CHAIN_NO; i++) {
      if (!Objects.equals(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
}
