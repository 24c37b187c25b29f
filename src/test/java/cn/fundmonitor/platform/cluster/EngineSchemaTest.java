package cn.fundmonitor.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine schema migration on its own: an empty database gets Camunda's tables once; a database
 * whose tables the engine created itself before (schema-update: true — the demo's ./data files,
 * existing production) is baselined and left as it is, data included, or brought up to 7.24 by
 * Camunda's upgrade scripts when its schema log says it is older.
 */
class EngineSchemaTest {

  @Test
  void anEmptyDatabaseGetsTheEngineTablesOnce() {
    var db = h2();
    try {
      EngineSchema.migrate(db);
      EngineSchema.migrate(db);
      var jdbc = new JdbcTemplate(db);
      assertThat(jdbc.queryForObject("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class))
          .isEqualTo("7.24.0");
      assertThat(jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'",
          String.class)).isEqualTo("fox");
      // every component the engine checks at start: engine, history, identity, CMMN, DMN
      for (var table : new String[] {"ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_ID_USER",
          "ACT_RE_CASE_DEF", "ACT_HI_CASEINST", "ACT_RE_DECISION_DEF", "ACT_HI_DECINST"}) {
        assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
      }
      assertThat(jdbc.queryForList("select \"version\" from \"" + EngineSchema.HISTORY_TABLE
          + "\" where \"success\" and \"version\" is not null order by \"installed_rank\"", String.class)).containsExactly("1");
    } finally {
      db.destroy();
    }
  }

  @Test
  void aDatabaseTheEngineCreatedItselfIsBaselinedAndKeptAsItIs() throws Exception {
    var db = h2();
    try {
      create(db);
      var jdbc = new JdbcTemplate(db);
      jdbc.update("insert into ACT_ID_USER (ID_, REV_) values ('someone', 1)");

      EngineSchema.migrate(db);

      assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Integer.class)).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Integer.class)).isEqualTo(1);
      assertThat(jdbc.queryForList("select \"version\" from \"" + EngineSchema.HISTORY_TABLE
          + "\" where \"success\" and \"version\" is not null order by \"installed_rank\"", String.class)).containsExactly("0", "1");
    } finally {
      db.destroy();
    }
  }

  @Test
  void tablesOfAnOlderMinorVersionAreUpgradedByCamundasOwnScripts() throws Exception {
    var db = h2();
    try {
      create(db);
      var jdbc = new JdbcTemplate(db);
      // as a 7.23 database's log reads (the 7.23→7.24 script adds the 7.24 row)
      jdbc.update("delete from ACT_GE_SCHEMA_LOG");
      jdbc.update("insert into ACT_GE_SCHEMA_LOG values ('1200', CURRENT_TIMESTAMP, '7.23.0')");

      EngineSchema.migrate(db);

      assertThat(jdbc.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG order by ID_", String.class))
          .containsExactly("7.23.0", "7.24.0");
    } finally {
      db.destroy();
    }
  }

  static void create(SingleConnectionDataSource db) throws Exception {
    try (var connection = db.getConnection()) {
      for (var part : V1__Camunda_7_24_engine_schema.PARTS) {
        ScriptUtils.executeSqlScript(connection, new EncodedResource(new ClassPathResource(
            "org/camunda/bpm/engine/db/create/activiti.h2.create." + part + ".sql"), StandardCharsets.UTF_8));
      }
    }
  }

  static SingleConnectionDataSource h2() {
    return new SingleConnectionDataSource("jdbc:h2:mem:engine-schema-" + UUID.randomUUID(), "sa", "", true);
  }
}
