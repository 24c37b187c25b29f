package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.common.Inputs.amount;
import static cn.fundmonitor.common.Inputs.amountOrZero;
import static cn.fundmonitor.common.Inputs.date;
import static cn.fundmonitor.common.Inputs.requiredText;
import static cn.fundmonitor.common.Inputs.text;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.allocation.AllocationReads;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.money.Yuan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A funded project's life after the money (GX 第二十二条、第二十三条): started; not completed and
 * accepted two years after the start → the province decides on termination; completed → apply
 * for acceptance within 3 months; accepted → settle within 1 month and at least 95% of the
 * payable amount paid; settled → final accounts within 2 months, approved by the local finance
 * department; force majeure suspends or cancels. A project ended early is cleared by the work
 * done, its leftover money recovered and its region flagged for less money next year.
 */
@Service
public class ProjectLifecycleService {

  public static final int IMPLEMENTATION_YEARS = 2;
  public static final int ACCEPTANCE_MONTHS = 3;
  public static final int SETTLEMENT_MONTHS = 1;
  public static final int FINAL_ACCOUNTS_MONTHS = 2;
  public static final BigDecimal MINIMUM_PAID_SHARE = new BigDecimal("0.95");

  private final LifecycleRepository repository;
  private final FilingService filings;
  private final AllocationReads money;
  private final Clock clock;

  ProjectLifecycleService(LifecycleRepository repository, FilingService filings,
      AllocationReads money, Clock clock) {
    this.repository = repository;
    this.filings = filings;
    this.money = money;
    this.clock = clock;
  }

  public boolean exists(String projectCode) {
    return repository.find(projectCode).isPresent();
  }

  public Lifecycle open(String projectCode, String processInstanceId) {
    if (repository.createIfAbsent(projectCode, processInstanceId, now())) {
      repository.addEvent(projectCode, "FUNDED", "system", now(), "项目首次获得资金，开始跟踪实施");
    }
    return get(projectCode);
  }

