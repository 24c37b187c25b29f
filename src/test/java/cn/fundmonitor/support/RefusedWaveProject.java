package cn.fundmonitor.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A wave step that fails half-way, for the retry tests: while open, the database refuses to record
 * the project in {@code fm_wave_project} (a check constraint), so a plan fails after fixing the
 * projects before it, and a reconciliation after opening what was missing. Closing lifts the
 * refusal; the in-memory database is shared, so always close it (try-with-resources).
 */
public final class RefusedWaveProject implements AutoCloseable {

  private static final String CONSTRAINT = "fm_wave_project_refused_by_test";

  private final JdbcClient jdbc;

  private RefusedWaveProject(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static RefusedWaveProject refuse(JdbcClient jdbc, String projectCode) {
    if (!projectCode.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("a project code: " + projectCode);
    }
    jdbc.sql("alter table fm_wave_project add constraint " + CONSTRAINT
        + " check (project_code <> '" + projectCode + "')").update();
    return new RefusedWaveProject(jdbc);
  }

  @Override
  public void close() {
    jdbc.sql("alter table fm_wave_project drop constraint " + CONSTRAINT).update();
  }
}
