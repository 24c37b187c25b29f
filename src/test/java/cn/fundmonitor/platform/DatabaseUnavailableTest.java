package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Issue 16: a database that cannot be reached (a restart) is told apart from a client's mistake
 * and from a bug — 503 with Retry-After, in Chinese — however the failure reaches the answer:
 * as Spring's or the driver's exception, wrapped by the engine (whose REST answer hides the cause),
 * or only as the engine's message. The whole path under a real restart: DatabaseRestartFaultIT.
 */
class DatabaseUnavailableTest {

  @Test
  void connectionFailuresAreTheDatabaseBeingUnavailable() {
    assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException(
        "Failed to obtain JDBC Connection", new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5000ms.")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException(
        "Could not open JDBC Connection for transaction"))).isTrue();
    // PostgreSQL: connection failure (08006), an administrator's shutdown (57P01), starting up (57P03)
    assertThat(DatabaseUnavailable.causedBy(new ProcessEnginePersistenceException("hidden",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException(new SQLException(
        "FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("FATAL: the database system is "
        + "starting up", "57P03"))).isTrue();
    // seen under a fast shutdown: the engine's rollback on a connection Hikari had evicted
    assertThat(DatabaseUnavailable.causedBy(new ProcessEnginePersistenceException("An exception "
        + "occurred in the persistence layer.", new TransactionSystemException("JDBC rollback "
        + "failed", new SQLException("Connection is closed"))))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new RestException(
        jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR, new IllegalStateException(
        "Cannot submit task form x", new ConnectException("Connection refused"))))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseUnavailable.causedBy(new DuplicateKeyException("duplicate key value "
        + "violates unique constraint", new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new OptimisticLockingException("updated by another "
        + "transaction concurrently"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new ProcessEnginePersistenceException("An exception "
        + "occurred in the persistence layer.", new SQLException("value too long", "22001"))))
        .isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("项目不存在"))).isFalse();
    assertThat(DatabaseUnavailable.message("Connection to the ministry's exchange was "
        + "reset")).isFalse();
  }

  @Test
  void theEngineRestAnswerBecomes503InChinese() {
    // the engine REST API keeps only type and message; before, "JDBC" in it answered 400
    var translation = EngineErrorTranslation.translate(500, "CannotCreateTransactionException",
        "Could not open JDBC Connection for transaction");
    assertThat(translation.status()).isEqualTo(503);
    assertThat(translation.title()).isEqualTo("服务暂不可用");
    assertThat(EngineErrorTranslation.translate(500, "ProcessEngineException",
        "Cannot submit: Connection to 127.0.0.1:55433 refused. Check that the hostname and port are "
            + "correct").status()).isEqualTo(503);
    // the other checks are unchanged: a value too long is still the client's
    assertThat(EngineErrorTranslation.translate(500, "ProcessEngineException",
        "ERROR: value too long for type character varying(64) (SQL state 22001)").status())
        .isEqualTo(400);
  }

  @Test
  void theEngineRestMappersAnswer503WithRetryAfterOrLeaveTheAnswerToCamunda() {
    var outage = new EngineRestErrors.EngineOutageMapper().toResponse(
        new ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
            new SQLException("This connection has been closed.", "08003")));
    assertThat(outage.getStatus()).isEqualTo(503);
    assertThat(outage.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(outage.getEntity().toString()).contains("服务暂不可用");
    var bug = new EngineRestErrors.EngineOutageMapper().toResponse(
        new ProcessEngineException("something else"));
    assertThat(bug.getStatus()).isEqualTo(500);

    var wrapped = new EngineRestErrors.RestOutageMapper().toResponse(new RestException(
        jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEnginePersistenceException("hidden", new SQLException("Connection is closed"))));
    assertThat(wrapped.getStatus()).isEqualTo(503);
    var invalid = new EngineRestErrors.RestOutageMapper().toResponse(
        new InvalidRequestException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "bad"));
    assertThat(invalid.getStatus()).isEqualTo(400);
  }

  @Test
  void aPersistenceFailureOfTheWebappsRestIs503OnlyWhileTheDatabaseDoesNotAnswer() throws Exception {
    // Tasklist's REST is answered by Camunda's own mappers: only "persistence layer" is left
    var hidden = "{\"type\":\"ProcessEnginePersistenceException\",\"message\":\"An exception "
        + "occurred in the persistence layer. Please check the server logs for a detailed message "
        + "and the entire exception stack trace.\"}";
    for (var reachable : new boolean[] {false, true}) {
      var filter = new EngineErrorTranslation.TranslatingFilter(new ObjectMapper(), () -> reachable);
      var request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task/count");
      request.setRequestURI("/camunda/api/engine/engine/default/task/count");
      var response = new MockHttpServletResponse();
      filter.doFilter(request, response, (req, res) -> {
        var r = (jakarta.servlet.http.HttpServletResponse) res;
        r.setStatus(500);
        r.setContentType("application/json");
        r.getOutputStream().write(hidden.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      });
      var body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
      if (reachable) {
        assertThat(response.getStatus()).as("the database answers: a bug, 500").isEqualTo(500);
        assertThat(response.getHeader("Retry-After")).isNull();
      } else {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(body).contains("服务暂不可用").doesNotContain("persistence");
      }
    }
  }
}
