package cn.fundmonitor.correction;

import static cn.fundmonitor.correction.DataCorrectionProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.JsonVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of dataCorrection and correctionReport, one bean each. */
final class CorrectionDelegates {

  private CorrectionDelegates() {}

  static String summary(CorrectionRequest r) {
    return "变更申请：" + r.requestNo() + "\n记录：" + r.recordKey() + "\n字段：" + r.field()
        + "\n原值：" + (r.oldValue() == null ? "（空）" : r.oldValue()) + "\n新值：" + r.newValue()
        + "\n原因：" + r.reason() + "\n申请人：" + r.requestedBy() + "\n"
        + (r.afterTransmission() ? "数据已传输至自然资源部：由省级财务部门汇总报部认定后，由省级对口部门更改（MNR 第二十二条）"
            : "数据尚未传输至部：经上级主管部门同意后更改（MNR 第二十二条）");
  }

  /** Records the request with the value it was asked against. */
  @Component("registerCorrectionDelegate")
  static class Register implements JavaDelegate {
    private final CorrectionService corrections;

    Register(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var requester = REQUESTER.get(execution);
      if (requester == null) {
        requester = Actors.current(execution);
        REQUESTER.set(execution, requester);
      }
      var type = execution.getVariable(RECORD_TYPE.name());
      var allocation = type != null && !CorrectionService.QUARTERLY_FILING.equals(type);
      var r = corrections.request(type, execution.getVariable(RECORD_KEY.name()),
          execution.getVariable(allocation && execution.hasVariable(ALLOCATION_FIELD.name())
              ? ALLOCATION_FIELD.name() : FIELD.name()), execution.getVariable(NEW_VALUE.name()),
          execution.getVariable(REASON.name()), requester, Actors.groups(execution, requester),
          execution.getProcessInstanceId());
      execution.setProcessBusinessKey(r.requestNo());
      REQUEST_NO.set(execution, r.requestNo());
      var subject = corrections.subject(r);
      PROJECT_CODE.set(execution, subject.code());
      PROJECT_NAME.set(execution, subject.name());
      AFTER_TRANSMISSION.set(execution, r.afterTransmission());
      SUPERIOR_GROUP.set(execution, corrections.superiorGroup(r));
      COUNTERPART_GROUP.set(execution, corrections.counterpartGroup(r));
      CORRECTION_SUMMARY.set(execution, summary(r));
    }
  }

  /** The superior department's consent or refusal. */
  @Component("recordConsentDelegate")
  static class RecordConsent implements JavaDelegate {
    private final CorrectionService corrections;

    RecordConsent(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      corrections.superiorDecision(REQUEST_NO.get(execution),
          "APPROVE".equals(CONSENT.get(execution)), CONSENT_COMMENT.get(execution),
          Actors.current(execution));
    }
  }

  /**
   * Applies the approved change: by the filing unit itself before transmission, by the province's
   * counterpart after it. A record changed since the request is a business error the BPMN catches.
   */
  @Component("applyCorrectionDelegate")
  static class Apply implements JavaDelegate {
    private final CorrectionService corrections;
    private final cn.fundmonitor.filing.FilingService filings;

    Apply(CorrectionService corrections, cn.fundmonitor.filing.FilingService filings) {
      this.corrections = corrections;
      this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var actor = Boolean.TRUE.equals(AFTER_TRANSMISSION.get(execution))
          ? Actors.current(execution) : REQUESTER.get(execution);
      if (!corrections.stillCurrent(REQUEST_NO.get(execution))) {
        throw new BpmnError(ERROR_STALE, "记录已在申请后被修改，本次变更不予执行");
      }
      corrections.apply(REQUEST_NO.get(execution), actor);
      if (!CorrectionService.QUARTERLY_FILING.equals(
          corrections.get(REQUEST_NO.get(execution)).recordType())) {
        return;
      }
      // a filing still before the province's review: the review shows the current values and
      // what was corrected, never the figures as first filed (MNR 第二十二条)
      var key = corrections.get(REQUEST_NO.get(execution)).recordKey();
      var filingInstance = filings.get(key).processInstanceId();
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      if (filingInstance != null && runtime.createProcessInstanceQuery()
          .processInstanceId(filingInstance).count() > 0) {
        runtime.setVariable(filingInstance,
            cn.fundmonitor.filing.QuarterlyFilingProcess.FILING_SUMMARY.name(),
            filings.reviewSummary(key));
      }
    }
  }

