package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.JsonVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens one recipient's branch: who works on it, what it received, and its own copies of the
 * form fields (local, so parallel branches never overwrite each other).
 */
@Component
class PrepareRefinementDelegate implements JavaDelegate {

  private final AllocationService allocations;
  private final Clock clock;

  PrepareRefinementDelegate(AllocationService allocations, Clock clock) {
    this.allocations = allocations;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var documentNo = execution.getProcessBusinessKey();
    var recipient = RECIPIENT_CODE.get(execution);
    var part = allocations.part(documentNo, recipient);
    var lines = allocations.issuedLines(documentNo).stream()
        .filter(l -> l.recipientCode().equals(recipient)).toList();
    var targets = allocations.recipientTargets(documentNo, recipient);

    RECIPIENT_NAME.setLocal(execution, allocations.name(recipient));
    var allocation = allocations.get(documentNo);
    var financeGroup = UnitGroup.of(recipient, Role.FINANCE).id();
    var fiscalGroup = UnitGroup.of(recipient, Role.FISCAL).id();
    RECIPIENT_FINANCE_GROUP.setLocal(execution, financeGroup);
    RECIPIENT_FISCAL_GROUP.setLocal(execution, fiscalGroup);
    // factor-method targets: filed with the 财政局 to the province (GX 第二十五条)
    FILING_GROUPS.setLocal(execution,
        String.join(",", AllocationService.filingGroups(allocation, financeGroup, fiscalGroup)));
    SUPERIOR_FINANCE_GROUP.setLocal(execution,
        UnitGroup.of(allocations.filingSuperior(allocation, recipient), Role.FINANCE).id());
    PART_SUMMARY.setLocal(execution,
        AllocationTexts.part(part, lines, targets, allocations::name));
    execution.setVariableLocal(RECIPIENT_TARGET_OPTIONS.name(), JsonVariables.json(targets.stream()
        .map(t -> Map.of("label", t.asIndicator().describe(), "value", t.approved().name()))
        .distinct().toList()));
    execution.setVariableLocal(REFINEMENT_LINES.name(), JsonVariables.json(lines.stream()
        .map(l -> Map.of("projectCode", l.projectCode(),
            "centralShare", l.central().amount().toPlainString(),
            "provincialShare", l.provincial().amount().toPlainString()))
        .toList()));
    execution.setVariableLocal(PROJECT_TARGETS.name(), JsonVariables.json(List.of()));
    REFINED_ON.setLocal(execution, LocalDate.now(clock).toString());
    REFINEMENT_DEADLINE.setLocal(execution, AllocationService.refinementDeadline(allocation));
    for (var name : List.of(FILING_DEADLINE, REFINEMENT_SUMMARY, FILING_NOTE,
        ACKNOWLEDGEMENT_OUTCOME, ACKNOWLEDGEMENT_COMMENT, RELEASE_OUTCOME, RELEASE_COMMENT)) {
      name.setLocal(execution, null);
    }
  }
}
