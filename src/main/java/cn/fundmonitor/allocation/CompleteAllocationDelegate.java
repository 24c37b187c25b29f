package cn.fundmonitor.allocation;

import cn.fundmonitor.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every recipient's filing acknowledged: the allocation is complete. */
@Component
class CompleteAllocationDelegate implements JavaDelegate {

  private final AllocationService allocations;

  CompleteAllocationDelegate(AllocationService allocations) {
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    allocations.complete(execution.getProcessBusinessKey(), Actors.current(execution));
  }
}
