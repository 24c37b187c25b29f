package cn.fundmonitor.browser;

import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.platform.JsonVariables;
import cn.fundmonitor.warehousing.ApplicationRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

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
    var vars = Variables.createVariables()
        .putValue(FundAllocationProcess.DOCUMENT_NO.name(), documentNo)
        .putValue(FundAllocationProcess.FUND_CLASS.name(), "CENTRAL")
        .putValue(FundAllocationProcess.DIRECTION.name(), "ECO_RESTORATION")
        .putValue(FundAllocationProcess.BUDGET_YEAR.name(), LocalDate.now().getYear())
        .putValue(FundAllocationProcess.CENTRAL_AMOUNT.name(), "1000000")
        .putValue(FundAllocationProcess.PROVINCIAL_AMOUNT.name(), "0")
        .putValue(FundAllocationProcess.RECEIVED_ON.name(), receivedOn.toString())
        .putValueTyped(FundAllocationProcess.APPROVED_TARGETS.name(), JsonVariables.json(List.of(
            ApplicationRequest.indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "50", "公顷"))));
    identity.setAuthentication(userId, List.of("650000-finance"));
    try {
      return Optional.of(runtime.startProcessInstanceByKey(FundAllocationProcess.KEY, vars).getId());
    } finally {
      identity.clearAuthentication();
    }
  }
}
