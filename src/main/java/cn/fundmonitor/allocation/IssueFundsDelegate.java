package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.lifecycle.LifecycleStarter;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks and records the province's issue; each recipient then gets its own branch. */
@Component
class IssueFundsDelegate implements JavaDelegate {

  private final AllocationService allocations;
  private final LifecycleStarter lifecycles;

  IssueFundsDelegate(AllocationService allocations, LifecycleStarter lifecycles) {
    this.allocations = allocations;
    this.lifecycles = lifecycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var recipients = allocations.issue(execution.getProcessBusinessKey(),
        execution.getVariable(ISSUE_DOCUMENT_NO.name()), execution.getVariable(ISSUED_ON.name()),
        JsonVariables.rows(ISSUE_LINES.get(execution)),
        JsonVariables.rows(DECOMPOSED_TARGETS.get(execution)),
        JsonVariables.rows(ANNUAL_TARGETS.get(execution)), Actors.current(execution));
    RECIPIENT_CODES.set(execution, recipients);
    // each project's life after the money is followed from its first money on (GX 第二十二条)
    lifecycles.startIfAbsent(allocations.issuedLines(execution.getProcessBusinessKey()).stream()
        .map(MoneyLine::projectCode).distinct().toList());
  }
}
