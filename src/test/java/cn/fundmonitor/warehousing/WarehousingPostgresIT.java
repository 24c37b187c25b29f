package cn.fundmonitor.warehousing;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One full application → approval on PostgreSQL, through the HTTP APIs a client uses, with the
 * production profile; the rows are then read back from PostgreSQL with a connection of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class WarehousingPostgresIT {

  @LocalServerPort int port;
  @Value("${spring.datasource.url}") String url;
  @Value("${spring.datasource.username}") String user;
  @Value("${spring.datasource.password}") String password;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void applicationIsApprovedAndWarehousedOnPostgres() throws Exception {
    assertThat(url).startsWith("jdbc:postgresql:");
    var http = new Http(port);

    var applied = http.post("/api/projects/applications", json.writeValueAsString(
        Applications.xingningRestoration("PostgreSQL 入库验证项目")), XINGNING_ECO, PASSWORD);
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    var code = json.readTree(applied.body()).get("code").asText();

    var tasks = json.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + code,
        GUANGXI_ECO, PASSWORD).body());
    assertThat(tasks).hasSize(1);
    var taskId = tasks.get(0).get("id").asText();
    assertThat(http.post("/engine-rest/task/" + taskId + "/claim",
        "{\"userId\":\"" + GUANGXI_ECO + "\"}", GUANGXI_ECO, PASSWORD).statusCode()).isEqualTo(204);
    var completed = http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"reviewOutcome\":{\"value\":\"APPROVE\"},"
            + "\"reviewComment\":{\"value\":\"同意入库\"}}}", GUANGXI_ECO, PASSWORD);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    try (var db = DriverManager.getConnection(url, user, password)) {
      assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (var ps = db.prepareStatement(
          "select status, requested_amount, region_code, applicant_unit_code, applied_by "
              + "from fm_project where code = ?")) {
        ps.setString(1, code);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("status")).isEqualTo("WAREHOUSED");
        assertThat(rs.getBigDecimal("requested_amount")).isEqualTo(new BigDecimal("3961869.98"));
        assertThat(rs.getString("region_code")).isEqualTo("450102");
        assertThat(rs.getString("applied_by")).isEqualTo(XINGNING_ECO);
      }
      try (var ps = db.prepareStatement("select count(*) from fm_project_indicator where project_code = ?")) {
        ps.setString(1, code);
        var rs = ps.executeQuery();
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
      }
      var history = new ArrayList<List<String>>();
      try (var ps = db.prepareStatement("select to_status, actor from fm_project_status_history "
          + "where project_code = ? order by id")) {
        ps.setString(1, code);
        var rs = ps.executeQuery();
        while (rs.next()) {
          history.add(List.of(rs.getString(1), rs.getString(2)));
        }
      }
      assertThat(history).containsExactly(List.of("APPLIED", XINGNING_ECO),
          List.of("UNDER_REVIEW", "system"), List.of("WAREHOUSED", GUANGXI_ECO));
      try (var ps = db.prepareStatement("select end_act_id_, end_time_ from act_hi_procinst "
          + "where business_key_ = ? and proc_def_key_ = ?")) {
        ps.setString(1, code);
        ps.setString(2, ProjectWarehousingProcess.KEY);
        var rs = ps.executeQuery();
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(ProjectWarehousingProcess.END_WAREHOUSED);
        assertThat(rs.getTimestamp(2)).isNotNull();
      }
    }
  }
}
