package cn.fundmonitor.reports;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.support.TestUsers.*;

import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.RawReceipt;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.problems.ProblemService;
import cn.fundmonitor.problems.RawProblem;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Guangxi's 2026 money at the end of Q2, through the services (not the workflows):
 * <ul>
 *   <li>兴宁区 project A: 1,000,000 issued; Q2 filed, 300,000 paid, red warning, one open problem;
 *       indicators: area 60 of 120 (50%), deadline not yet due, qualitative, satisfaction not yet due
 *   <li>青秀区 project B: 500,000 issued; Q2 filed, all paid; area 120 (100%), finished on time
 *       (100%), qualitative, satisfaction 95% of ≥ 90% (100%)
 *   <li>阳朔县 project C: 2,000,000 issued; Q2 opened and not filed (overdue)
 *   <li>800,000 more reached the province and is not issued yet
 * </ul>
 */
@Component
class ReportsFixture {

  static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
  static final Quarter Q2 = new Quarter(2026, 2);

  private final Projects projects;
  private final Funding funding;
  private final AllocationService allocations;
  private final FilingService filings;
  private final ProblemService problems;
  private final TestUsers users;
  private String a;
  private String b;
  private String c;

  ReportsFixture(Projects projects, Funding funding, AllocationService allocations,
      FilingService filings, ProblemService problems, TestUsers users) {
    this.projects = projects;
    this.funding = funding;
    this.allocations = allocations;
    this.filings = filings;
    this.problems = problems;
    this.users = users;
  }

  synchronized ReportsFixture ensure() {
    if (a != null) {
      return this;
    }
    a = projects.warehoused(XINGNING_ECO, "450102", "兴宁区统计项目");
    b = projects.warehoused(QINGXIU_ECO, "450103", "青秀区统计项目");
    c = projects.warehoused(YANGSHUO_ECO, "450321", "阳朔县统计项目");
    funding.fund(a, "450102", "1000000", RECEIVED);
    funding.fund(b, "450103", "500000", RECEIVED);
    funding.fund(c, "450321", "2000000", RECEIVED);
    allocations.register(new RawReceipt("财资环〔2026〕统计未下达", "CENTRAL", "ECO_RESTORATION", 2026,
        "800000", "0", RECEIVED, List.of(cn.fundmonitor.warehousing.ApplicationRequest
            .indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷"))),
        GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE), null);

    var facts = file(a, "300000", "40", List.of(
        Map.of("position", 1, "actual", "60"), Map.of("position", 2, "notYetDue", true),
        Map.of("position", 3, "actual", "有所改善"), Map.of("position", 4, "notYetDue", true)));
    filings.recordWarning(Q2.key(a), List.of(Map.of("level", "RED", "reason", "支付进度滞后",
        "dimension", "EXECUTION")), facts);
    file(b, "500000", "100", List.of(
        Map.of("position", 1, "actual", "120"), Map.of("position", 2, "actual", "2026-06-30"),
        Map.of("position", 3, "actual", "明显改善"), Map.of("position", 4, "actual", "95")));
    filings.open(Q2.key(c), Q2, null);
    problems.raise(new RawProblem(a, "SLOW_PAYMENT", null, "支付进度明显滞后于时序进度", "USER", null, null),
        XINGNING_ECO, users.groups(XINGNING_ECO), null);
    return this;
  }

  private cn.fundmonitor.filing.ExecutionFacts file(String project, String paid, String physical,
      List<Map<String, Object>> indicators) {
    filings.open(Q2.key(project), Q2, null);
    return filings.file(Q2.key(project), new RawFiling(paid, Map.of("CENTRAL", paid), physical, indicators),
        XINGNING_FINANCE);
  }

  String a() {
    return a;
  }

  String b() {
    return b;
  }

  String c() {
    return c;
  }
}
