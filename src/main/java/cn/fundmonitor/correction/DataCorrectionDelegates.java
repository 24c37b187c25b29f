package cn.fundmonitor.correction;

import static cn.fundmonitor.correction.DataCorrectionProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.platform.Actors;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of dataCorrection: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class DataCorrectionDelegates {

  /** Records the request with the value it was asked against. */
  @Bean
  JavaDelegate registerCorrectionDelegate(CorrectionService corrections) {
    return execution -> {
      var requester = REQUESTER.get(execution);
      if (requester == null) {
        requester = Actors.current(execution);
        REQUESTER.set(execution, requester);
      }
      var type = RECORD_TYPE.get(execution);
      var allocation = type != null && !CorrectionService.QUARTERLY_FILING.equals(type);
      var allocationField = ALLOCATION_FIELD.get(execution);
      var r = corrections.request(new CorrectionService.Change(type, RECORD_KEY.get(execution),
              allocation && allocationField != null ? allocationField : FIELD.get(execution),
              NEW_VALUE.get(execution), REASON.get(execution)),
          requester, Actors.groups(execution, requester), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(r.requestNo());
      REQUEST_NO.set(execution, r.requestNo());
      var subject = corrections.subject(r);
      PROJECT_CODE.set(execution, subject.code());
      PROJECT_NAME.set(execution, subject.name());
      AFTER_TRANSMISSION.set(execution, r.afterTransmission());
      SUPERIOR_GROUP.set(execution, corrections.superiorGroup(r));
      COUNTERPART_GROUP.set(execution, corrections.counterpartGroup(r));
      CORRECTION_SUMMARY.set(execution, CorrectionService.summary(r));
    };
  }

  /** The superior department's consent or refusal. */
  @Bean
  JavaDelegate recordConsentDelegate(CorrectionService corrections) {
    return execution -> corrections.superiorDecision(REQUEST_NO.get(execution),
        CONSENT.get(execution) == Consent.APPROVE, CONSENT_COMMENT.get(execution),
        Actors.current(execution));
  }

  /**
   * Applies the approved change: by the filing unit itself before transmission, by the province's
   * counterpart after it. A record changed since the request is a business error the BPMN catches.
   */
  @Bean
  JavaDelegate applyCorrectionDelegate(CorrectionService corrections, FilingService filings) {
    return execution -> {
      var actor = Boolean.TRUE.equals(AFTER_TRANSMISSION.get(execution))
          ? Actors.current(execution) : REQUESTER.get(execution);
      if (!corrections.stillCurrent(REQUEST_NO.get(execution))) {
        throw new BpmnError(ERROR_STALE, "记录已在申请后被修改，本次变更不予执行");
      }
      corrections.apply(REQUEST_NO.get(execution), actor);
      if (CorrectionService.QUARTERLY_FILING.equals(
          corrections.get(REQUEST_NO.get(execution)).recordType())) {
        refreshFilingReview(execution, corrections.get(REQUEST_NO.get(execution)).recordKey(),
            filings);
      }
    };
  }

  /**
   * A filing still before the province's review: the review shows the current values and what was
   * corrected, never the figures as first filed (MNR 第二十二条).
   */
  private static void refreshFilingReview(DelegateExecution execution, String filingKey,
      FilingService filings) {
    var filingInstance = filings.get(filingKey).processInstanceId();
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    if (filingInstance != null && runtime.createProcessInstanceQuery()
        .processInstanceId(filingInstance).count() > 0) {
      QuarterlyFilingProcess.FILING_SUMMARY.set(runtime, filingInstance,
          filings.reviewSummary(filingKey));
    }
  }

  /** The record changed since the request: nothing is applied; the request is closed. */
  @Bean
  JavaDelegate recordStaleDelegate(CorrectionService corrections) {
    return execution -> corrections.markStale(REQUEST_NO.get(execution));
  }

  /** The consent given; none, or one the form does not offer, is refused at its field. */
  private static Consent consent(DelegateExecution execution) {
    try {
      return Objects.requireNonNull(CONSENT.get(execution));
    } catch (InvalidInputException | NullPointerException none) {
      throw InvalidInputException.of("审核意见有误", "consent", "请选择同意或不同意变更");
    }
  }

  /** Refuses a consent the gateway cannot route, or a refusal without its reason. */
  @Bean
  ExecutionListener consentInputListener() {
    return execution -> {
      var consent = consent(execution);
      var comment = CONSENT_COMMENT.get(execution);
      if (consent == Consent.REFUSE && (comment == null || comment.isBlank())) {
        throw new InvalidInputException("审核意见有误", "不同意变更时必须说明理由");
      }
    };
  }
}
