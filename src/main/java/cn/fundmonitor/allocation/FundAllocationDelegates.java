package cn.fundmonitor.allocation;

import static cn.fundmonitor.allocation.FundAllocationProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.DecisionTasks;
import cn.fundmonitor.platform.JsonVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of fundAllocation: variables in, one service call, variables out. The fiscal
 * departments in the money chain: the province's between the plan and the issue (GX 第五条第二项:
 * 自治区财政厅负责审核专项资金安排计划的合理性，办理专项资金下达; GX 第十八条: 自治区自然资源厅提出资金分配建议方案，
 * 自治区财政厅审核后下达), the city's or county's between the refinement and its filing (GX 第五条第四项:
 * 市、县财政部门负责专项资金审核拨付).
 */
@Configuration(proxyBeanMethods = false)
class FundAllocationDelegates {

  /** Registers the money that reached the province, with its approved targets. */
  @Bean
  JavaDelegate registerAllocationDelegate(AllocationService allocations) {
    return execution -> {
      var registrar = REGISTRAR.get(execution);
      if (registrar == null) {
        registrar = Actors.current(execution);
        REGISTRAR.set(execution, registrar);
      }
      var a = allocations.register(new RawReceipt(DOCUMENT_NO.get(execution),
              FUND_CLASS.get(execution), DIRECTION.get(execution), BUDGET_YEAR.raw(execution),
              CENTRAL_AMOUNT.raw(execution), PROVINCIAL_AMOUNT.raw(execution),
              RECEIVED_ON.get(execution), JsonVariables.rows(APPROVED_TARGETS.raw(execution)),
              ALLOCATION_METHOD.get(execution)),
          registrar, Actors.groups(execution, registrar), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(a.documentNo());
      PROVINCE_CODE.set(execution, a.provinceCode());
      PROVINCE_FINANCE_GROUP.set(execution, UnitGroup.of(a.provinceCode(), Role.FINANCE).id());
      PROVINCE_FISCAL_GROUP.set(execution, UnitGroup.of(a.provinceCode(), Role.FISCAL).id());
      FISCAL_REVIEW.set(execution, AllocationService.fiscalReview(a.fundClass()));
      ISSUE_DEADLINE.set(execution, AllocationService.issueDeadline(a));
      ALLOCATION_SUMMARY.set(execution, AllocationTexts.allocation(a, allocations::name));
      APPROVED_TARGET_OPTIONS.set(execution, a.targets().stream()
          .map(t -> new TargetOption(t.describe(), t.name())).toList());
    };
  }

  /**
   * Shows the issue step the projects' annual targets for the budget year each time it opens, also
   * after the 财政厅 returned the plan (GX 第二十五条、第二十六条: money is issued with the year's
   * targets).
   */
  @Bean
  ExecutionListener issueTargetsSummaryListener(AllocationService allocations) {
    return execution -> ANNUAL_TARGETS_SUMMARY.set(execution,
        allocations.annualTargetsSummary(execution.getProcessBusinessKey()));
  }

  /** Checks the proposed plan by every rule of the issue, then puts it before the 财政厅. */
  @Bean
  JavaDelegate submitAllocationPlanDelegate(AllocationService allocations) {
    return execution -> {
      var documentNo = execution.getProcessBusinessKey();
      var plan = allocations.checkIssue(documentNo, ISSUE_DOCUMENT_NO.get(execution),
          ISSUED_ON.get(execution), JsonVariables.rows(ISSUE_LINES.raw(execution)),
          JsonVariables.rows(DECOMPOSED_TARGETS.raw(execution)),
          JsonVariables.rows(ANNUAL_TARGETS.raw(execution)));
      PLAN_SUMMARY.set(execution, allocations.submitPlan(documentNo, plan, Actors.current(execution)));
      // a plan sent again after a return is reviewed afresh
      PLAN_REVIEW_OUTCOME.set(execution, null);
      PLAN_REVIEW_COMMENT.set(execution, null);
    };
  }

  /** Refuses a review the gateway cannot route, or a return without its reason. */
  @Bean
  ExecutionListener planReviewDecisionListener() {
    var rule = new Choices.Decision<PlanReviewOutcome>("审核意见有误", "请选择：审核通过并下达，或退回修改",
        outcome -> outcome == PlanReviewOutcome.RETURN, "退回资金分配方案时必须填写退回原因", "审核意见");
    return execution -> DecisionTasks.check(execution, rule, PLAN_REVIEW_OUTCOME, PLAN_REVIEW_COMMENT);
  }

  /** Records the 财政厅's return and its reason; the plan goes back to its author. */
  @Bean
  JavaDelegate returnAllocationPlanDelegate(AllocationService allocations) {
    return execution -> allocations.returnPlan(execution.getProcessBusinessKey(),
        PLAN_REVIEW_COMMENT.get(execution), Actors.current(execution));
  }

  /** Checks and records the province's issue; each recipient then gets its own branch. */
  @Bean
  JavaDelegate issueFundsDelegate(AllocationService allocations, ApplicationEventPublisher events) {
    return execution -> {
      var recipients = allocations.issue(execution.getProcessBusinessKey(),
          ISSUE_DOCUMENT_NO.get(execution), ISSUED_ON.get(execution),
          JsonVariables.rows(ISSUE_LINES.raw(execution)),
          JsonVariables.rows(DECOMPOSED_TARGETS.raw(execution)),
          JsonVariables.rows(ANNUAL_TARGETS.raw(execution)), Actors.current(execution));
      RECIPIENT_CODES.set(execution, recipients);
      // each project's life after the money is followed from its first money on (GX 第二十二条)
      events.publishEvent(new ProjectsFunded(allocations.issuedLines(
          execution.getProcessBusinessKey()).stream().map(MoneyLine::projectCode).distinct().toList()));
    };
  }

  /**
   * Opens one recipient's branch: who works on it, what it received, and its own copies of the
   * form fields (local, so parallel branches never overwrite each other).
   */
  @Bean
  JavaDelegate prepareRefinementDelegate(AllocationService allocations, Clock clock) {
    return execution -> {
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
      RECIPIENT_TARGET_OPTIONS.setLocal(execution, targets.stream()
          .map(t -> new TargetOption(t.asIndicator().describe(), t.approved().name()))
          .distinct().toList());
      REFINEMENT_LINES.setLocal(execution, lines.stream()
          .map(l -> new RefinementLine(l.projectCode(), l.central().amount().toPlainString(),
              l.provincial().amount().toPlainString()))
          .toList());
      PROJECT_TARGETS.setLocal(execution, List.of());
      REFINED_ON.setLocal(execution, LocalDate.now(clock));
      REFINEMENT_DEADLINE.setLocal(execution, AllocationService.refinementDeadline(allocation));
      for (var name : List.of(FILING_DEADLINE, REFINEMENT_SUMMARY, FILING_NOTE,
          ACKNOWLEDGEMENT_OUTCOME, ACKNOWLEDGEMENT_COMMENT, RELEASE_OUTCOME, RELEASE_COMMENT)) {
        name.setLocal(execution, null);
      }
    };
  }

  /** Checks and records a recipient's refinement; the 30-day filing clock starts. */
  @Bean
  JavaDelegate recordRefinementDelegate(AllocationService allocations,
      ApplicationEventPublisher events) {
    return execution -> {
      var documentNo = execution.getProcessBusinessKey();
      var recipient = RECIPIENT_CODE.get(execution);
      var part = allocations.refine(documentNo, recipient, REFINED_ON.get(execution),
          JsonVariables.rows(REFINEMENT_LINES.raw(execution)),
          JsonVariables.rows(PROJECT_TARGETS.raw(execution)), Actors.current(execution));
      FILING_DEADLINE.set(execution,
          AllocationService.filingDeadline(allocations.get(documentNo), part));
      REFINEMENT_SUMMARY.set(execution, AllocationTexts.refinement(part,
          allocations.refinedLines(documentNo).stream()
              .filter(l -> l.recipientCode().equals(recipient)).toList()));
      // a project first receiving money here (the recipient chose it) starts being followed
      events.publishEvent(new ProjectsFunded(allocations.refinedLines(documentNo).stream()
          .filter(l -> l.recipientCode().equals(recipient)).map(MoneyLine::projectCode).toList()));
      // a refinement made again after a return is reviewed afresh by the 财政局
      RELEASE_OUTCOME.set(execution, null);
      RELEASE_COMMENT.set(execution, null);
      ACKNOWLEDGEMENT_OUTCOME.set(execution, null);
      ACKNOWLEDGEMENT_COMMENT.set(execution, null);
    };
  }

  /** Refuses a release decision the gateway cannot route, or a return without its reason. */
  @Bean
  ExecutionListener releaseDecisionListener() {
    var rule = new Choices.Decision<ReleaseOutcome>("审核意见有误", "请选择：审核通过并拨付，或退回修改",
        outcome -> outcome == ReleaseOutcome.RETURN, "退回细化、不予拨付时必须填写原因", "审核意见");
    return execution -> DecisionTasks.check(execution, rule, RELEASE_OUTCOME, RELEASE_COMMENT);
  }

  /** The 财政局 approved the refinement: the money is released to the projects (GX 第五条第四项). */
  @Bean
  JavaDelegate recordReleaseDelegate(AllocationService allocations) {
    return execution -> allocations.release(execution.getProcessBusinessKey(),
        RECIPIENT_CODE.get(execution), RELEASE_COMMENT.get(execution), Actors.current(execution));
  }

  /** The 财政局 returned the refinement: the recipient refines again. */
  @Bean
  JavaDelegate returnReleaseDelegate(AllocationService allocations) {
    return execution -> allocations.returnRelease(execution.getProcessBusinessKey(),
        RECIPIENT_CODE.get(execution), RELEASE_COMMENT.get(execution), Actors.current(execution));
  }

  /** The recipient's filing (报备) with its superior is recorded with who and when. */
  @Bean
  JavaDelegate recordFilingDelegate(AllocationService allocations) {
    return execution -> allocations.file(execution.getProcessBusinessKey(),
        RECIPIENT_CODE.get(execution), FILING_NOTE.get(execution), Actors.current(execution));
  }

  /** Refuses an acknowledgement the gateway cannot route, or a return without its reason. */
  @Bean
  ExecutionListener filingDecisionListener() {
    var rule = new Choices.Decision<AcknowledgementOutcome>("确认意见有误", "请选择：确认报备，或退回修改",
        outcome -> outcome == AcknowledgementOutcome.RETURN, "退回报备时必须填写退回原因", "确认意见");
    return execution -> DecisionTasks.check(execution, rule, ACKNOWLEDGEMENT_OUTCOME,
        ACKNOWLEDGEMENT_COMMENT);
  }

  /** The superior acknowledges the filing. */
  @Bean
  JavaDelegate recordAcknowledgementDelegate(AllocationService allocations) {
    return execution -> allocations.acknowledge(execution.getProcessBusinessKey(),
        RECIPIENT_CODE.get(execution), ACKNOWLEDGEMENT_COMMENT.get(execution),
        Actors.current(execution));
  }

  /** The superior returns the filing; the recipient refines again. */
  @Bean
  JavaDelegate returnFilingDelegate(AllocationService allocations) {
    return execution -> allocations.returnFiling(execution.getProcessBusinessKey(),
        RECIPIENT_CODE.get(execution), ACKNOWLEDGEMENT_COMMENT.get(execution),
        Actors.current(execution));
  }

  /** Every recipient's filing acknowledged: the allocation is complete. */
  @Bean
  JavaDelegate completeAllocationDelegate(AllocationService allocations) {
    return execution -> allocations.complete(execution.getProcessBusinessKey(),
        Actors.current(execution));
  }
}
