package cn.fundmonitor.platform.cluster;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Camunda's engine tables are created and migrated here, by Flyway under its lock (a PostgreSQL
 * advisory lock), never by the engine itself ({@code camunda.bpm.database.schema-update: false}):
 * when two nodes create the schema at once on an empty database, one of them fails in Camunda's
 * own schema creation (duplicate key on {@code pg_type}, issue 16). The engine's migrations keep
 * their own history table, so the project's {@code fm_schema_history} (baselined at 0, V1…) is
 * untouched, and they run before the project's: {@link EngineSchemaConfiguration}.
 *
 * <p>Upgrading Camunda: add {@code V2__…} here that runs the engine jar's
 * {@code db/upgrade/<vendor>_engine_7.24_to_7.25.sql}.
 */
public final class EngineSchema {

  public static final String HISTORY_TABLE = "fm_engine_schema_history";

  private EngineSchema() {}

  public static void migrate(DataSource dataSource) {
    configure(dataSource).load().migrate();
  }

  static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource) {
    return Flyway.configure(EngineSchema.class.getClassLoader())
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        // only the Java migrations below, never the project's db/migration scripts
        .locations(new String[0])
        .javaMigrations(new V1__Camunda_7_24_engine_schema())
        // a database whose engine tables the engine created itself (schema-update: true before
        // this version, the demo's ./data files and existing production) is not empty: Flyway
        // records a baseline at 0 and V1 finds the tables there and leaves them alone
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .baselineDescription("existing database");
  }
}
