package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.lifecycle.LifecycleStarter;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks and records a recipient's refinement; the 30-day filing clock starts. */
@Component
class RecordRefinementDelegate implements JavaDelegate {

  private final AllocationService allocations;
  private final LifecycleStarter lifecycles;

  RecordRefinementDelegate(AllocationService allocations, LifecycleStarter lifecycles) {
    this.allocations = allocations;
    this.lifecycles = lifecycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var documentNo = execution.getProcessBusinessKey();
    var recipient = RECIPIENT_CODE.get(execution);
    var part = allocations.refine(documentNo, recipient, REFINED_ON.get(execution),
        JsonVariables.rows(REFINEMENT_LINES.get(execution)),
        JsonVariables.rows(PROJECT_TARGETS.get(execution)), Actors.current(execution));
    FILING_DEADLINE.set(execution, AllocationService.filingDeadline(allocations.get(documentNo), part));
    REFINEMENT_SUMMARY.set(execution, AllocationTexts.refinement(part,
        allocations.refinedLines(documentNo).stream()
            .filter(l -> l.recipientCode().equals(recipient)).toList()));
    // a project first receiving money here (the recipient chose it) starts being followed
    lifecycles.startIfAbsent(allocations.refinedLines(documentNo).stream()
        .filter(l -> l.recipientCode().equals(recipient)).map(MoneyLine::projectCode).toList());
    // a refinement made again after a return is reviewed afresh by the 财政局
    RELEASE_OUTCOME.set(execution, null);
    RELEASE_COMMENT.set(execution, null);
    ACKNOWLEDGEMENT_OUTCOME.set(execution, null);
    ACKNOWLEDGEMENT_COMMENT.set(execution, null);
  }
}