  /** The record changed since the request: nothing is applied; the request is closed. */
  @Component("recordStaleDelegate")
  static class RecordStale implements JavaDelegate {
    private final CorrectionService corrections;

    RecordStale(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      corrections.markStale(REQUEST_NO.get(execution));
    }
  }

  /** Refuses a consent the gateway cannot route, or a refusal without its reason. */
  @Component("consentInputListener")
  static class ConsentInput implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      var consent = CONSENT.get(execution);
      if (!"APPROVE".equals(consent) && !"REFUSE".equals(consent)) {
        throw new InvalidInputException("审核意见有误", "请选择同意或不同意变更");
      }
      var comment = CONSENT_COMMENT.get(execution);
      if ("REFUSE".equals(consent) && (comment == null || comment.isBlank())) {
        throw new InvalidInputException("审核意见有误", "不同意变更时必须说明理由");
      }
    }
  }

  // --- correctionReport ---------------------------------------------------------------------

  /** Gathers every province's queued changes into reports, one per province and line of work. */
  @Component("collectCorrectionsDelegate")
  static class Collect implements JavaDelegate {
    private final CorrectionService corrections;

    Collect(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      REPORT_IDS.set(execution, corrections.queuedGroups().stream()
          .map(g -> corrections.collect(g[0], g[1])).toList());
    }
  }

  /** Opens one report's branch: who submits, who gives the business opinion, what to decide. */
  @Component("prepareReportDelegate")
  static class PrepareReport implements JavaDelegate {
    private final CorrectionService corrections;

    PrepareReport(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var items = corrections.reportItems(REPORT_ID.get(execution));
      var first = items.get(0);
      PROVINCE_NAME.setLocal(execution, corrections.provinceName(first.provinceCode()));
      PROVINCE_FINANCE_GROUP.setLocal(execution,
          UnitGroup.of(first.provinceCode(), Role.FINANCE).id());
      MINISTRY_BUSINESS_GROUP.setLocal(execution, UnitGroup.of(Division.MINISTRY_CODE,
          Role.byId(first.businessRole()).orElseThrow()).id());
      REPORT_SUMMARY.setLocal(execution, "数据变更汇总报告 " + REPORT_ID.get(execution) + "，共 "
          + items.size() + " 项：\n" + String.join("\n\n", items.stream().map(CorrectionDelegates::summary).toList()));
      execution.setVariableLocal(REPORT_DECISIONS.name(), JsonVariables.json(items.stream().map(i -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requestNo", i.requestNo());
        row.put("summary", i.recordKey() + " " + i.field() + "：" + i.oldValue() + " → " + i.newValue()
            + "（" + i.reason() + "）");
        row.put("decision", null);
        row.put("reason", null);
        return row;
      }).toList()));
      SUBMISSION_NOTE.setLocal(execution, null);
      BUSINESS_OPINION.setLocal(execution, null);
    }
  }

  /** The province's finance department submits the report (汇总向部报告). */
  @Component("recordSubmissionDelegate")
  static class RecordSubmission implements JavaDelegate {
    private final CorrectionService corrections;

    RecordSubmission(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      corrections.submitReport(REPORT_ID.get(execution), SUBMISSION_NOTE.get(execution),
          Actors.current(execution));
    }
  }

  /** The ministry's responsible business department gives its opinion. */
  @Component("recordOpinionDelegate")
  static class RecordOpinion implements JavaDelegate {
    private final CorrectionService corrections;

    RecordOpinion(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      corrections.businessOpinion(REPORT_ID.get(execution), BUSINESS_OPINION.get(execution),
          Actors.current(execution));
    }
  }

  /** The ministry's finance department decides; each request's instance hears its decision. */
  @Component("recordDecisionsDelegate")
  static class RecordDecisions implements JavaDelegate {
    private final CorrectionService corrections;

    RecordDecisions(CorrectionService corrections) {
      this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var decisions = corrections.decideReport(REPORT_ID.get(execution),
          JsonVariables.rows(REPORT_DECISIONS.get(execution)), Actors.current(execution));
      var runtime = execution.getProcessEngineServices().getRuntimeService();
      decisions.forEach((requestNo, approved) -> runtime.createMessageCorrelation(MESSAGE_DECIDED)
          .processInstanceBusinessKey(requestNo)
          .setVariable(MINISTRY_APPROVED.name(), approved)
          .setVariable(MINISTRY_REASON.name(), corrections.get(requestNo).decisionReason())
          .correlate());
    }
  }
}
