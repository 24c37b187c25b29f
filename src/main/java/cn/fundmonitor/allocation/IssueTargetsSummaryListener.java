package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.ANNUAL_TARGETS_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Shows the issue step the projects' annual targets for the budget year each time it opens, also
 * after the 财政厅 returned the plan (GX 第二十五条、第二十六条: money is issued with the year's
 * targets).
 */
@Component("issueTargetsSummaryListener")
class IssueTargetsSummaryListener implements ExecutionListener {

  private final AllocationService allocations;

  IssueTargetsSummaryListener(AllocationService allocations) {
    this.allocations = allocations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ANNUAL_TARGETS_SUMMARY.set(execution,
        allocations.annualTargetsSummary(execution.getProcessBusinessKey()));
  }
}
