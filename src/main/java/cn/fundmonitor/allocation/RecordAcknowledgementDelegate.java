package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The superior acknowledges the filing. */
@Component
class RecordAcknowledgementDelegate implements JavaDelegate {

  private final AllocationService allocations;

  RecordAcknowledgementDelegate(AllocationService allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    allocations.acknowledge(execution.getProcessBusinessKey(), RECIPIENT_CODE.get(execution),
        ACKNOWLEDGEMENT_COMMENT.get(execution), Actors.current(execution));
  }
}
