package cn.fundmonitor.platform.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Camunda 7.24's own create scripts, from the engine jar, in the order the engine runs them
 * (engine, history, identity, CMMN, DMN), for PostgreSQL or H2. When the engine tables exist
 * already (a database the engine created before its schema moved to Flyway) they are kept; if
 * Camunda's schema log says they are of an older minor version, Camunda's own upgrade scripts
 * bring them to 7.24 one minor version at a time.
 */
class V1__Camunda_7_24_engine_schema extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V1__Camunda_7_24_engine_schema.class);
  static final int MINOR = 24;
  static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history");

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    var vendor = vendor(connection);
    if (tableExists(connection, "ACT_GE_PROPERTY")) {
      upgrade(connection, vendor);
      return;
    }
    for (var part : PARTS) {
      var script = "org/camunda/bpm/engine/db/create/activiti." + vendor + ".create." + part + ".sql";
      ScriptUtils.executeSqlScript(connection,
          new EncodedResource(new ClassPathResource(script, getClass().getClassLoader()),
              StandardCharsets.UTF_8));
    }
    LOG.info("Created the Camunda engine tables ({})", vendor);
  }

  private void upgrade(Connection connection, String vendor) throws SQLException {
    var minor = schemaMinor(connection);
    if (minor < 0) {
      throw new IllegalStateException("The Camunda engine tables predate Camunda 7.11 (no "
          + "ACT_GE_SCHEMA_LOG); upgrade them with Camunda's upgrade guide first");
    }
    if (minor >= MINOR) {
      LOG.info("Camunda engine tables exist already (7.{}); leaving them as they are", minor);
      return;
    }
    for (int m = minor; m < MINOR; m++) {
      var script = "org/camunda/bpm/engine/db/upgrade/" + vendor + "_engine_7." + m + "_to_7." + (m + 1)
          + ".sql";
      LOG.info("Upgrading the Camunda engine tables: {}", script);
      ScriptUtils.executeSqlScript(connection,
          new EncodedResource(new ClassPathResource(script, getClass().getClassLoader()),
              StandardCharsets.UTF_8));
    }
  }

  /** The highest 7.x minor version in Camunda's schema log, or -1 without a schema log. */
  static int schemaMinor(Connection connection) throws SQLException {
    if (!tableExists(connection, "ACT_GE_SCHEMA_LOG")) {
      return -1;
    }
    int minor = -1;
    try (var st = connection.createStatement();
        var rs = st.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
      while (rs.next()) {
        var parts = rs.getString(1).split("[.-]");
        if (parts.length > 1 && parts[0].equals("7") && parts[1].matches("\\d+")) {
          minor = Math.max(minor, Integer.parseInt(parts[1]));
        }
      }
    }
    return minor;
  }

  static String vendor(Connection connection) throws SQLException {
    var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("Unsupported database for the Camunda engine schema: " + product);
  }

  static boolean tableExists(Connection connection, String table) throws SQLException {
    var meta = connection.getMetaData();
    var schema = connection.getSchema();
    for (var name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
      try (var rs = meta.getTables(null, schema, name, new String[] {"TABLE", "BASE TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
