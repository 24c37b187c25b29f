package cn.fundmonitor.support;

import static cn.fundmonitor.support.TestUsers.GUANGXI_FINANCE;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;

import cn.fundmonitor.allocation.AllocationService;
import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.allocation.RawReceipt;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Money for a project, put through the allocation service (not the workflow: tests of later
 * workflows must not run fundAllocation partly, their coverage gate would count it).
 */
@Component
public class Funding {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private final AllocationService allocations;
  private final TestUsers users;
  private final Projects projects;

  Funding(AllocationService allocations, TestUsers users, Projects projects) {
    this.allocations = allocations;
    this.users = users;
    this.projects = projects;
  }

  /** Issues {@code central} yuan of central money to one warehoused eco project of a county. */
  public String fund(String projectCode, String recipient, String central, LocalDate receivedOn) {
    return fund(projectCode, recipient, central, receivedOn, "ECO_RESTORATION");
  }

  /** The same for a project of another direction (the money's direction must match). */
  public String fund(String projectCode, String recipient, String central, LocalDate receivedOn,
      String direction) {
    return fund(projectCode, recipient, central, receivedOn, direction, GUANGXI_FINANCE);
  }

  /** The same registered and issued by another province's finance department. */
  public String fund(String projectCode, String recipient, String central, LocalDate receivedOn,
      String direction, String provinceFinance) {
    var documentNo = "测试资金〔" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "〕号";
    allocations.register(new RawReceipt(documentNo, "CENTRAL", direction,
            receivedOn.getYear(), central, "0", receivedOn,
            List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷"))),
        provinceFinance, users.groups(provinceFinance), null);
    // GX 第二十六条: the money goes with the year's targets; where the province issued none yet,
    // the issue step carries the project's overall ones as the year's
    allocations.issue(documentNo, "下达" + documentNo, receivedOn,
        List.of(Map.of("recipientCode", recipient, "projectCode", projectCode, "centralShare",
            central)), List.of(), projects.annualTargetRowsIfMissing(projectCode,
            receivedOn.getYear()), provinceFinance);
    return documentNo;
  }

  /**
   * The start form of fundAllocation as the province fills it for 1,000,000 yuan of central and
   * 200,000 of provincial eco-restoration money of 2025 received on 2025-09-05 (its issue is due
   * 30 days later, MNR 第九条), under {@code documentNo}.
   */
  public static VariableMap centralMoneyReceived20250905(String documentNo) {
    return Submitted.form()
        .set(FundAllocationProcess.DOCUMENT_NO, documentNo)
        .set(FundAllocationProcess.FUND_CLASS, "CENTRAL")
        .set(FundAllocationProcess.DIRECTION, "ECO_RESTORATION")
        .set(FundAllocationProcess.BUDGET_YEAR, 2025)
        .text(FundAllocationProcess.CENTRAL_AMOUNT, "1000000.00")
        .text(FundAllocationProcess.PROVINCIAL_AMOUNT, "200000.00")
        .text(FundAllocationProcess.RECEIVED_ON, "2025-09-05")
        .json(FundAllocationProcess.APPROVED_TARGETS, List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "100", "公顷"))).build();
  }
}
