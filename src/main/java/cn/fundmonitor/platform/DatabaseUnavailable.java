package cn.fundmonitor.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached right now (restarted, failed over, the network between): not the
 * client's mistake and not a bug, so the answer is 503 with {@code Retry-After}, in Chinese, and
 * the client tries again (issue 16: a restart answered 500, or 400 when the engine's message
 * mentioned JDBC). Recognised by the exception chain — Spring's connection failures, the JDBC
 * connection exceptions (Hikari's timeout among them), SQL states of class 08 (connection) and 57P0x
 * (the server shutting down or starting up) — or, where only the engine's message is left (the
 * engine REST API's answer), by the PostgreSQL driver's and Hikari's words.
 */
final class DatabaseUnavailable {

  /** Seconds a client should wait before trying again: a restart takes a few. */
  static final String RETRY_AFTER_SECONDS = "5";
  static final String TITLE = "服务暂不可用";
  static final String MESSAGE = "数据库暂时无法连接（可能正在重启），请几秒后重试；"
      + "重试前可刷新查看上一次提交是否已生效。";

  private static final List<String> MESSAGES = List.of(
      "Could not open JDBC Connection", "Failed to obtain JDBC Connection",
      "Connection is not available, request timed out", "Connection refused",
      "This connection has been closed", "An I/O error occurred while sending to the backend",
      "the database system is starting up", "the database system is shutting down",
      "the database system is in recovery mode",
      "terminating connection due to administrator command", "Connection to ", // "… refused"
      "CannotGetJdbcConnectionException", "CannotCreateTransactionException",
      "SQLTransientConnectionException",
      // Hikari's proxy of a connection the pool already evicted (no SQL state)
      "Connection is closed");

  private DatabaseUnavailable() {}

  /** Whether the exception, or any of its causes, says the database cannot be reached. */
  static boolean causedBy(Throwable e) {
    for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sqlState(sql.getSQLState())) {
        return true;
      }
      if (message(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /** SQL state class 08 (connection exception), 57P01-57P03 (shutdown, crash, cannot connect now). */
  static boolean sqlState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P0"));
  }

  /** Whether an error message (all that the engine REST API's answer keeps) says so. */
  static boolean message(String message) {
    if (message == null) {
      return false;
    }
    for (var m : MESSAGES) {
      if (message.contains(m)) {
        // the driver's "Connection to host:port refused"
        if (m.equals("Connection to ") && !message.contains(" refused")) {
          continue;
        }
        return true;
      }
    }
    return false;
  }
}
