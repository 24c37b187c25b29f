package cn.fundmonitor.inspection;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MNR 第二十五条 (省级自然资源主管部门可结合实际情况对检查内容进行补充): the data-quality inspection
 * also runs the checks each province added in the decision provinceInspectionRules — Guangxi's
 * GX 第二十三条 check (paid at least 95% once initially accepted) flags a Guangxi record, while the
 * same facts in Xinjiang, which added no such check, are not flagged. The checks are data the
 * province's policy owner deploys, not code.
 */
@FundMonitorTest
class ProvinceInspectionRulesTest {

  @Autowired InspectionService inspections;
  @Autowired FilingService filings;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired JdbcClient jdbc;
  @Autowired RepositoryService repository;

  /** Accepted in March, 500,000 of 1,000,000 paid at the 2026Q1 filing. */
  String acceptedHalfPaid(String user, String unit, String name, String provinceFinance,
      String filer) {
    var project = projects.warehoused(user, unit, name);
    funding.fund(project, unit, "1000000", LocalDate.of(2026, 1, 10), "ECO_RESTORATION",
        provinceFinance);
    var q = new Quarter(2026, 1);
    filings.prepare(project, q);
    filings.open(q.key(project), q, null);
    filings.file(q.key(project), new RawFiling("500000", Map.of("CENTRAL", "500000"), "100", List.of(
        Map.of("position", 1, "actual", "120"), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "notYetDue", true), Map.of("position", 4, "notYetDue", true))), filer);
    // the lifecycle's initial acceptance (project-lifecycle records it; set here as its result)
    var now = OffsetDateTime.now();
    if (jdbc.sql("update fm_project_lifecycle set accepted_on = ?, status = 'ACCEPTED' "
        + "where project_code = ?").params(LocalDate.of(2026, 3, 20), project).update() == 0) {
      jdbc.sql("insert into fm_project_lifecycle (project_code, status, accepted_on, opened_at, "
          + "updated_at) values (?, 'ACCEPTED', ?, ?, ?)")
          .params(project, LocalDate.of(2026, 3, 20), now, now).update();
    }
    return q.key(project);
  }

  @Test
  void mnrArticle25_gx23_guangxisExtraRuleFlagsItsRecordAndNotAnotherProvinces() {
    var guangxi = acceptedHalfPaid(XINGNING_ECO, "450102", "兴宁区已验收支付不足项目", GUANGXI_FINANCE,
        XINGNING_FINANCE);
    var xinjiang = acceptedHalfPaid(QIEMO_ECO, "652825", "且末县已验收支付不足项目", XINJIANG_FINANCE,
        QIEMO_FINANCE);

    var flagged = inspections.preview(2026, List.of("450102")).stream()
        .filter(f -> f.reference().equals(guangxi)).toList();
    assertThat(flagged).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.PROVINCE_RULE);
      assertThat(f.unitCode()).isEqualTo("450102");
      assertThat(f.description()).contains("低于95%", "GX 第二十三条", "实际支付比例 50%",
          "GX23_PAID_AFTER_ACCEPTANCE");
    });
    assertThat(inspections.preview(2026, List.of("652825")))
        .filteredOn(f -> f.reference().equals(xinjiang))
        .as("Xinjiang added no such check").isEmpty();
    assertThat(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(InspectionRules.PROVINCE_DECISION).count())
        .as("the rules are a deployed table a policy owner replaces").isPositive();
  }
}
