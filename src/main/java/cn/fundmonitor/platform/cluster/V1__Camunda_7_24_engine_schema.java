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
 * (engine, history, identity, CMMN, DMN), for PostgreSQL or H2. Skipped when the engine tables
 * exist already (a database the engine created before its schema moved to Flyway).
 */
class V1__Camunda_7_24_engine_schema extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V1__Camunda_7_24_engine_schema.class);
  static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history");

  @Override
  public void migrate(Context context) throws Exception {
    var connection = context.getConnection();
    if (tableExists(connection, "ACT_GE_PROPERTY")) {
      LOG.info("Camunda engine tables exist already; leaving them as they are");
      return;
    }
    var vendor = vendor(connection);
    for (var part : PARTS) {
      var script = "org/camunda/bpm/engine/db/create/activiti." + vendor + ".create." + part + ".sql";
      ScriptUtils.executeSqlScript(connection,
          new EncodedResource(new ClassPathResource(script, getClass().getClassLoader()),
              StandardCharsets.UTF_8));
    }
    LOG.info("Created the Camunda engine tables ({})", vendor);
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
