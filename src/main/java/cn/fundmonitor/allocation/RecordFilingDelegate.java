package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The recipient's filing (报备) with its superior is recorded with who and when. */
@Component
class RecordFilingDelegate implements JavaDelegate {

  private final AllocationService allocations;

  RecordFilingDelegate(AllocationService allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    allocations.file(execution.getProcessBusinessKey(), RECIPIENT_CODE.get(execution),
        FILING_NOTE.get(execution), Actors.current(execution));
  }
}