  /** Returns the implementation deadline as the rule states it: two years after the start. */
  public LocalDate recordStart(String code, Object startedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.FUNDED));
    var problems = new ArrayList<String>();
    var start = past(startedOn, "开工日期", problems);
    check(problems);
    var due = start.plusYears(IMPLEMENTATION_YEARS);
    update(l, LifecycleStatus.STARTED, Map.of("started_on", start, "implementation_due_on", due));
    event(code, "STARTED", actor, "开工日期 " + start + "，应于 " + due + " 前完工并通过验收（GX 第二十二条）");
    return due;
  }

  /** Returns the acceptance deadline as the rule states it: three months after completion. */
  public LocalDate recordCompletion(String code, Object completedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.STARTED));
    var problems = new ArrayList<String>();
    var completed = past(completedOn, "完工日期", problems);
    if (completed != null && completed.isBefore(l.startedOn())) {
      problems.add("完工日期不能早于开工日期（" + l.startedOn() + "）");
    }
    check(problems);
    update(l, LifecycleStatus.COMPLETED, Map.of("completed_on", completed));
    var due = completed.plusMonths(ACCEPTANCE_MONTHS);
    event(code, "COMPLETED", actor, "完工日期 " + completed + "，应于 " + due + " 前申请竣工验收（GX 第二十三条）");
    return due;
  }

  public static LocalDate acceptanceDeadline(Lifecycle l) {
    return l.completedOn().plusMonths(ACCEPTANCE_MONTHS);
  }

  /**
   * GX 第二十三条: the acceptance <em>application</em> within three months of completion is what is
   * timed; the acceptance itself is reported when the organising department has passed it.
   */
  public void recordAcceptanceApplication(String code, Object appliedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.COMPLETED));
    var problems = new ArrayList<String>();
    var applied = past(appliedOn, "申请验收日期", problems);
    if (applied != null && applied.isBefore(l.completedOn())) {
      problems.add("申请验收日期不能早于完工日期（" + l.completedOn() + "）");
    }
    check(problems);
    update(l, LifecycleStatus.COMPLETED, Map.of("acceptance_applied_on", applied));
    var late = applied.isAfter(acceptanceDeadline(l));
    event(code, "ACCEPTANCE_APPLIED", actor, "申请竣工验收 " + applied
        + (late ? "（申请逾期，应于 " + acceptanceDeadline(l) + " 前申请）" : "（完工后3个月内，按时）"));
  }

  /**
   * The acceptance passed (竣工验收, or 初步验收 for geohazard works needing a hydrological year),
   * with the amount paid to date at acceptance: current figures for the 95% rule (GX 第二十三条),
   * never less than the latest quarterly filing's cumulative payments nor more than the money
   * received.
   */
  public AcceptanceKind recordAcceptance(String code, Object acceptedOn, Object kind,
      Object retained, Object paidAtAcceptance, String actor) {
    var l = require(code, Set.of(LifecycleStatus.COMPLETED));
    if (l.acceptanceAppliedOn() == null) {
      throw new ConflictException("请先申请竣工验收，验收通过后再报告验收结果");
    }
    var problems = new ArrayList<String>();
    var accepted = past(acceptedOn, "验收通过日期", problems);
    var acceptanceKind = text(kind) == null ? null : AcceptanceKind.parse(text(kind)).orElse(null);
    if (acceptanceKind == null) {
      problems.add("请选择验收类型：竣工验收，或初步验收（需满一个水文年终验的地质灾害治理工程）");
    }
    var held = amountOrZero(retained, "留待逐年监测、后期管护成效后支付的金额", problems);
    var paid = amount(paidAtAcceptance, "截至验收通过的累计支付金额", problems);
    if (accepted != null && accepted.isBefore(l.acceptanceAppliedOn())) {
      problems.add("验收通过日期不能早于申请验收日期（" + l.acceptanceAppliedOn() + "）");
    }
    if (paid != null) {
      var filed = filings.paidToDate(code);
      if (paid.compareTo(filed) < 0) {
        problems.add("截至验收通过的累计支付 " + paid + " 少于最近一次季度填报的累计支付 " + filed
            + "，累计数不能减少");
      }
      var received = money.received(code);
      if (paid.compareTo(received) > 0) {
        problems.add("截至验收通过的累计支付 " + paid + " 超过到位资金 " + received);
      }
    }
    check(problems);
    var columns = new LinkedHashMap<String, Object>();
    columns.put("accepted_on", accepted);
    columns.put("acceptance_kind", acceptanceKind.name());
    columns.put("retained_amount", held);
    columns.put("paid_at_acceptance", paid.amount());
    update(l, LifecycleStatus.ACCEPTED, columns);
    event(code, "ACCEPTED", actor, acceptanceKind.label() + "：" + l.acceptanceAppliedOn() + " 申请，"
        + accepted + " 通过；截至验收通过累计支付 " + paid.toWanText());
    return acceptanceKind;
  }

  /**
   * After (initial) acceptance at least 95% of the payable amount — received less what is held for
   * later monitoring or maintenance — must have been paid (GX 第二十三条); the shortfall, if any.
   */
  @Transactional(readOnly = true)
  public Optional<String> paymentShortfall(String code) {
    var l = get(code);
    var received = money.received(code);
    var payable = received.minus(l.retained() == null ? Yuan.ZERO : l.retained());
    if (!payable.isPositive()) {
      return Optional.empty();
    }
    // the amount reported with the acceptance (current), the latest filing's only before that
    var paid = l.paidAtAcceptance() != null ? l.paidAtAcceptance() : filings.paidToDate(code);
    var share = paid.amount().divide(payable.amount(), 4, RoundingMode.DOWN);
    if (share.compareTo(MINIMUM_PAID_SHARE) >= 0) {
      return Optional.empty();
    }
    return Optional.of("项目验收通过后支付比例为 " + share.movePointRight(2).stripTrailingZeros().toPlainString()
        + "%，低于95%（GX 第二十三条）：应支付 " + payable.toWanText() + "（到位 " + received.toWanText()
        + "，留待后期支付 " + (l.retained() == null ? Yuan.ZERO : l.retained()).toWanText() + "），已支付 "
        + paid.toWanText());
  }

  public Yuan payable(String code) {
    var l = get(code);
    return money.received(code).minus(l.retained() == null ? Yuan.ZERO : l.retained());
  }

  public static LocalDate settlementDeadline(Lifecycle l) {
    return l.acceptedOn().plusMonths(SETTLEMENT_MONTHS);
  }

  public void recordSettlement(String code, Object settledOn, Object amount, String actor) {
    var l = require(code, Set.of(LifecycleStatus.ACCEPTED));
    var problems = new ArrayList<String>();
    var settled = past(settledOn, "竣工结算完成日期", problems);
    var settledAmount = amountOrZero(amount, "结算金额", problems);
    if (settled != null && settled.isBefore(l.acceptedOn())) {
      problems.add("结算日期不能早于验收通过日期（" + l.acceptedOn() + "）");
    }
    check(problems);
    update(l, LifecycleStatus.SETTLED, Map.of("settled_on", settled, "settled_amount", settledAmount));
    event(code, "SETTLED", actor, "竣工结算 " + settledAmount.toWanText() + "，" + settled
        + (settled.isAfter(settlementDeadline(l)) ? "（逾期，应于 " + settlementDeadline(l) + " 前完成）" : ""));
  }

  public static LocalDate finalAccountsDeadline(Lifecycle l) {
    return l.settledOn().plusMonths(FINAL_ACCOUNTS_MONTHS);
  }

  public void recordFinalAccounts(String code, Object reportedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.SETTLED));
    var problems = new ArrayList<String>();
    var reported = past(reportedOn, "决算报告报送日期", problems);
    if (reported != null && reported.isBefore(l.settledOn())) {
      problems.add("决算日期不能早于结算日期（" + l.settledOn() + "）");
    }
    check(problems);
    update(l, LifecycleStatus.FINAL_ACCOUNTS, Map.of("final_accounts_on", reported));
    event(code, "FINAL_ACCOUNTS", actor, "决算报告 " + reported + " 报当地财政部门审批"
        + (reported.isAfter(finalAccountsDeadline(l)) ? "（逾期，应于 " + finalAccountsDeadline(l) + " 前完成）" : ""));
  }

  /** Returns whether a final acceptance is still due (the first was an initial one). */
  public boolean approveFinalAccounts(String code, String comment, String actor) {
    var l = require(code, Set.of(LifecycleStatus.FINAL_ACCOUNTS));
    var initial = l.acceptanceKind() == AcceptanceKind.INITIAL;
    update(l, initial ? LifecycleStatus.AWAITING_FINAL_ACCEPTANCE : LifecycleStatus.CLOSED,
        Map.of("final_accounts_approved_on", today()));
    event(code, "FINAL_ACCOUNTS_APPROVED", actor, "决算审批通过" + (comment == null ? "" : "：" + comment)
        + (initial ? "；待满一个水文年后终验" : "；项目结束"));
    return initial;
  }

  public static LocalDate finalAcceptanceDeadline(Lifecycle l) {
    return l.acceptedOn().plusYears(1);
  }

  public void recordFinalAcceptance(String code, Object acceptedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.AWAITING_FINAL_ACCEPTANCE));
    var problems = new ArrayList<String>();
    var accepted = past(acceptedOn, "终验通过日期", problems);
    if (accepted != null && accepted.isBefore(l.acceptedOn())) {
      problems.add("终验日期不能早于初步验收日期（" + l.acceptedOn() + "）");
    }
    check(problems);
    update(l, LifecycleStatus.CLOSED, Map.of("final_accepted_on", accepted));
    event(code, "FINALLY_ACCEPTED", actor, "终验通过 " + accepted + "；项目结束");
  }

  // --- two years, force majeure, clearing -----------------------------------------------------

  public void recordTerminationDue(String code) {
    var l = get(code);
    event(code, "TERMINATION_DUE", "system", "开工（" + l.startedOn() + "）已满2年仍未完工验收，报自治区自然资源厅决定是否终止（GX 第二十二条）");
  }

  /** The province lets the project go on until a later date; returns it. */
  public LocalDate extend(String code, Object until, Object comment, String actor) {
    var l = get(code);
    var problems = new ArrayList<String>();
    var due = date(until, "延期至", problems);
    if (due != null && !due.isAfter(l.implementationDueOn())) {
      problems.add("延期后的完工验收期限应晚于原期限（" + l.implementationDueOn() + "）");
    }
    var reason = requiredText(comment, "延期理由", 2000, problems);
    check(problems);
    update(l, l.status(), Map.of("implementation_due_on", due));
    event(code, "EXTENDED", actor, "准予继续实施，完工验收期限延至 " + due + "：" + reason);
    return due;
  }

  /** Values of a force-majeure report's kind. */
  public enum ForceMajeure { SUSPEND, CANCEL }

  public ForceMajeure recordForceMajeure(String code, Object kind, Object reason, String actor) {
    var l = get(code);
    if (l.status().ended()) {
      throw new ConflictException("项目已" + l.status().label() + "，不能再报告不可抗力");
    }
    var problems = new ArrayList<String>();
    ForceMajeure k = null;
    try {
      k = ForceMajeure.valueOf(String.valueOf(kind));
    } catch (IllegalArgumentException e) {
      problems.add("请选择：申请中止（SUSPEND）或申请撤销（CANCEL）");
    }
    var text = requiredText(reason, "不可抗力情况说明", 2000, problems);
    check(problems);
    event(code, "FORCE_MAJEURE_REPORTED", actor, (k == ForceMajeure.SUSPEND ? "因不可抗力申请中止：" : "因不可抗力申请撤销：") + text);
    return k;
  }

  public void rejectForceMajeure(String code, Object comment, String actor) {
    event(code, "FORCE_MAJEURE_REJECTED", actor, "不予批准" + (text(comment) == null ? "" : "：" + text(comment)));
  }

  public void suspend(String code, String actor) {
    var l = get(code);
    if (l.status() == LifecycleStatus.SUSPENDED || l.status().ended()) {
      throw new ConflictException("项目当前为“" + l.status().label() + "”，不能中止");
    }
    update(l, LifecycleStatus.SUSPENDED, Map.of("suspended_on", today()));
    event(code, "SUSPENDED", actor, "批准因不可抗力中止，自 " + today() + " 起");
  }

  /** Ends a suspension; the two-year deadline moves by the days suspended, which are returned. */
  public int resume(String code, String actor) {
    var l = get(code);
    if (l.status() != LifecycleStatus.SUSPENDED) {
      throw new ConflictException("项目未中止，无需恢复");
    }
    var days = (int) ChronoUnit.DAYS.between(l.suspendedOn(), today());
    var columns = new LinkedHashMap<String, Object>();
    columns.put("suspended_days", l.suspendedDays() + days);
    if (l.implementationDueOn() != null) {
      columns.put("implementation_due_on", l.implementationDueOn().plusDays(days));
    }
    update(l, statusBeforeSuspension(l), columns);
    event(code, "RESUMED", actor, "恢复实施，中止 " + days + " 天" + (l.implementationDueOn() == null ? ""
        : "，完工验收期限顺延至 " + l.implementationDueOn().plusDays(days)));
    return days;
  }

  private static LifecycleStatus statusBeforeSuspension(Lifecycle l) {
    if (l.settledOn() != null) {
      return LifecycleStatus.SETTLED;
    }
    if (l.acceptedOn() != null) {
      return LifecycleStatus.ACCEPTED;
    }
    if (l.completedOn() != null) {
      return LifecycleStatus.COMPLETED;
    }
    return l.startedOn() != null ? LifecycleStatus.STARTED : LifecycleStatus.FUNDED;
  }

  /**
   * A project ended early (terminated after two years, or cancelled for force majeure) is cleared
   * by the work done; the leftover money is recovered by the finance department and the region
   * gets less money next year (GX 第二十二条).
   */
  public void clear(String code, String reason, Object workDone, String actor) {
    var l = get(code);
    var problems = new ArrayList<String>();
    var done = amountOrZero(workDone, "已完成工作量对应金额", problems);
    var received = money.received(code);
    if (done != null && done.compareTo(received) > 0) {
      problems.add("已完成工作量对应金额 " + done.toWanText() + " 超过项目到位资金 " + received.toWanText());
    }
    check(problems);
    var cancelled = "CANCELLED".equals(reason);
    var leftover = received.minus(done);
    var columns = new LinkedHashMap<String, Object>();
    columns.put("work_done_amount", done);
    columns.put("leftover_amount", leftover);
    columns.put("ended_reason", cancelled ? "CANCELLED" : "TERMINATED");
    columns.put("flagged", true);
    columns.put("flag_reason", "GX 第二十二条：项目" + (cancelled ? "因不可抗力撤销" : "开工2年未完工验收被终止")
        + "，结余资金 " + leftover.toWanText() + " 由同级财政部门收回；少安排或不安排所在市县下一年度专项资金");
    update(l, cancelled ? LifecycleStatus.CANCELLED : LifecycleStatus.TERMINATED, columns);
    event(code, cancelled ? "CANCELLED" : "TERMINATED", actor, "按已完成工作量 " + done.toWanText()
        + " 财务清算，结余资金 " + leftover.toWanText() + " 由同级财政部门收回");
  }

  @Transactional(readOnly = true)
  public Lifecycle get(String code) {
    return repository.find(code).orElseThrow(() -> new NotFoundException("项目 " + code + " 尚无实施跟踪记录"));
  }

  @Transactional(readOnly = true)
  public List<String> events(String code) {
    return repository.events(code);
  }

  /** What each event says, in order (dates, deadlines, lateness). */
  @Transactional(readOnly = true)
  public List<String> eventDetails(String code) {
    return repository.eventDetails(code);
  }

  @Transactional(readOnly = true)
  public List<Lifecycle> flagged() {
    return repository.flagged();
  }

  // --- helpers ------------------------------------------------------------------------------------

  private Lifecycle require(String code, Set<LifecycleStatus> allowed) {
    var l = get(code);
    if (!allowed.contains(l.status())) {
      throw new ConflictException("项目 " + code + " 当前为“" + l.status().label() + "”，不能办理这一步");
    }
    return l;
  }

  private LocalDate past(Object value, String label, List<String> problems) {
    var d = date(value, label, problems);
    if (d != null && d.isAfter(today())) {
      problems.add(label + "不能晚于今天");
      return null;
    }
    return d;
  }

  private static void check(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException("项目实施情况有误，请修改后重新提交", problems);
    }
  }

  private void update(Lifecycle l, LifecycleStatus status, Map<String, Object> columns) {
    repository.update(l.projectCode(), status, columns, now());
  }

  private void event(String code, String action, String actor, String detail) {
    repository.addEvent(code, action, actor, now(), detail);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
