package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.problems.ProblemEscalationProcess;
import cn.fundmonitor.project.ProjectReserveService;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The thin delegates of projectLifecycle: variables in, one service call, variables out. */
final class LifecycleDelegates {

  private LifecycleDelegates() {}

  /** Who does what for the project, and the first record of its life. */
  @Component("openLifecycleDelegate")
  static class Open implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;
    private final ProjectReserveService reserve;
    private final OrganisationService organisation;
    private final FilingService filings;
    private final java.time.Clock clock;
    private final int startReportDays;

    Open(ProjectLifecycleService lifecycles, ProjectReserveService reserve,
        OrganisationService organisation, FilingService filings, java.time.Clock clock,
        @org.springframework.beans.factory.annotation.Value(
            "${fundmonitor.lifecycle.start-report-days:90}") int startReportDays) {
      this.lifecycles = lifecycles;
      this.reserve = reserve;
      this.organisation = organisation;
      this.filings = filings;
      this.clock = clock;
      this.startReportDays = startReportDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var project = reserve.get(execution.getProcessBusinessKey());
      lifecycles.open(project.code(), execution.getProcessInstanceId());
      var unit = project.applicantUnitCode();
      var role = project.direction().reviewingRole();
      PROJECT_CODE.set(execution, project.code());
      PROJECT_NAME.set(execution, project.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(unit).name());
      UNIT.set(execution, unit);
      UNIT_GROUPS.set(execution, UnitGroup.of(unit, Role.FINANCE).id() + "," + UnitGroup.of(unit, role).id());
      FINANCE_GROUP.set(execution, UnitGroup.of(unit, Role.FINANCE).id());
      // GX 第二十三条: 决算报告报当地财政部门审批 — the project unit's own fiscal department
      FISCAL_GROUP.set(execution, UnitGroup.of(unit, Role.FISCAL).id());
      var province = organisation.provinceOf(unit).map(d -> d.code()).orElse(unit);
      PROVINCE_GROUP.set(execution, UnitGroup.of(province, role).id());
      CONTEXT.set(execution, "项目：" + project.name() + "（" + project.code() + "），"
          + project.direction().label() + "；到位资金 " + filings.received(project.code()).toWanText());
      START_DEADLINE.set(execution,
          java.time.LocalDate.now(clock).plusDays(startReportDays).toString());
      // the gateway inside the implementation reads it before completion is reported
      COMPLETED_ON.set(execution, null);
    }
  }

  @Component("recordStartDelegate")
  static class RecordStart implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordStart(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var due = lifecycles.recordStart(execution.getProcessBusinessKey(), STARTED_ON.get(execution),
          Actors.current(execution));
      IMPLEMENTATION_DEADLINE.set(execution, due.toString());
      CONTEXT.set(execution, CONTEXT.get(execution) + "\n开工 " + lifecycles.get(execution.getProcessBusinessKey())
          .startedOn() + "，应于 " + due + " 前完工并通过验收（节假日顺延）");
    }
  }

  @Component("recordCompletionDelegate")
  static class RecordCompletion implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordCompletion(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var due = lifecycles.recordCompletion(execution.getProcessBusinessKey(), COMPLETED_ON.get(execution),
          Actors.current(execution));
      ACCEPTANCE_DEADLINE.set(execution, due.toString());
    }
  }

  /** GX 第二十三条: the application within three months of completion is the timed step. */
  @Component("recordAcceptanceApplicationDelegate")
  static class RecordAcceptanceApplication implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordAcceptanceApplication(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.recordAcceptanceApplication(execution.getProcessBusinessKey(),
          ACCEPTANCE_APPLIED_ON.get(execution), Actors.current(execution));
    }
  }

  @Component("recordAcceptanceDelegate")
  static class RecordAcceptance implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordAcceptance(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var key = execution.getProcessBusinessKey();
      lifecycles.recordAcceptance(key, ACCEPTED_ON.get(execution), ACCEPTANCE_KIND.get(execution),
          RETAINED.get(execution), PAID_AT_ACCEPTANCE.get(execution), Actors.current(execution));
      var l = lifecycles.get(key);
      SETTLEMENT_DEADLINE.set(execution, ProjectLifecycleService.settlementDeadline(l).toString());
    }
  }

  @Component("checkPaymentDelegate")
  static class CheckPayment implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    CheckPayment(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      PAYMENT_SHORTFALL.set(execution, lifecycles.paymentShortfall(execution.getProcessBusinessKey())
          .orElse(null));
    }
  }

  /** A shortfall below 95% raises a problem (problemEscalation, message ProblemRaised). */
  @Component("raisePaymentProblemDelegate")
  static class RaisePaymentProblem implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RaisePaymentProblem(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var key = execution.getProcessBusinessKey();
      execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(ProblemEscalationProcess.MESSAGE_PROBLEM_RAISED)
          .setVariables(Variables.createVariables()
              .putValue(ProblemEscalationProcess.PROJECT_CODE.name(), key)
              .putValue(ProblemEscalationProcess.PROBLEM_KIND.name(), "SLOW_PAYMENT")
              .putValue(ProblemEscalationProcess.PROBLEM_AMOUNT.name(),
                  lifecycles.payable(key).amount().toPlainString())
              .putValue(ProblemEscalationProcess.PROBLEM_DESCRIPTION.name(), PAYMENT_SHORTFALL.get(execution))
              .putValue(ProblemEscalationProcess.SOURCE_REF.name(), key + "-验收支付"))
          .correlateStartMessage();
    }
  }

  @Component("recordSettlementDelegate")
  static class RecordSettlement implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordSettlement(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var key = execution.getProcessBusinessKey();
      lifecycles.recordSettlement(key, SETTLED_ON.get(execution), SETTLED_AMOUNT.get(execution),
          Actors.current(execution));
      FINAL_ACCOUNTS_DEADLINE.set(execution,
          ProjectLifecycleService.finalAccountsDeadline(lifecycles.get(key)).toString());
    }
  }

  @Component("recordFinalAccountsDelegate")
  static class RecordFinalAccounts implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordFinalAccounts(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.recordFinalAccounts(execution.getProcessBusinessKey(), FINAL_ACCOUNTS_ON.get(execution),
          Actors.current(execution));
    }
  }

  @Component("approveFinalAccountsDelegate")
  static class ApproveFinalAccounts implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    ApproveFinalAccounts(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var key = execution.getProcessBusinessKey();
      var pending = lifecycles.approveFinalAccounts(key, FINAL_ACCOUNTS_COMMENT.get(execution),
          Actors.current(execution));
      FINAL_ACCEPTANCE_PENDING.set(execution, pending);
      if (pending) {
        FINAL_ACCEPTANCE_DEADLINE.set(execution,
            ProjectLifecycleService.finalAcceptanceDeadline(lifecycles.get(key)).toString());
      }
    }
  }

  @Component("recordFinalAcceptanceDelegate")
  static class RecordFinalAcceptance implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordFinalAcceptance(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.recordFinalAcceptance(execution.getProcessBusinessKey(), FINAL_ACCEPTED_ON.get(execution),
          Actors.current(execution));
    }
  }

  @Component("recordTerminationDueDelegate")
  static class RecordTerminationDue implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordTerminationDue(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.recordTerminationDue(execution.getProcessBusinessKey());
    }
  }

  @Component("extendImplementationDelegate")
  static class Extend implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    Extend(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var due = lifecycles.extend(execution.getProcessBusinessKey(), EXTENDED_UNTIL.get(execution),
          TERMINATION_COMMENT.get(execution), Actors.current(execution));
      IMPLEMENTATION_DEADLINE.set(execution, due.toString());
    }
  }

  @Component("approveTerminationDelegate")
  static class ApproveTermination implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      ENDED_EARLY_REASON.set(execution, "TERMINATED");
    }
  }

  @Component("recordForceMajeureDelegate")
  static class RecordForceMajeure implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RecordForceMajeure(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var kind = lifecycles.recordForceMajeure(execution.getProcessBusinessKey(),
          FORCE_MAJEURE_KIND.get(execution), FORCE_MAJEURE_REASON.get(execution), reporter(execution));
      FORCE_MAJEURE_KIND_LABEL.set(execution, kind == ProjectLifecycleService.ForceMajeure.SUSPEND
          ? "因不可抗力申请中止" : "因不可抗力申请撤销");
    }
  }

  @Component("rejectForceMajeureDelegate")
  static class RejectForceMajeure implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    RejectForceMajeure(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.rejectForceMajeure(execution.getProcessBusinessKey(), FORCE_MAJEURE_COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  @Component("suspendProjectDelegate")
  static class Suspend implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    Suspend(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.suspend(execution.getProcessBusinessKey(), Actors.current(execution));
    }
  }

  /**
   * The project resumes: the days suspended are added to the two-year deadline, and the timer
   * waiting for it is moved with the working-day calendar.
   */
  @Component("resumeProjectDelegate")
  static class Resume implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    Resume(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var key = execution.getProcessBusinessKey();
      lifecycles.resume(key, reporter(execution));
      var due = lifecycles.get(key).implementationDueOn();
      if (due == null) {
        return;
      }
      IMPLEMENTATION_DEADLINE.set(execution, due.toString());
      var engine = execution.getProcessEngine();
      var timer = engine.getManagementService().createJobQuery()
          .processInstanceId(execution.getProcessInstanceId()).activityId(TIMER_TWO_YEARS).singleResult();
      if (timer != null) {
        var calendar = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getBusinessCalendarManager().getBusinessCalendar("dueDate");
        engine.getManagementService().setJobDuedate(timer.getId(), calendar.resolveDuedate(due.toString()));
      }
    }
  }

  @Component("approveCancellationDelegate")
  static class ApproveCancellation implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      ENDED_EARLY_REASON.set(execution, "CANCELLED");
    }
  }

  @Component("settleEarlyEndDelegate")
  static class SettleEarlyEnd implements JavaDelegate {
    private final ProjectLifecycleService lifecycles;

    SettleEarlyEnd(ProjectLifecycleService lifecycles) {
      this.lifecycles = lifecycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
      lifecycles.clear(execution.getProcessBusinessKey(), ENDED_EARLY_REASON.get(execution),
          WORK_DONE.get(execution), Actors.current(execution));
    }
  }

  /** The unit's user who reported through the API, else whoever runs the step. */
  static String reporter(DelegateExecution execution) {
    var by = REPORTED_BY.get(execution);
    return by != null ? by : Actors.current(execution);
  }

  /** Refuses a decision the gateway cannot route, or one without its reason or date. */
  @Component("lifecycleDecisionListener")
  static class DecisionListener implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (TASK_TERMINATION_REVIEW.equals(execution.getCurrentActivityId())) {
        var decision = TERMINATION_DECISION.get(execution);
        if (decision == null || Arrays.stream(TerminationDecision.values()).noneMatch(d -> d.name().equals(decision))) {
          throw new InvalidInputException("决定有误", "请选择：终止项目，或准予继续实施");
        }
        var comment = TERMINATION_COMMENT.get(execution);
        if (comment == null || comment.isBlank()) {
          throw new InvalidInputException("决定有误", "请填写理由");
        }
      } else {
        var decision = FORCE_MAJEURE_DECISION.get(execution);
        if (decision == null || Arrays.stream(ForceMajeureDecision.values()).noneMatch(d -> d.name().equals(decision))) {
          throw new InvalidInputException("审批意见有误", "请选择：批准，或不予批准");
        }
      }
    }
  }
}
