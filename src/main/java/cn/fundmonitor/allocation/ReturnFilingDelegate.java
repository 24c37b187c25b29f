package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The superior returns the filing; the recipient refines again. */
@Component
class ReturnFilingDelegate implements JavaDelegate {

  private final AllocationService allocations;

  ReturnFilingDelegate(AllocationService allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    allocations.returnFiling(execution.getProcessBusinessKey(), RECIPIENT_CODE.get(execution),
        ACKNOWLEDGEMENT_COMMENT.get(execution), Actors.current(execution));
  }
}
