package cn.fundmonitor.correction;

import static cn.fundmonitor.correction.DataCorrectionProcess.*;

import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of correctionReport: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class CorrectionReportDelegates {

  /** Gathers every province's queued changes into reports, one per province and line of work. */
  @Bean
  JavaDelegate collectCorrectionsDelegate(CorrectionService corrections) {
    return execution -> REPORT_IDS.set(execution, corrections.queuedGroups().stream()
        .map(g -> corrections.collect(g[0], g[1])).toList());
  }

  /** Opens one report's branch: who submits, who gives the business opinion, what to decide. */
  @Bean
  JavaDelegate prepareReportDelegate(CorrectionService corrections) {
    return execution -> {
      var items = corrections.reportItems(REPORT_ID.get(execution));
      var first = items.get(0);
      PROVINCE_NAME.setLocal(execution, corrections.provinceName(first.provinceCode()));
      PROVINCE_FINANCE_GROUP.setLocal(execution,
          UnitGroup.of(first.provinceCode(), Role.FINANCE).id());
      MINISTRY_BUSINESS_GROUP.setLocal(execution, UnitGroup.of(Division.MINISTRY_CODE,
          Role.byId(first.businessRole()).orElseThrow()).id());
      REPORT_SUMMARY.setLocal(execution,
          CorrectionService.reportSummary(REPORT_ID.get(execution), items));
      REPORT_DECISIONS.setLocal(execution, CorrectionService.decisionRows(items));
      SUBMISSION_NOTE.setLocal(execution, null);
      BUSINESS_OPINION.setLocal(execution, null);
    };
  }

  /** The province's finance department submits the report (汇总向部报告). */
  @Bean
  JavaDelegate recordSubmissionDelegate(CorrectionService corrections) {
    return execution -> corrections.submitReport(REPORT_ID.get(execution),
        SUBMISSION_NOTE.get(execution), Actors.current(execution));
  }

  /** The ministry's responsible business department gives its opinion. */
  @Bean
  JavaDelegate recordOpinionDelegate(CorrectionService corrections) {
    return execution -> corrections.businessOpinion(REPORT_ID.get(execution),
        BUSINESS_OPINION.get(execution), Actors.current(execution));
  }

  /** The ministry's finance department decides; each request's instance hears its decision. */
  @Bean
  JavaDelegate recordDecisionsDelegate(CorrectionService corrections) {
    return execution -> {
      var decisions = corrections.decideReport(REPORT_ID.get(execution),
          REPORT_DECISIONS.get(execution), Actors.current(execution));
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      decisions.forEach((requestNo, approved) -> runtime.createMessageCorrelation(MESSAGE_DECIDED)
          .processInstanceBusinessKey(requestNo)
          .setVariables(ProcessVariables.builder().set(MINISTRY_APPROVED, approved)
              .set(MINISTRY_REASON, corrections.get(requestNo).decisionReason()).build())
          .correlate());
    };
  }
}
