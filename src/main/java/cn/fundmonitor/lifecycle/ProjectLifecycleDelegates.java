package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;

import cn.fundmonitor.common.Choices;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.allocation.AllocationReads;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.problems.ProblemKind;
import cn.fundmonitor.problems.ProblemReports;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTeams;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of projectLifecycle: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class ProjectLifecycleDelegates {

  /** Who does what for the project, and the first record of its life. */
  @Bean
  JavaDelegate openLifecycleDelegate(ProjectLifecycleService lifecycles,
      ProjectCatalogue catalogue, ProjectTeams teams, OrganisationService organisation,
      AllocationReads money,
      Clock clock, @Value("${fundmonitor.lifecycle.start-report-days:90}") int startReportDays) {
    return execution -> {
      var project = catalogue.get(execution.getProcessBusinessKey());
      lifecycles.open(project.code(), execution.getProcessInstanceId());
      var unit = project.applicantUnitCode();
      PROJECT_CODE.set(execution, project.code());
      PROJECT_NAME.set(execution, project.name());
      APPLICANT_UNIT_NAME.set(execution, organisation.get(unit).name());
      UNIT.set(execution, unit);
      UNIT_GROUPS.set(execution, teams.unitGroups(project));
      FINANCE_GROUP.set(execution, teams.financeGroup(project).id());
      // GX 第二十三条: 决算报告报当地财政部门审批 — the project unit's own fiscal department
      FISCAL_GROUP.set(execution, teams.fiscalGroup(project).id());
      PROVINCE_GROUP.set(execution, teams.applicantProvinceGroup(project).id());
      CONTEXT.set(execution, "项目：" + project.name() + "（" + project.code() + "），"
          + project.direction().label() + "；到位资金 " + money.received(project.code()).toWanText());
      START_DEADLINE.set(execution, LocalDate.now(clock).plusDays(startReportDays));
      // the gateway inside the implementation reads it before completion is reported
      COMPLETED_ON.set(execution, null);
    };
  }

  @Bean
  JavaDelegate recordStartDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var due = lifecycles.recordStart(execution.getProcessBusinessKey(), STARTED_ON.get(execution),
          Actors.current(execution));
      IMPLEMENTATION_DEADLINE.set(execution, due);
      CONTEXT.set(execution, CONTEXT.get(execution) + "\n开工 "
          + lifecycles.get(execution.getProcessBusinessKey()).startedOn() + "，应于 " + due
          + " 前完工并通过验收（节假日顺延）");
    };
  }

  @Bean
  JavaDelegate recordCompletionDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var due = lifecycles.recordCompletion(execution.getProcessBusinessKey(),
          COMPLETED_ON.get(execution), Actors.current(execution));
      ACCEPTANCE_DEADLINE.set(execution, due);
    };
  }

  /** GX 第二十三条: the application within three months of completion is the timed step. */
  @Bean
  JavaDelegate recordAcceptanceApplicationDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.recordAcceptanceApplication(execution.getProcessBusinessKey(),
        ACCEPTANCE_APPLIED_ON.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate recordAcceptanceDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      lifecycles.recordAcceptance(key, new ProjectLifecycleService.Acceptance(
          ACCEPTED_ON.get(execution), ACCEPTANCE_KIND.get(execution), RETAINED.get(execution),
          PAID_AT_ACCEPTANCE.get(execution)), Actors.current(execution));
      SETTLEMENT_DEADLINE.set(execution,
          ProjectLifecycleService.settlementDeadline(lifecycles.get(key)));
    };
  }

  @Bean
  JavaDelegate checkPaymentDelegate(ProjectLifecycleService lifecycles) {
    return execution -> PAYMENT_SHORTFALL.set(execution,
        lifecycles.paymentShortfall(execution.getProcessBusinessKey()).orElse(null));
  }

  /**
   * A shortfall below 95% raises a problem (problemEscalation, message ProblemRaised), in a job of
   * its own (asyncBefore): a retried raise finds the problem it started.
   */
  @Bean
  JavaDelegate raisePaymentProblemDelegate(ProjectLifecycleService lifecycles,
      ProblemReports problems) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      var sourceRef = key + "-验收支付";
      // the payment is checked once in a project's life: the source is the raise's key
      problems.raise(new ProblemReports.Report(key, ProblemKind.SLOW_PAYMENT,
          lifecycles.payable(key), PAYMENT_SHORTFALL.get(execution), sourceRef, null), sourceRef);
    };
  }

  @Bean
  JavaDelegate recordSettlementDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      lifecycles.recordSettlement(key, SETTLED_ON.get(execution), SETTLED_AMOUNT.get(execution),
          Actors.current(execution));
      FINAL_ACCOUNTS_DEADLINE.set(execution,
          ProjectLifecycleService.finalAccountsDeadline(lifecycles.get(key)));
    };
  }

  @Bean
  JavaDelegate recordFinalAccountsDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.recordFinalAccounts(execution.getProcessBusinessKey(),
        FINAL_ACCOUNTS_ON.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate approveFinalAccountsDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      var pending = lifecycles.approveFinalAccounts(key, FINAL_ACCOUNTS_COMMENT.get(execution),
          Actors.current(execution));
      FINAL_ACCEPTANCE_PENDING.set(execution, pending);
      if (pending) {
        FINAL_ACCEPTANCE_DEADLINE.set(execution,
            ProjectLifecycleService.finalAcceptanceDeadline(lifecycles.get(key)));
      }
    };
  }

  @Bean
  JavaDelegate recordFinalAcceptanceDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.recordFinalAcceptance(execution.getProcessBusinessKey(),
        FINAL_ACCEPTED_ON.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate recordTerminationDueDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.recordTerminationDue(execution.getProcessBusinessKey());
  }

  @Bean
  JavaDelegate extendImplementationDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var due = lifecycles.extend(execution.getProcessBusinessKey(), EXTENDED_UNTIL.get(execution),
          TERMINATION_COMMENT.get(execution), Actors.current(execution));
      IMPLEMENTATION_DEADLINE.set(execution, due);
    };
  }

  @Bean
  JavaDelegate approveTerminationDelegate() {
    return execution -> ENDED_EARLY_REASON.set(execution, EndedEarly.TERMINATED);
  }

  @Bean
  JavaDelegate recordForceMajeureDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var kind = lifecycles.recordForceMajeure(execution.getProcessBusinessKey(),
          FORCE_MAJEURE_KIND.get(execution), FORCE_MAJEURE_REASON.get(execution),
          reporter(execution));
      FORCE_MAJEURE_KIND_LABEL.set(execution, kind == ProjectLifecycleService.ForceMajeure.SUSPEND
          ? "因不可抗力申请中止" : "因不可抗力申请撤销");
    };
  }

  @Bean
  JavaDelegate rejectForceMajeureDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.rejectForceMajeure(execution.getProcessBusinessKey(),
        FORCE_MAJEURE_COMMENT.get(execution), Actors.current(execution));
  }

  @Bean
  JavaDelegate suspendProjectDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.suspend(execution.getProcessBusinessKey(),
        Actors.current(execution));
  }

  /**
   * The project resumes: the days suspended are added to the two-year deadline, and the timer
   * waiting for it is moved with the working-day calendar.
   */
  @Bean
  JavaDelegate resumeProjectDelegate(ProjectLifecycleService lifecycles) {
    return execution -> {
      var key = execution.getProcessBusinessKey();
      lifecycles.resume(key, reporter(execution));
      var due = lifecycles.get(key).implementationDueOn();
      if (due == null) {
        return;
      }
      IMPLEMENTATION_DEADLINE.set(execution, due);
      moveTwoYearTimer(execution, due);
    };
  }

  /** The waiting two-year timer, if any, now falls due on the day given (working-day calendar). */
  private static void moveTwoYearTimer(DelegateExecution execution, LocalDate due) {
    var engine = execution.getProcessEngine();
    var timer = engine.getManagementService().createJobQuery()
        .processInstanceId(execution.getProcessInstanceId()).activityId(TIMER_TWO_YEARS)
        .singleResult();
    if (timer != null) {
      var calendar = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getBusinessCalendarManager().getBusinessCalendar("dueDate");
      engine.getManagementService().setJobDuedate(timer.getId(),
          calendar.resolveDuedate(due.toString()));
    }
  }

  @Bean
  JavaDelegate approveCancellationDelegate() {
    return execution -> ENDED_EARLY_REASON.set(execution, EndedEarly.CANCELLED);
  }

  @Bean
  JavaDelegate settleEarlyEndDelegate(ProjectLifecycleService lifecycles) {
    return execution -> lifecycles.clear(execution.getProcessBusinessKey(),
        ENDED_EARLY_REASON.get(execution), WORK_DONE.get(execution), Actors.current(execution));
  }

  /** The unit's user who reported through the API, else whoever runs the step. */
  private static String reporter(DelegateExecution execution) {
    var by = REPORTED_BY.get(execution);
    return by != null ? by : Actors.current(execution);
  }

  /** Refuses a decision the gateway cannot route, or one without its reason or date. */
  @Bean
  ExecutionListener lifecycleDecisionListener() {
    return execution -> {
      if (TASK_TERMINATION_REVIEW.equals(execution.getCurrentActivityId())) {
        Choices.required(() -> TERMINATION_DECISION.get(execution), "决定有误", "请选择：终止项目，或准予继续实施");
        var comment = TERMINATION_COMMENT.get(execution);
        if (comment == null || comment.isBlank()) {
          throw new InvalidInputException("决定有误", "请填写理由");
        }
      } else {
        Choices.required(() -> FORCE_MAJEURE_DECISION.get(execution), "审批意见有误", "请选择：批准，或不予批准");
      }
    };
  }

}
