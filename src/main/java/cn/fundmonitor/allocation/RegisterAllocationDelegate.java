package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the money that reached the province, with its approved targets. */
@Component
class RegisterAllocationDelegate implements JavaDelegate {

  private final AllocationService allocations;

  RegisterAllocationDelegate(AllocationService allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var registrar = REGISTRAR.get(execution);
    if (registrar == null) {
      registrar = Actors.current(execution);
      REGISTRAR.set(execution, registrar);
    }
    var a = allocations.register(new RawReceipt(execution.getVariable(DOCUMENT_NO.name()),
            execution.getVariable(FUND_CLASS.name()), execution.getVariable(DIRECTION.name()),
            BUDGET_YEAR.get(execution), CENTRAL_AMOUNT.get(execution),
            PROVINCIAL_AMOUNT.get(execution), execution.getVariable(RECEIVED_ON.name()),
            JsonVariables.rows(APPROVED_TARGETS.get(execution)),
            execution.getVariable(ALLOCATION_METHOD.name())),
        registrar, Actors.groups(execution, registrar), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(a.documentNo());
    PROVINCE_CODE.set(execution, a.provinceCode());
    PROVINCE_FINANCE_GROUP.set(execution, UnitGroup.of(a.provinceCode(), Role.FINANCE).id());
    PROVINCE_FISCAL_GROUP.set(execution, UnitGroup.of(a.provinceCode(), Role.FISCAL).id());
    FISCAL_REVIEW.set(execution, AllocationService.fiscalReview(a.fundClass()));
    ISSUE_DEADLINE.set(execution, AllocationService.issueDeadline(a));
    ALLOCATION_SUMMARY.set(execution, AllocationTexts.allocation(a, allocations::name));
    execution.setVariable(APPROVED_TARGET_OPTIONS.name(), JsonVariables.json(a.targets().stream()
        .map(t -> Map.of("label", t.describe(), "value", t.name())).toList()));
  }
}
