package cn.fundmonitor.correction;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.allocation.AllocationCorrections;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.NumberSequences;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FilingStatus;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProjectCatalogue;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-stage data correction (数据变更, MNR 第二十二条): before transmission the superior department
 * consents; after it the province's finance department reports the changes in a batch to the
 * ministry's finance department, which decides with the responsible business department, and the
 * province's counterpart applies them. The old value is never lost.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CorrectionService {

  public static final String QUARTERLY_FILING = "QUARTERLY_FILING";

  private final CorrectionRepository repository;
  private final NumberSequences numbers;
  private final FilingService filings;
  private final ProjectCatalogue catalogue;
  private final OrganisationService organisation;
  private final AllocationCorrections allocations;
  private final Clock clock;

  /** Records a unit's request to change one field of its own filed quarterly data. */
  /**
   * A unit's request as its form sends it: which record (type and key), which field (the form's
   * {@code correctionField}, or {@code allocationField} for allocation data), the new value and why.
   */
  public record Change(String recordType, String recordKey, String field, String newValue,
      String reason) {

    /** A change of a filed quarterly record. */
    public static Change ofFiling(String recordKey, String field, String newValue, String reason) {
      return new Change(QUARTERLY_FILING, recordKey, field, newValue, reason);
    }
  }

  /**
   * Records a unit's request to change one field of data it sent upward: a quarterly filing, or
   * (MNR 第二十二条 covers all data) an allocation's issue to one recipient
   * ({@link AllocationCorrections#ISSUE}) or a recipient's filed refinement
   * ({@link AllocationCorrections#REFINEMENT}), money and decomposed targets alike.
   */
  public CorrectionRequest request(Change change, String actor, Collection<String> actorGroups,
      String processInstanceId) {
    var existing = repository.findByProcessInstance(processInstanceId);
    if (existing.isPresent()) {
      return existing.get();
    }
    var problems = new Problems();
    var type = text(change.recordType()) == null ? QUARTERLY_FILING : text(change.recordType());
    if (!QUARTERLY_FILING.equals(type) && !AllocationCorrections.handles(type)) {
      problems.add("recordType", "要变更的数据类型应为季度填报、资金下达或资金细化");
    }
    var key = requiredText(change.recordKey(), "要变更的记录", MAX_RECORD_KEY,
        problems.at("recordKey"));
    var fieldName = requiredText(change.field(), "要变更的字段", 40,
        problems.at(AllocationCorrections.handles(type) ? "allocationField" : "correctionField"));
    var why = requiredText(change.reason(), "变更原因", 2000, problems.at("correctionReason"));
    var value = requiredText(change.newValue(), "变更后的值", 200, problems.at("newValue"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("变更申请有误", problems);
    }
    if (AllocationCorrections.handles(type)) {
      return requestAllocation(type, key, fieldName, value, why, actor, actorGroups,
          processInstanceId);
    }
    var filing = filings.get(key);
    var project = catalogue.get(filing.projectCode());
    var unit = project.applicantUnitCode();
    var ownUnit = OrganisationService.unitGroups(actorGroups).stream()
        .anyMatch(g -> g.divisionCode().equals(unit));
    if (!ownUnit) {
      throw new InvalidInputException("变更申请有误",
          "只能由填报单位申请变更本单位填报的数据（MNR 第二十条：谁产生、谁负责）");
    }
    if (filing.status() == FilingStatus.OPEN) {
      // MNR 第二十二条: 数据出现错误需要变更时 — only data that was filed can be wrong
      throw new InvalidInputException("变更申请有误", filing.quarter().label()
          + "尚未填报，没有可变更的数据：请在“填报季度执行情况”任务中直接填报");
    }
    var normalised = filings.checkCorrection(key, fieldName, value);
    var old = filings.fieldValue(key, fieldName);
    if (Objects.equals(old, normalised)) {
      throw new InvalidInputException("变更申请有误", "变更后的值与现值相同");
    }
    var afterTransmission = filing.status() == FilingStatus.TRANSMITTED;
    var now = now();
    var request = new CorrectionRequest(numbers.next("BG", now.getYear()), QUARTERLY_FILING, key,
        fieldName, old, normalised, why, unit,
        organisation.provinceOf(unit).map(d -> d.code()).orElse(Division.MINISTRY_CODE),
        project.direction().reviewingRole().id(), afterTransmission,
        afterTransmission ? CorrectionStatus.QUEUED : CorrectionStatus.AWAITING_SUPERIOR, null,
        null, null, null, actor, now, processInstanceId);
    repository.insert(request);
    return request;
  }

  /** The longest record key: a 批复文号 (up to 100) with a recipient code. */
  static final int MAX_RECORD_KEY = 120;

  private CorrectionRequest requestAllocation(String type, String key, String fieldName,
      String value, String why, String actor, Collection<String> actorGroups,
      String processInstanceId) {
    var subject = allocations.subject(type, key);
    var unit = subject.ownerUnit();
    var ownUnit = OrganisationService.unitGroups(actorGroups).stream()
        .anyMatch(g -> g.divisionCode().equals(unit));
    if (!ownUnit) {
      throw new InvalidInputException("变更申请有误",
          "只能由产生数据的单位申请变更本单位报送的数据（MNR 第二十条：谁产生、谁负责）");
    }
    if (!subject.sent()) {
      // MNR 第二十二条: only data sent upward changes through correction; before that, the step
      // that produces it is still open and changes it
      throw new InvalidInputException("变更申请有误", subject.notSent());
    }
    var normalised = allocations.checkCorrection(type, key, fieldName, value);
    var old = allocations.fieldValue(type, key, fieldName, normalised);
    if (Objects.equals(old, normalised)) {
      throw new InvalidInputException("变更申请有误", "变更后的值与现值相同");
    }
    var now = now();
    // allocation data has no separate transmission step: the superior consents (MNR 第二十二条)
    var request = new CorrectionRequest(numbers.next("BG", now.getYear()), type, key, fieldName,
        old, normalised, why, unit, organisation.provinceOf(unit).map(d -> d.code()).orElse(Division.MINISTRY_CODE),
        subject.direction().reviewingRole().id(), false, CorrectionStatus.AWAITING_SUPERIOR, null,
        null, null, null, actor, now, processInstanceId);
    repository.insert(request);
    return request;
  }

  /** What a request is about, for Tasklist's cards: a project, or an allocation's record. */
  public record Subject(String code, String name) {}

  @Transactional(readOnly = true)
  public Subject subject(CorrectionRequest r) {
    if (AllocationCorrections.handles(r.recordType())) {
      var s = allocations.subject(r.recordType(), r.recordKey());
      return new Subject(s.documentNo(), s.title());
    }
    var project = project(r);
    return new Subject(project.code(), project.name());
  }

  /** The project whose filing the request changes. */
  @Transactional(readOnly = true)
  public Project project(CorrectionRequest r) {
    return catalogue.get(filings.get(r.recordKey()).projectCode());
  }

  /** The name of the province a report comes from. */
  @Transactional(readOnly = true)
  public String provinceName(String provinceCode) {
    return organisation.get(provinceCode).name();
  }

  /** Before transmission: the unit's superior department consents (MNR 第二十二条). */
  public String superiorGroup(CorrectionRequest r) {
    return UnitGroup.of(organisation.get(r.unitCode()).parentCode(), Role.FINANCE).id();
  }

  /** After transmission: the province's counterpart (对口) department applies the change. */
  public String counterpartGroup(CorrectionRequest r) {
    return UnitGroup.of(r.provinceCode(), Role.byId(r.businessRole()).orElseThrow()).id();
  }

  public void superiorDecision(String requestNo, boolean approved, String comment, String actor) {
    var r = get(requestNo);
    if (!approved && (comment == null || comment.isBlank())) {
      throw new InvalidInputException("审核意见有误", "不同意变更时必须说明理由");
    }
    move(r, CorrectionStatus.AWAITING_SUPERIOR,
        approved ? CorrectionStatus.APPROVED : CorrectionStatus.REFUSED);
    repository.recordDecision(requestNo, actor, now(), comment == null ? null : comment.strip());
  }

  /** Applies an approved change, if the record still holds the value the request saw. */
  public void apply(String requestNo, String actor) {
    var r = get(requestNo);
    if (r.status() != CorrectionStatus.APPROVED) {
      throw new ConflictException("变更申请 " + requestNo + " 当前为“" + r.status().label() + "”，不能执行");
    }
    if (AllocationCorrections.handles(r.recordType())) {
      allocations.applyCorrection(r.recordType(), r.recordKey(), r.field(), r.oldValue(),
          r.newValue(), actor);
    } else {
      filings.applyCorrection(r.recordKey(), r.field(), r.oldValue(), r.newValue(), actor);
    }
    var now = now();
    repository.insertChange(new DataChange(r.recordType(), r.recordKey(), r.field(), r.oldValue(),
        r.newValue(), requestNo, r.requestedBy(), r.decidedBy(), actor, now, r.reason()));
    move(r, CorrectionStatus.APPROVED, CorrectionStatus.APPLIED);
    repository.recordApplied(requestNo, actor, now);
  }

  /** Whether the record still holds the value the request was made against. */
  @Transactional(readOnly = true)
  public boolean stillCurrent(String requestNo) {
    var r = get(requestNo);
    if (AllocationCorrections.handles(r.recordType())) {
      return Objects.equals(allocations.fieldValue(r.recordType(), r.recordKey(), r.field(),
          r.newValue()), r.oldValue());
    }
    return Objects.equals(filings.fieldValue(r.recordKey(), r.field()), r.oldValue());
  }

  /** The optimistic check failed: the request is closed without changing anything. */
  public void markStale(String requestNo) {
    var r = get(requestNo);
    move(r, r.status(), CorrectionStatus.STALE);
  }

  // --- the batch report to the ministry -----------------------------------------------------

  /** Province and business role of every queued request, one report each. */
  @Transactional(readOnly = true)
  public List<String[]> queuedGroups() {
    return repository.queuedGroups();
  }

  /** Collects a province's queued requests of one line of business into a report. */
  public String collect(String province, String role) {
    var now = now();
    var reportId = numbers.next("BGBS", now.getYear());
    repository.createReport(reportId, province, role, now);
    return reportId;
  }

  @Transactional(readOnly = true)
  public List<CorrectionRequest> reportItems(String reportId) {
    return repository.ofReport(reportId);
  }

  public void submitReport(String reportId, String note, String actor) {
    repository.submitReport(reportId, note, actor, now());
  }

  /** The ministry's business department gives its opinion (部财务司商归口管理业务司局). */
  public void businessOpinion(String reportId, String opinion, String actor) {
    if (opinion == null || opinion.isBlank()) {
      throw new InvalidInputException("意见有误", "请填写业务司局意见");
    }
    repository.recordOpinion(reportId, opinion.strip(), actor);
  }

  /** The ministry's finance department decides every request of the report. */
  public Map<String, Boolean> decideReport(String reportId,
      List<DataCorrectionProcess.ReportDecision> decisions, String actor) {
    var items = reportItems(reportId);
    var problems = new ArrayList<String>();
    var result = new LinkedHashMap<String, Boolean>();
    for (var item : items) {
      var row = decisions.stream().filter(d -> item.requestNo().equals(text(d.requestNo())))
          .findFirst().orElse(new DataCorrectionProcess.ReportDecision(null, null, null, null));
      var decision = text(row.decision());
      if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
        problems.add(item.requestNo() + "：请选择同意或不同意");
      } else if ("REFUSE".equals(decision) && text(row.reason()) == null) {
        problems.add(item.requestNo() + "：不同意时必须说明理由");
      } else {
        result.put(item.requestNo(), "APPROVE".equals(decision));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("认定意见有误", problems);
    }
    var now = now();
    for (var item : items) {
      var approved = result.get(item.requestNo());
      var row = decisions.stream().filter(d -> item.requestNo().equals(text(d.requestNo())))
          .findFirst().orElseThrow();
      move(item, CorrectionStatus.REPORTED,
          approved ? CorrectionStatus.APPROVED : CorrectionStatus.REFUSED);
      repository.recordDecision(item.requestNo(), actor, now, text(row.reason()));
    }
    repository.decideReport(reportId, actor, now);
    return result;
  }

  // --- reading ---------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public CorrectionRequest get(String requestNo) {
    return repository.find(requestNo)
        .orElseThrow(() -> new NotFoundException("变更申请不存在：" + requestNo));
  }

  /**
   * A correction as its audit trail tells it (MNR 第二十二条): the request with the value it was made
   * against and the value asked for, who asked and when, who consented or decided and when, and
   * the change as applied (before/after, who applied it, when).
   */
  public record Audit(CorrectionRequest request, OffsetDateTime decidedAt, OffsetDateTime appliedAt,
      List<DataChange> applied) {}

  @Transactional(readOnly = true)
  public java.util.Optional<Audit> audit(String requestNo) {
    return repository.find(requestNo).map(r -> {
      var times = repository.times(requestNo);
      return new Audit(r, times.decidedAt(), times.appliedAt(), repository.changesOf(requestNo));
    });
  }

  /**
   * Every applied change of a record, oldest first: the first one's "before" is the value as
   * originally filed, the last one's "after" the value now.
   */
  @Transactional(readOnly = true)
  public List<DataChange> history(String recordType, String recordKey) {
    return repository.changes(recordType, recordKey);
  }

  private void move(CorrectionRequest r, CorrectionStatus from, CorrectionStatus to) {
    if (!repository.move(r.requestNo(), from, to)) {
      throw new ConflictException("变更申请 " + r.requestNo() + " 当前为“" + r.status().label() + "”，不能变更为“"
          + to.label() + "”");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** The request in words, for the superior's and the ministry's tasks (MNR 第二十二条). */
  public static String summary(CorrectionRequest r) {
    return "变更申请：" + r.requestNo() + "\n记录：" + r.recordKey() + "\n字段：" + r.field()
        + "\n原值：" + (r.oldValue() == null ? "（空）" : r.oldValue()) + "\n新值：" + r.newValue()
        + "\n原因：" + r.reason() + "\n申请人：" + r.requestedBy() + "\n"
        + (r.afterTransmission() ? "数据已传输至自然资源部：由省级财务部门汇总报部认定后，由省级对口部门更改（MNR 第二十二条）"
            : "数据尚未传输至部：经上级主管部门同意后更改（MNR 第二十二条）");
  }

  /** A province's report in words: every request it gathers. */
  public static String reportSummary(String reportId, List<CorrectionRequest> items) {
    return "数据变更汇总报告 " + reportId + "，共 " + items.size() + " 项：\n"
        + String.join("\n\n", items.stream().map(CorrectionService::summary).toList());
  }

  /** The ministry's decision table of a report: one row per request, not yet decided. */
  public static List<DataCorrectionProcess.ReportDecision> decisionRows(
      List<CorrectionRequest> items) {
    return items.stream().map(i -> new DataCorrectionProcess.ReportDecision(i.requestNo(),
        i.recordKey() + " " + i.field() + "：" + i.oldValue() + " → " + i.newValue()
            + "（" + i.reason() + "）", null, null)).toList();
  }
}
