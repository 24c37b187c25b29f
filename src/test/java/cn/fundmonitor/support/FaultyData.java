package cn.fundmonitor.support;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;

import cn.fundmonitor.evaluation.EvaluationPart;
import cn.fundmonitor.evaluation.SelfEvaluation;
import cn.fundmonitor.evaluation.SelfEvaluationService;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 2026 data with one fault of every kind the data-quality rules look for, in Xinjiang (且末县 and
 * the province), made through the services and then corrupted in the tables — the way bad data
 * gets in (imports, migrations, hand edits) — and clean data in Sichuan (资阳市).
 */
@Component
public class FaultyData {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);

  private final Projects projects;
  private final Funding funding;
  private final FilingService filings;
  private final SelfEvaluationService evaluations;
  private final JdbcClient jdbc;
  private boolean seeded;

  FaultyData(Projects projects, Funding funding, FilingService filings, SelfEvaluationService evaluations,
      JdbcClient jdbc) {
    this.projects = projects;
    this.funding = funding;
    this.filings = filings;
    this.evaluations = evaluations;
    this.jdbc = jdbc;
  }

  public synchronized void ensure() {
    if (seeded) {
      return;
    }
    seeded = true;
    // money for a project that is (no longer) in the reserve
    var returned = qiemo("且末县退回后仍获资金项目");
    jdbc.sql("update fm_project set status = 'RETURNED' where code = ?").param(returned).update();
    // a decomposition below the approval (the province's)
    var decomposed = qiemo("且末县分解不足项目");
    var document = jdbc.sql("select document_no from fm_allocation_line where project_code = ?")
        .param(decomposed).query(String.class).single();
    jdbc.sql("update fm_decomposed_target set target_value = 0.5 where document_no = ?").param(document).update();
    // payments above the money received
    var overpaid = qiemo("且末县超付项目");
    file(overpaid, 1, "300000", "60", "90");
    jdbc.sql("update fm_quarterly_filing set paid_to_date = 1200000 where business_key = ?")
        .param(new Quarter(2026, 1).key(overpaid)).update();
    // payments going backwards
    var backwards = qiemo("且末县支付倒退项目");
    file(backwards, 1, "300000", "60", "90");
    file(backwards, 2, "400000", "60", "90");
    jdbc.sql("update fm_quarterly_filing set paid_to_date = 200000 where business_key = ?")
        .param(new Quarter(2026, 2).key(backwards)).update();
    // a quarter not filed
    var late = qiemo("且末县未填报项目");
    var q2 = new Quarter(2026, 2);
    filings.prepare(late, q2);
    filings.open(q2.key(late), q2, null);
    // an excellent self-evaluation of a project that filed 20% achievement
    var flattered = qiemo("且末县自评偏高项目");
    file(flattered, 3, "900000", "24", "18");
    var key = SelfEvaluation.key(flattered, 2026);
    evaluations.open(key, flattered, 2026, null);
    evaluations.submit(key, Map.of(EvaluationPart.OUTPUT, BigDecimal.valueOf(100)), "自评", false, QIEMO_FINANCE);
    evaluations.recordGrade(key, cn.fundmonitor.evaluation.Grade.EXCELLENT);
    jdbc.sql("update fm_self_evaluation set score = 95 where business_key = ?").param(key).update();

    // Sichuan: the same kinds of data, nothing wrong
    var clean = projects.warehoused(ZIYANG_ECO, "512000", "资阳市合规项目");
    funding.fund(clean, "512000", "1000000", RECEIVED, "ECO_RESTORATION", SICHUAN_FINANCE);
    file(clean, 1, "300000", "120", "95", ZIYANG_FINANCE);
    file(clean, 2, "600000", "120", "95", ZIYANG_FINANCE);
  }

  private String qiemo(String name) {
    var code = projects.warehoused(QIEMO_ECO, "652825", name);
    funding.fund(code, "652825", "1000000", RECEIVED, "ECO_RESTORATION", XINJIANG_FINANCE);
    return code;
  }

  private void file(String project, int quarter, String paid, String area, String satisfaction) {
    file(project, quarter, paid, area, satisfaction, QIEMO_FINANCE);
  }

  private void file(String project, int quarter, String paid, String area, String satisfaction, String user) {
    var q = new Quarter(2026, quarter);
    filings.prepare(project, q);
    filings.open(q.key(project), q, null);
    filings.file(q.key(project), new RawFiling(paid, Map.of("CENTRAL", paid), "50", List.of(
        Map.of("position", 1, "actual", area), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "actual", satisfaction))), user);
  }
}
