package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.common.Inputs.requiredText;
import static cn.fundmonitor.common.Inputs.text;
import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.allocation.AllocationReads;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.lifecycle.ProjectLifecycleProcess.EndedEarly;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProjectLifecycleService {

  public static final int IMPLEMENTATION_YEARS = 2;
  public static final int ACCEPTANCE_MONTHS = 3;
  public static final int SETTLEMENT_MONTHS = 1;
  public static final int FINAL_ACCOUNTS_MONTHS = 2;
  public static final BigDecimal MINIMUM_PAID_SHARE = new BigDecimal("0.95");
  static final String INVALID = "项目实施情况有误，请修改后重新提交";

  private final LifecycleRepository repository;
  private final FilingService filings;
  private final AllocationReads money;
  private final Clock clock;

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
  public LocalDate recordStart(String code, LocalDate startedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.FUNDED));
    var problems = new Problems();
    var start = past(startedOn, STARTED_ON, problems);
    check(problems);
    var due = start.plusYears(IMPLEMENTATION_YEARS);
    update(l, LifecycleStatus.STARTED, Map.of("started_on", start, "implementation_due_on", due));
    event(code, "STARTED", actor, "开工日期 " + start + "，应于 " + due + " 前完工并通过验收（GX 第二十二条）");
    return due;
  }

  /** Returns the acceptance deadline as the rule states it: three months after completion. */
  public LocalDate recordCompletion(String code, LocalDate completedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.STARTED));
    var problems = new Problems();
    var completed = past(completedOn, COMPLETED_ON, problems);
    if (completed != null && completed.isBefore(l.startedOn())) {
      at(problems, COMPLETED_ON).add("完工日期不能早于开工日期（" + l.startedOn() + "）");
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
  public void recordAcceptanceApplication(String code, LocalDate appliedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.COMPLETED));
    var problems = new Problems();
    var applied = past(appliedOn, ACCEPTANCE_APPLIED_ON, problems);
    if (applied != null && applied.isBefore(l.completedOn())) {
      at(problems, ACCEPTANCE_APPLIED_ON).add("申请验收日期不能早于完工日期（" + l.completedOn() + "）");
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
  public AcceptanceKind recordAcceptance(String code, Acceptance acceptance, String actor) {
    var l = require(code, Set.of(LifecycleStatus.COMPLETED));
    if (l.acceptanceAppliedOn() == null) {
      throw new ConflictException("请先申请竣工验收，验收通过后再报告验收结果");
    }
    var problems = new Problems();
    var accepted = past(acceptance.acceptedOn(), ACCEPTED_ON, problems);
    var acceptanceKind = acceptance.kind();
    if (acceptanceKind == null) {
      at(problems, ACCEPTANCE_KIND)
          .add("请选择验收类型：竣工验收，或初步验收（需满一个水文年终验的地质灾害治理工程）");
    }
    var held = acceptance.retained() == null ? Yuan.ZERO : acceptance.retained();
    var paid = required(acceptance.paidAtAcceptance(), PAID_AT_ACCEPTANCE, problems);
    if (accepted != null && accepted.isBefore(l.acceptanceAppliedOn())) {
      at(problems, ACCEPTED_ON).add("验收通过日期不能早于申请验收日期（" + l.acceptanceAppliedOn() + "）");
    }
    if (paid != null) {
      var filed = filings.paidToDate(code);
      if (paid.compareTo(filed) < 0) {
        at(problems, PAID_AT_ACCEPTANCE).add("截至验收通过的累计支付 " + paid + " 少于最近一次季度填报的累计支付 " + filed
            + "，累计数不能减少");
      }
      var received = money.received(code);
      if (paid.compareTo(received) > 0) {
        at(problems, PAID_AT_ACCEPTANCE).add("截至验收通过的累计支付 " + paid + " 超过到位资金 " + received);
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

  public void recordSettlement(String code, LocalDate settledOn, Yuan amount, String actor) {
    var l = require(code, Set.of(LifecycleStatus.ACCEPTED));
    var problems = new Problems();
    var settled = past(settledOn, SETTLED_ON, problems);
    var settledAmount = amount == null ? Yuan.ZERO : amount;
    if (settled != null && settled.isBefore(l.acceptedOn())) {
      at(problems, SETTLED_ON).add("结算日期不能早于验收通过日期（" + l.acceptedOn() + "）");
    }
    check(problems);
    update(l, LifecycleStatus.SETTLED, Map.of("settled_on", settled, "settled_amount", settledAmount));
    event(code, "SETTLED", actor, "竣工结算 " + settledAmount.toWanText() + "，" + settled
        + (settled.isAfter(settlementDeadline(l)) ? "（逾期，应于 " + settlementDeadline(l) + " 前完成）" : ""));
  }

  public static LocalDate finalAccountsDeadline(Lifecycle l) {
    return l.settledOn().plusMonths(FINAL_ACCOUNTS_MONTHS);
  }

  public void recordFinalAccounts(String code, LocalDate reportedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.SETTLED));
    var problems = new Problems();
    var reported = past(reportedOn, FINAL_ACCOUNTS_ON, problems);
    if (reported != null && reported.isBefore(l.settledOn())) {
      at(problems, FINAL_ACCOUNTS_ON).add("决算日期不能早于结算日期（" + l.settledOn() + "）");
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

  public void recordFinalAcceptance(String code, LocalDate acceptedOn, String actor) {
    var l = require(code, Set.of(LifecycleStatus.AWAITING_FINAL_ACCEPTANCE));
    var problems = new Problems();
    var accepted = past(acceptedOn, FINAL_ACCEPTED_ON, problems);
    if (accepted != null && accepted.isBefore(l.acceptedOn())) {
      at(problems, FINAL_ACCEPTED_ON).add("终验日期不能早于初步验收日期（" + l.acceptedOn() + "）");
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
  public LocalDate extend(String code, LocalDate until, String comment, String actor) {
    var l = get(code);
    var problems = new Problems();
    var due = required(until, EXTENDED_UNTIL, problems);
    if (due != null && !due.isAfter(l.implementationDueOn())) {
      at(problems, EXTENDED_UNTIL).add("延期后的完工验收期限应晚于原期限（" + l.implementationDueOn() + "）");
    }
    var reason = requiredText(comment, "延期理由", 2000, at(problems, TERMINATION_COMMENT));
    check(problems);
    update(l, l.status(), Map.of("implementation_due_on", due));
    event(code, "EXTENDED", actor, "准予继续实施，完工验收期限延至 " + due + "：" + reason);
    return due;
  }

  /** What an accepted project reports: date, kind, amount held back, amount paid so far. */
  public record Acceptance(LocalDate acceptedOn, AcceptanceKind kind, Yuan retained,
      Yuan paidAtAcceptance) {}

  /** Values of a force-majeure report's kind. */
  public enum ForceMajeure { SUSPEND, CANCEL }

  public ForceMajeure recordForceMajeure(String code, ForceMajeure kind, String reason, String actor) {
    var l = get(code);
    if (l.status().ended()) {
      throw new ConflictException("项目已" + l.status().label() + "，不能再报告不可抗力");
    }
    var problems = new Problems();
    var text = checkForceMajeure(kind, reason, problems, field(FORCE_MAJEURE_KIND),
        field(FORCE_MAJEURE_REASON));
    var k = kind;
    check(problems);
    event(code, "FORCE_MAJEURE_REPORTED", actor, (k == ForceMajeure.SUSPEND ? "因不可抗力申请中止：" : "因不可抗力申请撤销：") + text);
    return k;
  }

  /**
   * The problems of a force-majeure report (a kind to choose, a reason to give), at the fields
   * given (a REST body's keys, or the variables' names); returns the reason.
   */
  public static String checkForceMajeure(ForceMajeure kind, String reason, Problems problems,
      String kindField, String reasonField) {
    if (kind == null) {
      problems.add(kindField, "请选择：申请中止（SUSPEND）或申请撤销（CANCEL）");
    }
    return requiredText(reason, "不可抗力情况说明", 2000, problems.at(reasonField));
  }

  public void rejectForceMajeure(String code, String comment, String actor) {
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
  public void clear(String code, EndedEarly reason, Yuan workDone, String actor) {
    var l = get(code);
    var problems = new Problems();
    var done = workDone == null ? Yuan.ZERO : workDone;
    var received = money.received(code);
    if (done.compareTo(received) > 0) {
      at(problems, WORK_DONE).add("已完成工作量对应金额 " + done.toWanText() + " 超过项目到位资金 " + received.toWanText());
    }
    check(problems);
    var cancelled = reason == EndedEarly.CANCELLED;
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

  /** A date the form requires that cannot lie ahead; null (with the problem noted) otherwise. */
  private LocalDate past(LocalDate date, ProcessVariable<LocalDate> field, Problems problems) {
    var d = required(date, field, problems);
    if (d != null && d.isAfter(today())) {
      at(problems, field).add(field.label() + "不能晚于今天");
      return null;
    }
    return d;
  }

  private static <T> T required(T value, ProcessVariable<T> field, Problems problems) {
    if (value == null) {
      at(problems, field).add("请填写" + field.label() + (field.type() == Yuan.class ? "（元）" : ""));
    }
    return value;
  }

  /** The problems of the form field the variable is (its name is the form's key). */
  private static List<String> at(Problems problems, ProcessVariable<?> variable) {
    return problems.at(field(variable));
  }

  private static String field(ProcessVariable<?> variable) {
    return variable.name();
  }

  private static void check(Problems problems) {
    problems.throwIfAny(INVALID);
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
