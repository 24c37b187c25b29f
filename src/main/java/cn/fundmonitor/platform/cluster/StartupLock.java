package cn.fundmonitor.platform.cluster;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time. Flyway serializes the migrations, but a node's start-up also writes:
 * Camunda's administrator, the model deployment, the organisation's groups and authorizations
 * ({@code CamundaOrganisationSync}), the holiday calendar. Two nodes doing that at once on an empty
 * database failed with duplicate keys (act_uniq_auth_group, seen in {@code TwoNodesFaultIT}).
 * So a node takes a PostgreSQL advisory lock (on a connection of its own) before its migrations
 * and gives it back once it is ready for traffic; the next node then finds everything in place.
 * The lock dies with the connection, so a node that crashes while starting frees it. The embedded
 * H2 database is one node's only: no lock there.
 */
@Component
public class StartupLock {

  /** "FMSTART": the advisory lock key every node uses. */
  static final long KEY = 0x464D5354415254L;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private final Duration wait;
  private Connection held;

  StartupLock(DataSource dataSource,
      @Value("${fundmonitor.cluster.startup-wait:PT10M}") Duration wait) {
    this.dataSource = dataSource;
    this.wait = wait;
  }

  /** Waits until no other node is starting (PostgreSQL only). */
  public synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      var connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      var deadline = Instant.now().plus(wait);
      var logged = false;
      while (!tryLock(connection)) {
        if (!logged) {
          LOG.info("Another node is starting on this database; waiting for it (at most {})", wait);
          logged = true;
        }
        if (Instant.now().isAfter(deadline)) {
          connection.close();
          throw new IllegalStateException("另一服务节点启动超过 " + wait.toMinutes()
              + " 分钟仍未完成，本节点不再等待；请检查该节点。 / Another node has been starting for "
              + wait + "; giving up.");
        }
        Thread.sleep(500);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    }
  }

  @EventListener
  void ready(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      release();
    }
  }

  @PreDestroy
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (var connection = held; var st = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      st.setLong(1, KEY);
      st.execute();
    } catch (SQLException e) {
      LOG.debug("Start-up lock: connection closed already", e);
    } finally {
      held = null;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (var st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      st.setLong(1, KEY);
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
