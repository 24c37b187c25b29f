package cn.fundmonitor.correction;

import java.sql.DriverManager;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CorrectionEndToEndTest} on PostgreSQL (MNR 第二十二条, issue 15): the demo loaded into an
 * empty PostgreSQL database of this test's own (the tier's shared database already holds other
 * tests' data, so the demo would not load there), run in a JVM of its own (the postgres-it
 * profile's own-database execution), then file → correct → the export, the review
 * form, statistics and the audit API, over REST as the demo users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundmonitor.demo.enabled=true",
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@DirtiesContext
class CorrectionEndToEndOwnDatabaseIT extends CorrectionEndToEndTest {

  static final String DATABASE = "fm_it_correction_e2e";

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    admin("drop database if exists " + DATABASE + " with (force)");
    admin("create database " + DATABASE);
    registry.add("spring.datasource.url", () -> server() + "/" + DATABASE);
  }

  static String server() {
    var url = System.getProperty("FM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/fundmonitor_it");
    var withoutQuery = url.split("\\?", 2)[0];
    return withoutQuery.substring(0, withoutQuery.lastIndexOf('/'));
  }

  static void admin(String sql) throws Exception {
    try (var c = DriverManager.getConnection(server() + "/postgres",
        System.getProperty("FM_DB_USER", "postgres"), System.getProperty("FM_DB_PASSWORD", ""));
        var st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
