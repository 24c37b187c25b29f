package cn.fundmonitor.inspection;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.IndicatorCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The data-quality rules (MNR 第二十五条): each reads the persisted data of a year and lists what
 * is wrong, attributed to the unit that answers for it; the inspection keeps those of its sample.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InspectionRules {

  /** Self-evaluation and filed achievement more than this many points apart disagree. */
  static final BigDecimal EVALUATION_GAP = BigDecimal.valueOf(30);

  /** The province's own checks (MNR 第二十五条: 省级可补充检查内容), kept by its policy owner. */
  static final String PROVINCE_DECISION = "provinceInspectionRules";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RepositoryService repository;
  private final OrganisationService organisation;
  /** Evaluates without writing decision history: a preview runs in a read-only transaction. */
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();

  /** Every finding of the year whose unit is one of {@code units}. */
  List<Finding> run(int year, Set<String> units) {
    var findings = new ArrayList<Finding>();
    findings.addAll(nonWarehoused(year));
    findings.addAll(decomposition(year));
    findings.addAll(paymentsExceedingReceipts(year));
    findings.addAll(paymentsGoingBackwards(year));
    findings.addAll(quartersNotFiled(year));
    findings.addAll(evaluationsDisagreeing(year));
    findings.addAll(provinceRules(year, units));
    return findings.stream().filter(f -> units.contains(f.unitCode())).toList();
  }

  /**
   * The checks each province added (MNR 第二十五条: 省级自然资源主管部门可结合实际情况对检查内容进行补充):
   * every filed quarter of the year of the sampled units is put to the latest deployed version of
   * the decision provinceInspectionRules, whose rows name the province they apply to; each row
   * that matches is one finding. A province changes its checks by deploying the table, not code.
   */
  List<Finding> provinceRules(int year, Set<String> units) {
    record Facts(String key, String unit, BigDecimal received, BigDecimal paid, BigDecimal physical,
        LocalDate acceptedOn, BigDecimal retained, int quarter) {}
    var facts = jdbc.sql("select f.business_key, p.applicant_unit_code, f.received_amount, "
            + "f.paid_to_date, f.physical_progress, f.quarter, l.accepted_on, l.retained_amount "
            + "from fm_quarterly_filing f join fm_project p on p.code = f.project_code "
            + "left join fm_project_lifecycle l on l.project_code = f.project_code "
            + "where f.filing_year = ? and f.status in ('FILED', 'TRANSMITTED') "
            + "order by f.business_key")
        .param(year)
        .query((rs, i) -> new Facts(rs.getString("business_key"), rs.getString("applicant_unit_code"),
            rs.getBigDecimal("received_amount"), rs.getBigDecimal("paid_to_date"),
            rs.getBigDecimal("physical_progress"),
            rs.getDate("accepted_on") == null ? null : rs.getDate("accepted_on").toLocalDate(),
            rs.getBigDecimal("retained_amount"), rs.getInt("quarter")))
        .list();
    var findings = new ArrayList<Finding>();
    var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(PROVINCE_DECISION)
        .latestVersion().singleResult();
    if (latest == null || facts.stream().noneMatch(f -> units.contains(f.unit()))) {
      return findings;
    }
    org.camunda.bpm.dmn.engine.DmnDecision decision;
    try (var in = repository.getDecisionModel(latest.getId())) {
      decision = dmn.parseDecision(PROVINCE_DECISION, in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (var f : facts) {
      if (!units.contains(f.unit())) {
        continue;
      }
      var province = organisation.provinceOf(f.unit()).map(d -> d.code()).orElse(null);
      var quarterEnd = LocalDate.of(year, f.quarter() * 3, 1).plusMonths(1).minusDays(1);
      // 应支付: the money received, less what is paid only after years of monitoring (GX 第二十三条)
      var payable = f.received() == null ? null
          : f.received().subtract(f.retained() == null ? BigDecimal.ZERO : f.retained());
      Double ratio = payable == null || payable.signum() <= 0 || f.paid() == null ? null
          : f.paid().divide(payable, 4, RoundingMode.HALF_UP).doubleValue();
      var variables = Variables.createVariables().putValue("province", province)
          .putValue("accepted", f.acceptedOn() != null && !f.acceptedOn().isAfter(quarterEnd))
          .putValue("paidRatio", ratio)
          .putValue("physicalProgress", f.physical() == null ? null : f.physical().doubleValue());
      for (var hit : dmn.evaluateDecisionTable(decision, variables)) {
        String code = hit.getEntry("ruleCode");
        String description = hit.getEntry("description");
        findings.add(new Finding(FindingKind.PROVINCE_RULE, f.unit(), f.key(),
            "填报“" + f.key() + "”：" + (description == null ? code : description)
                + (ratio == null ? "" : "（实际支付比例 " + BigDecimal.valueOf(ratio).movePointRight(2)
                    .stripTrailingZeros().toPlainString() + "%）") + "；检查项 " + code));
      }
    }
    return findings;
  }

  /** Money allocated (issued or refined) to a project that is not in the reserve. */
  List<Finding> nonWarehoused(int year) {
    return jdbc.sql("select distinct l.document_no, l.recipient_code, p.code, p.name, p.status "
            + "from fm_allocation_line l join fm_allocation a on a.document_no = l.document_no "
            + "join fm_project p on p.code = l.project_code "
            + "where a.budget_year = ? and p.status <> 'WAREHOUSED' order by p.code")
        .param(year)
        .query((rs, i) -> new Finding(FindingKind.NON_WAREHOUSED_ALLOCATION, rs.getString("recipient_code"),
            rs.getString("document_no") + "/" + rs.getString("code"),
            "资金“" + rs.getString("document_no") + "”安排给了未入库项目 " + rs.getString("code") + "（"
                + rs.getString("name") + "，状态 " + rs.getString("status") + "），未入库项目不予安排资金（MNR 第九条）"))
        .list();
  }

  /**
   * Decomposed targets below the approval: an additive quantity whose parts add up to less (for
   * "=", to other) than the approved target, or a unit's target lower than the approved one.
   * The issue is the province's; a refinement below the recipient's share is the recipient's.
   */
  List<Finding> decomposition(int year) {
    record Approved(String documentNo, String province, int position, String name, String level2,
        String comparator, BigDecimal value) {}
    var approved = jdbc.sql("select t.document_no, a.province_code, t.position, t.name, t.level2, "
            + "t.comparator, t.target_value from fm_allocation_target t join fm_allocation a "
            + "on a.document_no = t.document_no where a.budget_year = ? and t.target_value is not null "
            + "and a.status <> 'RECEIVED'")
        .param(year)
        .query((rs, i) -> new Approved(rs.getString("document_no"), rs.getString("province_code"),
            rs.getInt("position"), rs.getString("name"), rs.getString("level2"), rs.getString("comparator"),
            rs.getBigDecimal("target_value"))).list();
    record Part(String stage, String recipient, String unit, BigDecimal value) {}
    var findings = new ArrayList<Finding>();
    for (var a : approved) {
      var parts = jdbc.sql("select stage, recipient_code, unit_code, target_value from fm_decomposed_target "
              + "where document_no = ? and position = ?").params(a.documentNo(), a.position())
          .query((rs, i) -> new Part(rs.getString("stage"), rs.getString("recipient_code"),
              rs.getString("unit_code"), rs.getBigDecimal("target_value"))).list();
      var comparator = Comparator.valueOf(a.comparator());
      var additive = IndicatorCategory.valueOf(a.level2()) == IndicatorCategory.QUANTITY
          && comparator != Comparator.LE;
      var issued = parts.stream().filter(p -> p.stage().equals("ISSUE")).toList();
      var issuedProblem = problem(additive, comparator, a.value(), issued.stream().map(Part::value).toList());
      if (issuedProblem != null) {
        findings.add(new Finding(FindingKind.DECOMPOSITION_MISMATCH, a.province(), a.documentNo() + "/" + a.position(),
            "资金“" + a.documentNo() + "”下达时指标“" + a.name() + "”" + issuedProblem + "，批复为 "
                + plain(a.value()) + "（MNR 第十条：绩效目标不得降低）"));
      }
      var byRecipient = new HashMap<String, List<BigDecimal>>();
      parts.stream().filter(p -> p.stage().equals("REFINEMENT"))
          .forEach(p -> byRecipient.computeIfAbsent(p.recipient(), k -> new ArrayList<>()).add(p.value()));
      for (var e : byRecipient.entrySet()) {
        var share = issued.stream().filter(p -> p.unit().equals(e.getKey())).map(Part::value).findFirst();
        if (share.isEmpty() || share.get() == null) {
          continue;
        }
        var refinedProblem = problem(additive, comparator, share.get(), e.getValue());
        if (refinedProblem != null) {
          findings.add(new Finding(FindingKind.DECOMPOSITION_MISMATCH, e.getKey(),
              a.documentNo() + "/" + a.position() + "/" + e.getKey(),
              "资金“" + a.documentNo() + "”细化到项目时指标“" + a.name() + "”" + refinedProblem + "，下达给本单位的为 "
                  + plain(share.get()) + "（MNR 第十条：绩效目标不得降低）"));
        }
      }
    }
    return findings;
  }

  private static String problem(boolean additive, Comparator comparator, BigDecimal approved,
      List<BigDecimal> parts) {
    var values = parts.stream().filter(java.util.Objects::nonNull).toList();
    if (values.isEmpty()) {
      return null;
    }
    if (additive) {
      var sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (comparator == Comparator.EQ ? sum.compareTo(approved) != 0 : sum.compareTo(approved) < 0) {
        return "分解合计 " + plain(sum);
      }
      return null;
    }
    for (var v : values) {
      var wrong = switch (comparator) {
        case GE -> v.compareTo(approved) < 0;
        case LE -> v.compareTo(approved) > 0;
        default -> v.compareTo(approved) != 0;
      };
      if (wrong) {
        return "分解为 " + plain(v);
      }
    }
    return null;
  }

  /** Payments filed above the money the project received. */
  List<Finding> paymentsExceedingReceipts(int year) {
    return jdbc.sql("select f.business_key, f.paid_to_date, f.received_amount, p.applicant_unit_code "
            + "from fm_quarterly_filing f join fm_project p on p.code = f.project_code "
            + "where f.filing_year = ? and f.paid_to_date is not null and f.received_amount is not null "
            + "and f.paid_to_date > f.received_amount order by f.business_key")
        .param(year)
        .query((rs, i) -> new Finding(FindingKind.PAYMENT_EXCEEDS_RECEIVED, rs.getString("applicant_unit_code"),
            rs.getString("business_key"), "填报“" + rs.getString("business_key") + "”累计支付 "
                + plain(rs.getBigDecimal("paid_to_date")) + " 元，超过到位资金 " + plain(rs.getBigDecimal("received_amount")) + " 元"))
        .list();
  }

  /** Cumulative payments lower than the quarter before. */
  List<Finding> paymentsGoingBackwards(int year) {
    return jdbc.sql("select f.business_key, f.paid_to_date, e.business_key earlier, e.paid_to_date earlier_paid, "
            + "p.applicant_unit_code from fm_quarterly_filing f "
            + "join fm_quarterly_filing e on e.project_code = f.project_code "
            + "and (e.filing_year * 4 + e.quarter) = (f.filing_year * 4 + f.quarter) - 1 "
            + "join fm_project p on p.code = f.project_code "
            + "where f.filing_year = ? and f.paid_to_date is not null and e.paid_to_date is not null "
            + "and f.paid_to_date < e.paid_to_date order by f.business_key")
        .param(year)
        .query((rs, i) -> new Finding(FindingKind.PAYMENT_BACKWARDS, rs.getString("applicant_unit_code"),
            rs.getString("business_key"), "填报“" + rs.getString("business_key") + "”累计支付 "
                + plain(rs.getBigDecimal("paid_to_date")) + " 元，少于上季度（" + rs.getString("earlier") + "）的 "
                + plain(rs.getBigDecimal("earlier_paid")) + " 元"))
        .list();
  }

  /** Quarters past their due date and still not filed. */
  List<Finding> quartersNotFiled(int year) {
    return jdbc.sql("select f.business_key, f.due_on, p.applicant_unit_code from fm_quarterly_filing f "
            + "join fm_project p on p.code = f.project_code where f.filing_year = ? "
            + "and f.status in ('OPEN', 'RETURNED') and f.due_on < ? order by f.business_key")
        .params(year, LocalDate.now(clock))
        .query((rs, i) -> new Finding(FindingKind.QUARTER_NOT_FILED, rs.getString("applicant_unit_code"),
            rs.getString("business_key"), "“" + rs.getString("business_key") + "”应于 " + rs.getDate("due_on")
                + " 前填报，至今未填报"))
        .list();
  }

  /**
   * A self-evaluation whose score is more than 30 points from the mean completion rate of the
   * indicators filed at the year's last filed quarter.
   */
  List<Finding> evaluationsDisagreeing(int year) {
    record Evaluated(String key, String project, String unit, BigDecimal score, String grade) {}
    var evaluations = jdbc.sql("select e.business_key, e.project_code, p.applicant_unit_code, e.score, e.grade "
            + "from fm_self_evaluation e join fm_project p on p.code = e.project_code "
            + "where e.evaluation_year = ? and e.score is not null order by e.business_key")
        .param(year)
        .query((rs, i) -> new Evaluated(rs.getString("business_key"), rs.getString("project_code"),
            rs.getString("applicant_unit_code"), rs.getBigDecimal("score"), rs.getString("grade"))).list();
    var findings = new ArrayList<Finding>();
    for (var e : evaluations) {
      var rates = jdbc.sql("select fi.completion_rate from fm_filing_indicator fi "
              + "where fi.business_key = (select f.business_key from fm_quarterly_filing f "
              + "where f.project_code = ? and f.filing_year = ? and f.status in ('FILED', 'TRANSMITTED') "
              + "and f.quarter is not null order by f.quarter desc fetch first 1 rows only) and fi.completion_rate is not null")
          .params(e.project(), year).query(Integer.class).list();
      if (rates.isEmpty()) {
        continue;
      }
      var mean = BigDecimal.valueOf(rates.stream().mapToInt(Integer::intValue).sum())
          .divide(BigDecimal.valueOf(rates.size()), 1, RoundingMode.HALF_UP);
      if (e.score().subtract(mean).abs().compareTo(EVALUATION_GAP) > 0) {
        findings.add(new Finding(FindingKind.ACHIEVEMENT_VS_EVALUATION, e.unit(), e.key(),
            "项目 " + e.project() + " 自评得分 " + e.score().stripTrailingZeros().toPlainString() + "（" + e.grade()
                + "），而全年填报的指标平均完成率为 " + mean.stripTrailingZeros().toPlainString() + "%，相差超过30分"));
      }
    }
    return findings;
  }

  private static String plain(BigDecimal value) {
    return value == null ? "—" : value.stripTrailingZeros().toPlainString();
  }
}
