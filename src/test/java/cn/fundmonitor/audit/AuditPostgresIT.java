package cn.fundmonitor.audit;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit trail on PostgreSQL with its real triggers (issue 13): filed figures leave sealed,
 * chained audit rows even under concurrent writers; the owner's own DELETE, UPDATE and TRUNCATE are
 * refused by the guard trigger; and a non-owner role set up as the application's (afterMigrate's
 * grants) may change filed figures, which the owner's SECURITY DEFINER triggers audit, but can
 * neither write, change, remove nor stop the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class AuditPostgresIT {

  static final Quarter Q = new Quarter(2026, 3);

  @LocalServerPort int port;
  @Value("${spring.datasource.url}") String url;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired FilingService filings;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

  @Test
  void filedFiguresAreAuditedByTheDatabaseAndTheApplicationRoleCannotTouchTheAudit()
      throws Exception {
    assertThat(url).startsWith("jdbc:postgresql:");
    var project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区审计链项目");
    funding.fund(project, "450102", "1000000", LocalDate.of(2026, 3, 2));
    var key = Q.key(project);
    filings.open(key, Q, null);
    filings.file(key, new RawFiling("300000", Map.of("CENTRAL", "300000"), "40", List.of(
        Map.of("position", 1, "actual", "60"), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "notYetDue", true))),
        XINGNING_FINANCE);

    var rows = jdbc.queryForList("select table_name, operation, unit_code, chain_no, row_hash"
        + " from fm_audit where project_code = ? order by id", project);
    assertThat(rows).extracting(r -> r.get("table_name") + ":" + r.get("operation"))
        .contains("fm_quarterly_filing:I", "fm_quarterly_filing:U", "fm_filing_payment:I",
            "fm_filing_indicator:I");
    // sealed at commit by the deferred trigger
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("unit_code")).isEqualTo("450102");
      assertThat(r.get("chain_no")).isNotNull();
      assertThat((String) r.get("row_hash")).hasSize(64);
    });

    // concurrent writers: every transaction's rows join the one chain, none forks it
    var pool = Executors.newFixedThreadPool(6);
    try {
      var done = new ArrayList<Future<?>>();
      for (int t = 0; t < 6; t++) {
        var thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 15; i++) {
            jdbc.update("update fm_quarterly_filing set physical_progress = ? where business_key = ?",
                thread * 15 + i, key);
          }
        }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("select count(*) from fm_audit where row_key = ? and operation = 'U'"
        + " and table_name = 'fm_quarterly_filing'", Long.class, key)).isGreaterThanOrEqualTo(90);
    assertThat(jdbc.queryForObject("select count(*) from fm_audit where row_hash is null", Long.class))
        .isZero();
    assertThat(jdbc.queryForObject("select max(chain_no) - count(*) from fm_audit", Long.class))
        .isZero();

    // the owner itself (this connection) is refused by the guard trigger
    var count = jdbc.queryForObject("select count(*) from fm_audit", Long.class);
    assertThatThrownBy(() -> jdbc.update("delete from fm_audit where project_code = ?", project))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("审计记录只能由数据库追加");
    assertThatThrownBy(() -> jdbc.update("update fm_audit set new_values = '{}' where project_code = ?",
        project)).isInstanceOf(DataAccessException.class).rootCause()
        .hasMessageContaining("审计记录只能由数据库追加");
    assertThatThrownBy(() -> jdbc.execute("truncate fm_audit")).isInstanceOf(DataAccessException.class)
        .rootCause().hasMessageContaining("审计记录只能由数据库追加");
    assertThat(jdbc.queryForObject("select count(*) from fm_audit", Long.class)).isEqualTo(count);

    var role = "fm_it_app_" + Long.toHexString(System.nanoTime());
    jdbc.execute("create role " + role + " login password 'It-App-Mima#2026'");
    try {
      var grants = new String(new ClassPathResource(
          "db/vendor/postgresql/afterMigrate__app_role_grants.sql").getInputStream().readAllBytes(),
          StandardCharsets.UTF_8).replace("${fm_app_role}", role);
      jdbc.execute(grants);
      try (var app = DriverManager.getConnection(url, role, "It-App-Mima#2026");
          var st = app.createStatement()) {
        app.setAutoCommit(true);
        try (var rs = st.executeQuery("select count(*) from fm_audit")) {
          assertThat(rs.next()).isTrue();
        }
        // the application's own work goes on and is audited under its name
        assertThat(st.executeUpdate("update fm_quarterly_filing set paid_to_date = 310000"
            + " where business_key = '" + key + "'")).isEqualTo(1);
        try (var rs = st.executeQuery("select db_user, chain_no from fm_audit where row_key = '" + key
            + "' order by id desc limit 1")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(role);
          assertThat(rs.getObject(2)).isNotNull();
        }
        for (var attack : List.of(
            "delete from fm_audit",
            "update fm_audit set new_values = '{}'",
            "truncate fm_audit",
            "insert into fm_audit (table_name, row_key, operation, db_user, changed_at)"
                + " values ('fm_problem', 'X', 'I', 'x', now())",
            "alter table fm_audit disable trigger fm_audit_guard_rows",
            "alter table fm_audit disable trigger all",
            "alter table fm_quarterly_filing disable trigger fm_audit_quarterly_filing",
            "drop trigger fm_audit_quarterly_filing on fm_quarterly_filing",
            "create or replace function fm_audit_row() returns trigger language plpgsql as"
                + " $$ begin return null; end $$",
            // the application role creates nothing in the schema (Flyway does, as the owner)
            "create table fm_not_migrated (id int)",
            "create function fm_not_migrated() returns int language sql as 'select 1'")) {
          assertThatThrownBy(() -> st.execute(attack)).as(attack).isInstanceOf(SQLException.class)
              .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(attack)
                  .isIn("42501", "42804"));
        }
      }
    } finally {
      jdbc.execute("drop owned by " + role);
      jdbc.execute("drop role " + role);
    }
    assertThat(jdbc.queryForObject("select count(*) from fm_audit", Long.class)).isGreaterThan(count);

    var http = new Http(port);
    var verified = json.readTree(http.get("/api/audit/chain", MINISTRY_FINANCE, PASSWORD).body());
    assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
    var page = json.readTree(http.get("/api/audit?projectCode=" + project + "&size=5",
        GUANGXI_FINANCE, PASSWORD).body());
    assertThat(page.get("total").asLong()).isGreaterThan(90);
    assertThat(page.get("items")).hasSize(5);
    assertThat(page.get("items").get(0).get("newValues").get("paid_to_date").asText())
        .isEqualTo("310000.00");
    assertThat(http.get("/api/audit?unitCode=450102", YANGSHUO_ECO, PASSWORD).statusCode())
        .isEqualTo(403);
  }
}
