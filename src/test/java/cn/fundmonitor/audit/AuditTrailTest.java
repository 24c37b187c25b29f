package cn.fundmonitor.audit;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper-evident filed data on H2 (issue 13): the database writes an audit row for every change
 * of filed figures, refuses to change or remove audit rows, and the hash chain shows a row removed
 * or edited behind the triggers' back; /api/audit within the reader's jurisdiction.
 */
@FundMonitorTest
class AuditTrailTest {

  static final Quarter Q = new Quarter(2026, 3);

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired FilingService filings;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditChain chain;
  final ObjectMapper json = new ObjectMapper();
  Http http;
  static String project;

  @BeforeEach
  void filed() {
    http = new Http(port);
    synchronized (AuditTrailTest.class) {
      if (project == null) {
        project = projects.warehoused(XINGNING_ECO, "450102", "兴宁区审计测试项目");
        funding.fund(project, "450102", "1000000", LocalDate.of(2026, 3, 2));
        filings.open(Q.key(project), Q, null);
        filings.file(Q.key(project), new RawFiling("300000", Map.of("CENTRAL", "300000"), "40", List.of(
            Map.of("position", 1, "actual", "60"), Map.of("position", 2, "notYetDue", true),
            Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "notYetDue", true))),
            XINGNING_FINANCE);
      }
    }
  }

  @Test
  void aFilingLeavesAuditRowsWrittenByTheDatabase() throws Exception {
    var key = Q.key(project);
    var rows = jdbc.queryForList("select table_name, operation, unit_code, project_code, new_values"
        + " from fm_audit where project_code = ? order by id", project);
    assertThat(rows).extracting(r -> r.get("TABLE_NAME") + ":" + r.get("OPERATION"))
        .contains("fm_quarterly_filing:I", "fm_quarterly_filing:U", "fm_filing_payment:I",
            "fm_filing_indicator:I", "fm_allocation_line:I");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("UNIT_CODE")).isEqualTo("450102"));

    // a change made behind the application's back (the attack of issue 13) is audited as well
    jdbc.update("update fm_quarterly_filing set paid_to_date = 99999 where business_key = ?", key);
    var last = jdbc.queryForMap("select operation, old_values, new_values, db_user from fm_audit"
        + " where table_name = 'fm_quarterly_filing' and row_key = ? order by id desc limit 1", key);
    assertThat(last.get("OPERATION")).isEqualTo("U");
    assertThat(json.readTree((String) last.get("OLD_VALUES")).get("paid_to_date").decimalValue())
        .isEqualByComparingTo("300000");
    assertThat(json.readTree((String) last.get("NEW_VALUES")).get("paid_to_date").decimalValue())
        .isEqualByComparingTo("99999");
    assertThat(last.get("DB_USER")).isNotNull();
    jdbc.update("update fm_quarterly_filing set paid_to_date = 300000 where business_key = ?", key);
  }

  @Test
  void theApplicationCannotInsertChangeOrRemoveAuditRows() {
    var count = jdbc.queryForObject("select count(*) from fm_audit", Long.class);
    var id = jdbc.queryForObject("select min(id) from fm_audit where project_code = ?", Long.class,
        project);
    assertThatThrownBy(() -> jdbc.update("delete from fm_audit where id = ?", id))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("审计记录只能由数据库追加");
    assertThatThrownBy(() -> jdbc.update("delete from fm_audit"))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("审计记录只能由数据库追加");
    assertThatThrownBy(() -> jdbc.update("update fm_audit set new_values = '{}' where id = ?", id))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("审计记录只能由数据库追加");
    assertThatThrownBy(() -> jdbc.update("update fm_audit set row_hash = null, chain_no = null"))
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(() -> jdbc.update("insert into fm_audit (table_name, row_key, operation,"
        + " db_user, changed_at) values ('fm_problem', 'X', 'I', 'sa', current_timestamp)"))
        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("审计记录只能由数据库追加");
    assertThatThrownBy(() -> jdbc.execute("truncate table fm_audit"))
        .isInstanceOf(DataAccessException.class);
    assertThat(jdbc.queryForObject("select count(*) from fm_audit", Long.class)).isEqualTo(count);
  }

  @Test
  void theChainShowsARowRemovedOrEditedBehindTheTriggersBack() {
    assertThat(chain.verify().intact()).as(chain.verify().detail()).isTrue();
    var victim = jdbc.queryForMap("select * from fm_audit where project_code = ? and chain_no is not"
        + " null order by chain_no limit 1", project);
    var chainNo = ((Number) victim.get("CHAIN_NO")).longValue();
    // an owner who can switch the guard off (on H2 everyone is the owner)
    jdbc.execute("drop trigger fm_audit_guard");
    try {
      jdbc.update("delete from fm_audit where id = ?", victim.get("ID"));
      var removed = chain.verify();
      assertThat(removed.intact()).isFalse();
      assertThat(removed.brokenAt()).isEqualTo(chainNo);
      assertThat(removed.detail()).contains("缺失");

      var columns = List.copyOf(victim.keySet());
      jdbc.update("insert into fm_audit (" + String.join(", ", columns) + ") values ("
          + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
          columns.stream().map(victim::get).toArray());
      assertThat(chain.verify().intact()).isTrue();

      jdbc.update("update fm_audit set new_values = replace(new_values, '0', '9') where id = ?",
          victim.get("ID"));
      var edited = chain.verify();
      assertThat(edited.intact()).isFalse();
      assertThat(edited.brokenAt()).isEqualTo(chainNo);
      assertThat(edited.detail()).contains("被修改");
      jdbc.update("update fm_audit set new_values = ? where id = ?", victim.get("NEW_VALUES"),
          victim.get("ID"));
    } finally {
      jdbc.execute("create trigger fm_audit_guard before insert, update, delete on fm_audit"
          + " for each row call 'cn.fundmonitor.audit.H2AuditGuardTrigger'");
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  JsonNode audit(String query, String user, int status) throws Exception {
    var response = http.get("/api/audit" + query, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  void theMinistryTheSuperiorsAndTheUnitItselfReadTheAuditOthersDoNot() throws Exception {
    var query = "?projectCode=" + project + "&table=fm_quarterly_filing&size=100";
    var ministry = audit(query, MINISTRY_FINANCE, 200);
    assertThat(ministry.get("total").asLong()).isGreaterThanOrEqualTo(2);
    var item = ministry.get("items").get(0);
    assertThat(item.get("tableName").asText()).isEqualTo("季度填报");
    assertThat(item.get("unitName").asText()).isEqualTo("兴宁区");
    assertThat(item.get("chainNo").isNumber()).isTrue();
    assertThat(item.get("rowHash").asText()).hasSize(64);
    var filed = ministry.get("items").findValues("newValues").stream()
        .filter(v -> v.hasNonNull("filed_by")).findFirst().orElseThrow();
    assertThat(filed.get("filed_by").asText()).isEqualTo(XINGNING_FINANCE);

    assertThat(audit(query, GUANGXI_FINANCE, 200).get("total").asLong())
        .isEqualTo(ministry.get("total").asLong());
    assertThat(audit(query, NANNING_ECO, 200).get("total").asLong())
        .isEqualTo(ministry.get("total").asLong());
    assertThat(audit(query, XINGNING_ECO, 200).get("total").asLong())
        .isEqualTo(ministry.get("total").asLong());
    assertThat(audit("?unitCode=450102&from=2020-01-01&to=2099-12-31", GUANGXI_ECO, 200)
        .get("total").asLong()).isGreaterThan(0);

    // another county, another province: nothing of Xingning's, and asking for it is refused
    assertThat(audit(query, YANGSHUO_ECO, 200).get("total").asLong()).isZero();
    assertThat(audit(query, XINJIANG_ECO, 200).get("total").asLong()).isZero();
    var refused = audit("?unitCode=450102", YANGSHUO_ECO, 403);
    assertThat(refused.get("title").asText()).isEqualTo("无权访问");
    assertThat(audit("?unitCode=450102", QIEMO_FINANCE, 403).get("detail").asText()).contains("权限");
    // no unit, no audit: policy owners and the technical administrator
    audit("", POLICY_OWNER, 403);
    audit("/chain", POLICY_OWNER, 403);
    assertThat(http.get("/api/audit", null, null).statusCode()).isEqualTo(401);

    var bad = audit("?table=act_hi_op_log&size=0", MINISTRY_FINANCE, 400);
    assertThat(bad.get("detail").asText()).contains("不是受审计的表").contains("每页条数");
    assertThat(audit("?from=2026-13-01", MINISTRY_FINANCE, 400).get("title").asText())
        .isEqualTo("请求格式有误");

    var verified = audit("/chain", GUANGXI_FINANCE, 200);
    assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
    assertThat(verified.get("sealed").asLong()).isGreaterThan(0);
    assertThat(verified.get("detail").asText()).startsWith("审计链完整");
  }
}
