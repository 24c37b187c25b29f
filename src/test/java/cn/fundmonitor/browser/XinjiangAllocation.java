package cn.fundmonitor.browser;

import cn.fundmonitor.support.Submitted;
import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.warehousing.ApplicationRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Another province's money in the Cockpit tests: a fund allocation started by a finance officer of
 * Xinjiang (650000), which Guangxi's users may not read. Made once per document number.
 */
final class XinjiangAllocation {

  private XinjiangAllocation() {}

  /** The instance id, or empty when the document is already running (made by an earlier test). */
  static Optional<String> start(RuntimeService runtime, IdentityService identity, String userId,
      String documentNo, LocalDate receivedOn) {
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(documentNo).count() > 0) {
      return Optional.empty();
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setFirstName("新疆");
      user.setLastName("财务");
      user.setPassword("Xinjiang-Passw0rd!2026");
      identity.saveUser(user);
      identity.createMembership(userId, "650000-finance");
    }
    var vars = Submitted.form()
        .set(FundAllocationProcess.DOCUMENT_NO, documentNo)
        .set(FundAllocationProcess.FUND_CLASS, "CENTRAL")
        .set(FundAllocationProcess.DIRECTION, "ECO_RESTORATION")
        .set(FundAllocationProcess.BUDGET_YEAR, LocalDate.now().getYear())
        .text(FundAllocationProcess.CENTRAL_AMOUNT, "1000000")
        .text(FundAllocationProcess.PROVINCIAL_AMOUNT, "0")
        .set(FundAllocationProcess.RECEIVED_ON, receivedOn)
        .json(FundAllocationProcess.APPROVED_TARGETS, List.of(
            ApplicationRequest.indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "50", "公顷"))).build();
    identity.setAuthentication(userId, List.of("650000-finance"));
    try {
      return Optional.of(runtime.startProcessInstanceByKey(FundAllocationProcess.KEY, vars).getId());
    } finally {
      identity.clearAuthentication();
    }
  }
}
