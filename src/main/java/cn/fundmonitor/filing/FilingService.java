package cn.fundmonitor.filing;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.allocation.AllocationReads;
import cn.fundmonitor.allocation.ReceivedMoneyCorrected;
import cn.fundmonitor.calendar.WorkingDayCalendar;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.StaleRecordException;
import cn.fundmonitor.filing.QuarterlyFilingProcess.WarningResponseKind;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Comparator;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.IndicatorTarget;
import cn.fundmonitor.project.ProgressPlans;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.waves.Wave;
import cn.fundmonitor.waves.WaveKind;
import cn.fundmonitor.waves.WavePlans;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly filing (季度填报, MNR 第十一条; GX 第二十七条): payments to date by fund source,
 * physical progress and each indicator's actual value, checked on the server; completion rates
 * computed; reviewed by the province and transmitted to the ministry, after which the filing is
 * locked (MNR 第二十二条).
 */
@Service
@Transactional
public class FilingService {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /** "30", "30.5", "30 亩", "60%": a number and an optional unit. */
  private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([-+]?[0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(\\S*)");

  private final FilingRepository repository;
  private final ProjectCatalogue catalogue;
  private final WorkingDayCalendar calendar;
  private final WavePlans waves;
  private final AllocationReads money;
  private final ProgressPlans plans;
  private final int warningResponseWorkingDays;
  private final Clock clock;

  FilingService(FilingRepository repository, ProjectCatalogue catalogue,
      WorkingDayCalendar calendar, WavePlans waves, AllocationReads money, ProgressPlans plans,
      @Value("${fundmonitor.filing.warning-response-working-days:10}") int warningResponseWorkingDays,
      Clock clock) {
    this.plans = plans;
    this.warningResponseWorkingDays = warningResponseWorkingDays;
    this.repository = repository;
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.waves = waves;
    this.money = money;
    this.clock = clock;
  }

  // --- the wave ---------------------------------------------------------------------------------

  /**
   * Plans the quarter's wave: its projects (every project holding money, unless its life ended
   * before the quarter began) are fixed into batches now, so money that moves while the wave runs
   * cannot move a project out of its batch (issue 16).
   */
  public Wave planWave(String waveId, Quarter q, int batchSize) {
    var projects = projectsOf(q, null);
    return waves.plan(waveId, WaveKind.QUARTERLY_FILING, q.period(), projects.files(),
        projects.ended(), batchSize);
  }

  /**
   * Plans a monitoring point's wave (监测时点, MNR 第十一条: 其他填报时点，按要求执行): the projects of
   * its scope holding money — of {@code regions}, or of the point's list when {@code regions} is
   * null — unless their life ended before the year began.
   */
  public Wave planWave(String waveId, MonitoringPeriod point, Collection<String> regions,
      int batchSize) {
    var projects = projectsOf(point, repository.pointScope(point.pointId(), regions));
    return waves.plan(waveId, WaveKind.QUARTERLY_FILING, point.period(), projects.files(),
        projects.ended(), batchSize);
  }

  /**
   * A period's projects: those holding money (allocation's {@link AllocationReads#funded}) within
   * the scope ({@code null}: all), in code order, unless their life ended before the period
   * began; and how many were left out for that. Three set queries for the whole period, however
   * many thousands of projects it has.
   */
  private PeriodProjects projectsOf(FilingPeriod period, Set<String> scope) {
    var ended = waves.lifeEndedBefore(start(period));
    var files = new ArrayList<String>();
    int endedCount = 0;
    for (var code : money.funded()) {
      if (scope != null && !scope.contains(code)) {
        continue;
      }
      if (ended.contains(code)) {
        endedCount++;
      } else {
        files.add(code);
      }
    }
    return new PeriodProjects(files, endedCount);
  }

  private record PeriodProjects(List<String> files, int ended) {

    /** Those of the period's projects that have no filing of it yet. */
    List<String> without(Set<String> withFiling) {
      return files.stream().filter(code -> !withFiling.contains(code)).toList();
    }
  }

  /** The projects fixed into one batch of the wave. */
  @Transactional(readOnly = true)
  public List<String> waveBatch(String waveId, int batchNo) {
    return waves.batch(waveId, batchNo);
  }

  public void batchDone(String waveId, int batchNo, int opened, int alreadyOpen) {
    waves.batchDone(waveId, batchNo, opened, alreadyOpen);
  }

  /**
   * The quarter's projects (the wave's rule, applied now) without a filing of it: funded after
   * the wave was planned, or left by a batch that was cancelled.
   */
  @Transactional(readOnly = true)
  public List<String> withoutFiling(Quarter q) {
    return projectsOf(q, null).without(repository.withFiling(q));
  }

  /** A monitoring point's projects (its wave's rule, applied now) without their filing of it. */
  @Transactional(readOnly = true)
  public List<String> withoutFiling(MonitoringPeriod point, Collection<String> regions) {
    return projectsOf(point, repository.pointScope(point.pointId(), regions))
        .without(repository.withFiling(point));
  }

  /** The wave is over: every project of the quarter has its filing, {@code added} opened last. */
  public Wave reconciled(String waveId, List<String> added) {
    return waves.reconciled(waveId, added);
  }

  private OffsetDateTime start(FilingPeriod q) {
    return q.firstDay().atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /**
   * Creates a project's filing for the quarter (or monitoring point); false when it already exists
   * (a retried batch).
   */
  public boolean prepare(String projectCode, FilingPeriod q) {
    return repository.createIfAbsent(q.key(projectCode), projectCode, q, dueOn(q), now());
  }

  /**
   * The day a filing of the period is due (MNR 第十一条: 节假日顺延): the period's nominal due date
   * moved to a working day. The one source of the due date: the filing's row keeps it
   * ({@code due_on}), and the process's task and overdue timer take it from the row
   * ({@code filingDeadline}, set when the filing opens), so the two cannot disagree.
   */
  @Transactional(readOnly = true)
  public LocalDate dueOn(FilingPeriod q) {
    return calendar.onOrAfter(q.nominalDueDate());
  }

  /** Opens the filing for its process instance: the money received so far is fixed now. */
  public QuarterlyFiling open(String businessKey, FilingPeriod q, String processInstanceId) {
    return open(businessKey, q, processInstanceId, null);
  }

  /**
   * The same with the money the project received as its opener read it for all the filings it
   * opens ({@link #receivedBy}), in this transaction; null: read now.
   */
  public QuarterlyFiling open(String businessKey, FilingPeriod q, String processInstanceId,
      Yuan receivedNow) {
    var project = FilingPeriod.projectOf(businessKey);
    var received = receivedNow != null ? receivedNow : money.received(project);
    if (!repository.attachProcess(businessKey, processInstanceId, received)) {
      prepare(project, q);
      repository.attachProcess(businessKey, processInstanceId, received);
    }
    return get(businessKey);
  }

  /**
   * The money each project received so far, in one read for a batch of filings to open; a project
   * without money has zero.
   */
  @Transactional(readOnly = true)
  public Map<String, Yuan> receivedBy(Collection<String> projectCodes) {
    return money.receivedBy(projectCodes);
  }

  /**
   * A consented correction moved money between projects (MNR 第二十二条): their filings not yet
   * filed take the corrected money received; filed ones keep the figure they were filed against.
   * Allocation's event, answered in the correction's transaction.
   */
  @EventListener
  public void receivedCorrected(ReceivedMoneyCorrected corrected) {
    money.receivedBy(corrected.projectCodes()).forEach(repository::refreshReceived);
  }

  /** The project's cumulative payments as last filed; zero before its first filing. */
  @Transactional(readOnly = true)
  public Yuan paidToDate(String projectCode) {
    return repository.latestFiled(projectCode).map(QuarterlyFiling::paidToDate).orElse(Yuan.ZERO);
  }

  /** The project's latest filed (or transmitted) filing of the year, for the year-end evaluation. */
  @Transactional(readOnly = true)
  public java.util.Optional<QuarterlyFiling> latestFiled(String projectCode, int year) {
    return repository.latestFiled(projectCode, year);
  }

  @Transactional(readOnly = true)
  public Yuan previousPaid(QuarterlyFiling f) {
    return repository.previousPaid(f.projectCode(), f.quarter()).orElse(Yuan.ZERO);
  }

  // --- filing -------------------------------------------------------------------------------------

  /** Checks and records the unit's filing; returns the facts the execution warning decides on. */
  public ExecutionFacts file(String businessKey, RawFiling raw, String actor) {
    var paidToDate = raw.paidToDate();
    var sourceAmounts = raw.sourceAmounts();
    var physicalProgress = raw.physicalProgress();
    var indicatorRows = raw.indicatorRows();
    var f = get(businessKey);
    requireEditable(f);
    if (f.status() == FilingStatus.FILED) {
      throw new ConflictException(FilingTexts.thisPeriod(f.quarter()) + "已填报，正在审核中");
    }
    var project = catalogue.get(f.projectCode());
    var problems = new Problems();

    var paid = amount(paidToDate, "累计支付金额", problems.at("paidToDate"));
    sourceAmounts = withDefaultSource(f.projectCode(), paidToDate, sourceAmounts);
    var sources = new EnumMap<FundSource, Yuan>(FundSource.class);
    var sourceSum = Yuan.ZERO;
    var sourcesReadable = true;
    for (var source : FundSource.values()) {
      var field = problems.at(QuarterlyFilingProcess.paidField(source));
      var amount = amountOrZero(sourceAmounts.get(source.name()), source.label() + "支付金额", field);
      sourcesReadable &= field.isEmpty();
      if (amount != null) {
        sources.put(source, amount);
        sourceSum = sourceSum.plus(amount);
      }
    }
    if (paid != null) {
      var paidProblems = problems.at("paidToDate");
      if (paid.compareTo(f.receivedAmount()) > 0) {
        paidProblems.add("累计支付 " + paid + " 超过到位资金 " + f.receivedAmount() + "，累计支付不能超过到位资金");
      }
      var previous = repository.previousPaid(f.projectCode(), f.quarter()).orElse(Yuan.ZERO);
      if (paid.compareTo(previous) < 0) {
        paidProblems.add("累计支付 " + paid + " 少于" + FilingTexts.previousFiling(f.quarter()) + "的 "
            + previous + "，累计数不能减少");
      }
      if (sourceSum.compareTo(paid) != 0 && sourcesReadable) {
        problems.add(PAID_BY_SOURCE_FIELD, "分资金来源合计 " + sourceSum + "，与累计支付 " + paid + "不一致");
      }
    }
    var physical = percent(physicalProgress, "实物工作量完成进度（%）", problems.at("physicalProgress"));

    // GX 第二十五条、第二十六条: the year's annual targets, else the overall ones
    var actuals = actuals(catalogue.targetsFor(f.projectCode(), f.quarter().year()).indicators(),
        indicatorRows, problems);
    problems.throwIfAny(FilingTexts.noun(f.quarter()) + "有误，请修改后重新提交");
    repository.recordFiling(businessKey, paid, physical, sources, actuals, actor, now());
    repository.addEvent(businessKey, "FILED", actor, now(), "累计支付 " + paid.toWanText()
        + "，实物进度 " + physical.stripTrailingZeros().toPlainString() + "%"
        + (now().toLocalDate().isAfter(f.dueOn()) ? "（逾期，应于 " + f.dueOn() + " 前填报）" : ""));
    return facts(f, paid, physical, actuals, plans.at(f.projectCode(), f.quarter().lastDay()),
        project.requestedAmount());
  }

  /**
   * A filing that names no source for its payments, of a project whose money all came from one
   * source, files them under that source: e.g. a county spending money its city issued from the
   * city's own budget files it as 市级下达资金, 上级下达 for the county (MNR 第二条第一项), not as its
   * own 市县财政资金.
   */
  private Map<String, Object> withDefaultSource(String projectCode, Object paidToDate,
      Map<String, Object> sourceAmounts) {
    var given = sourceAmounts == null ? Map.<String, Object>of() : sourceAmounts;
    if (text(paidToDate) == null || given.values().stream().anyMatch(v -> text(v) != null)) {
      return given;
    }
    var received = receivedSources(projectCode);
    return received.size() == 1
        ? Map.of(received.iterator().next().name(), paidToDate) : given;
  }

  /** The fund sources of the project's money, as the spending unit files them (MNR 第二条第一项). */
  @Transactional(readOnly = true)
  public Set<FundSource> receivedSources(String projectCode) {
    var result = java.util.EnumSet.noneOf(FundSource.class);
    money.origins(projectCode).forEach(o -> result.add(FundSource.received(o.fundClass(),
        o.fromAnotherUnit())));
    return result;
  }

  private List<IndicatorActual> actuals(List<Indicator> indicators,
      List<Map<String, Object>> rows, Problems problems) {
    var byPosition = new HashMap<Integer, Integer>();
    for (int r = 0; r < rows.size(); r++) {
      var position = text(rows.get(r).get("position"));
      try {
        byPosition.put(Integer.parseInt(position == null ? "" : position.replace(".0", "")), r);
      } catch (NumberFormatException e) {
        problems.add(indicatorField(r, "position"), "指标行缺少序号，请勿删除表中的指标行");
      }
    }
    var result = new ArrayList<IndicatorActual>();
    for (int i = 0; i < indicators.size(); i++) {
      var ind = indicators.get(i);
      var r = byPosition.get(i + 1);
      var row = r == null ? null : rows.get(r);
      var label = "第" + (i + 1) + "项指标“" + ind.name() + "”";
      var notYet = row != null && Boolean.parseBoolean(String.valueOf(row.get("notYetDue")));
      var text = row == null ? null : text(row.get("actual"));
      if (notYet) {
        result.add(new IndicatorActual(i + 1, ind, null, true, null, false));
        continue;
      }
      var field = r == null ? "indicatorActuals" : indicatorField(r, "actual");
      if (text == null) {
        problems.add(field, label + "：请填写实际完成值，或勾选“未达监控节点”");
        continue;
      }
      var actual = actual(ind, text, label, problems.at(field));
      if (actual != null) {
        var rate = CompletionRate.of(ind.comparator(), ind.target(), actual);
        result.add(new IndicatorActual(i + 1, ind, actual, false,
            rate.isPresent() ? rate.getAsInt() : null, false));
      }
    }
    return result;
  }

  /**
   * The field of a cell of the filed indicator rows: {@code indicatorActuals/<row>/<column>}, the row
   * counted from 0 in the list as submitted.
   */
  public static String indicatorField(int row, String column) {
    return "indicatorActuals/" + row + "/" + column;
  }

  /** An actual value of the indicator's kind and unit (a number, a date, or words). */
  public static IndicatorTarget actual(Indicator ind, String text, String label, List<String> problems) {
    if (ind.target() instanceof IndicatorTarget.Qualitative) {
      if (text.length() > 100) {
        problems.add(label + "：实际完成情况不能超过100个字");
        return null;
      }
      return new IndicatorTarget.Qualitative(text);
    }
    if (ind.target() instanceof IndicatorTarget.Deadline) {
      try {
        return new IndicatorTarget.Deadline(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        problems.add(label + "：目标为日期，实际完成值应为完成日期（yyyy-MM-dd），收到“" + shorten(text) + "”");
        return null;
      }
    }
    var m = NUMBER_WITH_UNIT.matcher(text);
    if (Inputs.tooLongForANumber(text) || !m.matches()) {
      problems.add(label + "：实际完成值应为数字，收到“" + shorten(text) + "”");
      return null;
    }
    var unit = ind.unit() == null ? "" : ind.unit().strip();
    if (!m.group(2).isEmpty() && !m.group(2).equals(unit)) {
      problems.add(label + "：计量单位应为“" + unit + "”，收到“" + m.group(2) + "”");
      return null;
    }
    var value = new BigDecimal(m.group(1).replace(",", ""));
    if (value.signum() < 0) {
      problems.add(label + "：实际完成值不能为负数");
      return null;
    }
    if ("%".equals(unit) && value.compareTo(HUNDRED) > 0) {
      problems.add(label + "：百分比不能超过100%");
      return null;
    }
    return new IndicatorTarget.Numeric(value);
  }

  /**
   * Progress ratios against the project's reference progress at the monitoring point (资阳 三(三):
   * 项目支出以项目实施进度或资金分配进度为参照): its implementation plan where the plan covers the
   * point (PLAN: budget execution against the planned execution, physical progress and indicators
   * against the planned physical progress), else the share of its money allocated by then
   * (ALLOCATION: received ÷ the amount applied for, at most 100%; payments, physical progress and
   * indicators against it). Calendar time (时序进度) is basic spending's reference, never a
   * project's.
   */
  static ExecutionFacts facts(QuarterlyFiling f, Yuan paid, BigDecimal physical,
      List<IndicatorActual> actuals, Optional<ProgressPlans.PlannedProgress> plan, Yuan applied) {
    var received = f.receivedAmount() == null ? BigDecimal.ZERO : f.receivedAmount().amount();
    ProgressReference reference;
    BigDecimal actualExecution = null;
    BigDecimal referenceExecution = null;
    BigDecimal referencePhysical = null;
    if (plan.isPresent()) {
      reference = ProgressReference.PLAN;
      referenceExecution = plan.get().execution();
      referencePhysical = plan.get().physical();
      if (received.signum() > 0) {
        actualExecution = percentOf(paid.amount(), received);
      }
    } else {
      reference = ProgressReference.ALLOCATION;
      // money beyond the amount applied for: the project holds all it will get
      var whole = applied == null || applied.amount().compareTo(received) < 0 ? received : applied.amount();
      if (whole.signum() > 0) {
        referenceExecution = percentOf(received, whole);
        referencePhysical = referenceExecution;
        actualExecution = percentOf(paid.amount(), whole);
      }
    }
    var execution = ratio(actualExecution, referenceExecution);
    var physicalRatio = ratio(physical, referencePhysical);
    Double lowest = null;
    Double highest = null;
    for (var a : actuals) {
      if (a.notYetDue() || a.indicator().comparator() == Comparator.LE
          || !(a.indicator().target() instanceof IndicatorTarget.Numeric t)
          || !(a.actual() instanceof IndicatorTarget.Numeric actual) || t.value().signum() == 0) {
        continue;
      }
      var progress = ratio(percentOf(actual.value(), t.value()), referencePhysical);
      if (progress == null) {
        continue;
      }
      lowest = lowest == null ? progress : Math.min(lowest, progress);
      highest = highest == null ? progress : Math.max(highest, progress);
    }
    return new ExecutionFacts(execution, physicalRatio, lowest, highest, reference,
        doubleOrNull(actualExecution), doubleOrNull(referenceExecution),
        doubleOrNull(referencePhysical));
  }

  private static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
    return part.multiply(HUNDRED).divide(whole, 6, RoundingMode.HALF_UP);
  }

  /** Actual ÷ reference × 100 (进度比); null when either is unknown or nothing was planned. */
  private static Double ratio(BigDecimal actualPercent, BigDecimal referencePercent) {
    if (actualPercent == null || referencePercent == null || referencePercent.signum() == 0) {
      return null;
    }
    return actualPercent.multiply(HUNDRED).divide(referencePercent, 2, RoundingMode.HALF_UP)
        .doubleValue();
  }

  private static Double doubleOrNull(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * Records the warnings of the DMN executionWarning (none, blue, yellow, red; the worst counts)
   * with their reasons and the ratios behind them.
   */
  public String recordWarning(String businessKey, List<Map<String, Object>> warnings,
      ExecutionFacts facts) {
    var level = worst(warnings);
    var reasons = reasons(warnings, facts);
    var reason = reasons.isEmpty() ? null
        : String.join("；", reasons) + (facts.reference() == null ? "" : "。" + facts.referenceText());
    repository.setWarning(businessKey, level, reason,
        facts.reference() == null ? null : facts.reference().name(),
        warningDetails(level, warnings, facts));
    if (level != null) {
      repository.addEvent(businessKey, "WARNING", "system", now(), WarningLevel.text(level) + "：" + reason);
    }
    return level;
  }

  /** The worst level among the DMN's warnings (BLUE < YELLOW < RED), null without any. */
  static String worst(List<Map<String, Object>> warnings) {
    String level = null;
    for (var w : warnings) {
      var l = WarningLevel.valueOf(String.valueOf(w.get("level")));
      if (level == null || l.compareTo(WarningLevel.valueOf(level)) > 0) {
        level = l.name();
      }
    }
    return level;
  }

  /** Each warning's reason with the ratio behind it: "…（进度比低于60%）：进度比 40%". */
  static List<String> reasons(List<Map<String, Object>> warnings, ExecutionFacts facts) {
    return warnings.stream().map(w -> w.get("reason") + "：进度比 "
        + rounded(switch (String.valueOf(w.get("dimension"))) {
          case "EXECUTION" -> facts.executionProgress();
          case "PHYSICAL" -> facts.physicalProgressRatio();
          case "INDICATOR" -> facts.lowestIndicatorProgress();
          default -> facts.highestIndicatorProgress();
        })).toList();
  }

  /**
   * What the review form and the filing unit read about the warning: the level in Chinese, each
   * reason with its ratio, the reference used and the ratios of every dimension.
   */
  static String warningDetails(String level, List<Map<String, Object>> warnings, ExecutionFacts facts) {
    var text = new StringBuilder(level == null ? "未触发执行监控预警" : WarningLevel.text(level)).append('\n');
    reasons(warnings, facts).forEach(r -> text.append("· ").append(r).append('\n'));
    if (facts.reference() != null) {
      text.append(facts.referenceText()).append('\n');
    }
    text.append("进度比（实际 ÷ 参照 × 100）：资金执行 ").append(rounded(facts.executionProgress()))
        .append("，实物 ").append(rounded(facts.physicalProgressRatio()))
        .append("，指标最低 ").append(rounded(facts.lowestIndicatorProgress()))
        .append("、最高 ").append(rounded(facts.highestIndicatorProgress()));
    return text.toString();
  }

  /** A red warning's response is due this many working days after the filing (configurable). */
  public LocalDate warningResponseDueOn() {
    return calendar.workingDaysAfter(now().toLocalDate(), warningResponseWorkingDays);
  }

  /**
   * The filing unit explains a red warning or says how it rectifies (资阳 三(三): 对执行进度滞后的项目
   * 督促加快进度执行；偏离目标的及时纠偏); the province reads it when it reviews.
   */
  public void recordWarningResponse(String businessKey, WarningResponseKind kind, String text,
      String actor) {
    var f = get(businessKey);
    if (!"RED".equals(f.warningLevel()) || f.status() != FilingStatus.FILED) {
      throw new ConflictException(FilingTexts.thisPeriod(f.quarter()) + "填报没有待说明的红色预警");
    }
    var problems = new Problems();
    var answer = requiredText(text, "情况说明或整改措施", 2000, problems.at("warningResponseText"));
    if (kind == null) {
      problems.add("warningResponseKind", "请选择：说明滞后原因，或提出整改（纠偏）措施");
    }
    problems.throwIfAny("红色预警说明有误");
    var response = (kind == WarningResponseKind.EXPLAIN ? "说明滞后原因：" : "整改（纠偏）措施：")
        + answer;
    repository.setWarningResponse(businessKey, response);
    repository.addEvent(businessKey, "WARNING_RESPONSE", actor, now(), response);
  }

  /** The filing a process instance files (a quarterly filing's instance), if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<QuarterlyFiling> byProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  private static String rounded(Double value) {
    return value == null ? "—" : BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP) + "%";
  }

  // --- review and transmission (province) ---------------------------------------------------

  /**
   * The province has reviewed (审核把关) and transmits to the ministry; it sets the rates of
   * qualitative indicators. From now on the filing is locked (MNR 第二十二条).
   */
  public void transmit(String businessKey, List<Map<String, Object>> reviewerRates, String actor) {
    var f = get(businessKey);
    requireEditable(f);
    var actuals = actuals(businessKey);
    var problems = new ArrayList<String>();
    var rates = new HashMap<Integer, Integer>();
    for (var row : reviewerRates) {
      var position = text(row.get("position"));
      var rate = text(row.get("rate"));
      try {
        var value = new BigDecimal(rate == null ? "" : rate).setScale(0, RoundingMode.HALF_UP)
            .intValueExact();
        if (value < 0 || value > 100) {
          throw new NumberFormatException();
        }
        rates.put(Integer.parseInt(position.replace(".0", "")), value);
      } catch (RuntimeException e) {
        problems.add("定性指标的完成率应为0至100的整数，收到“" + (rate == null ? "" : rate) + "”");
      }
    }
    for (var a : actuals) {
      if (!a.notYetDue() && a.completionRate() == null && !rates.containsKey(a.position())) {
        problems.add("请为定性指标“" + a.indicator().name() + "”选定完成率");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("审核意见有误", problems);
    }
    rates.forEach((position, rate) -> {
      var a = actuals.stream().filter(x -> x.position() == position).findFirst();
      if (a.isPresent() && a.get().completionRate() == null && !a.get().notYetDue()) {
        repository.setReviewerRate(businessKey, position, rate);
      }
    });
    if (!repository.move(businessKey, FilingStatus.FILED, FilingStatus.TRANSMITTED)) {
      throw new ConflictException(FilingTexts.noun(f.quarter()) + "当前为“" + f.status().label() + "”，不能传输");
    }
    repository.markTransmitted(businessKey, actor, now());
    repository.addEvent(businessKey, "TRANSMITTED", actor, now(), "省级审核通过，传输至自然资源部，数据锁定");
  }

  public void returnFiling(String businessKey, String comment, String actor) {
    var f = get(businessKey);
    requireEditable(f);
    if (comment == null || comment.isBlank()) {
      throw new InvalidInputException("审核意见有误", "退回修改时必须填写审核意见");
    }
    if (!repository.move(businessKey, FilingStatus.FILED, FilingStatus.RETURNED)) {
      throw new ConflictException(FilingTexts.noun(f.quarter()) + "当前为“" + f.status().label() + "”，不能退回");
    }
    repository.addEvent(businessKey, "RETURNED", actor, now(), "退回修改：" + comment.strip());
  }

  /** A filing that went to the ministry changes only through data correction (MNR 第二十二条). */
  private static void requireEditable(QuarterlyFiling f) {
    if (f.status() == FilingStatus.TRANSMITTED) {
      throw new ConflictException("该" + FilingTexts.noun(f.quarter()) + "已传输至自然资源部并锁定，如需更改请通过数据变更流程办理（MNR 第二十二条）");
    }
  }

  // --- data correction (MNR 第二十二条) -----------------------------------------------------------

  /** Fields of a filing that data correction may change. */
  /**
   * The field of a problem with the payments by source as a whole (their sum against the amount
   * paid): the form's 其中 fields together.
   */
  public static final String PAID_BY_SOURCE_FIELD = "paidBySource";
  public static final String PAID_TO_DATE_FIELD = "PAID_TO_DATE";
  public static final String PHYSICAL_PROGRESS_FIELD = "PHYSICAL_PROGRESS";
  public static final String INDICATOR_FIELD = "INDICATOR_";
  /**
   * A payment by one fund source: PAID_CENTRAL, PAID_PROVINCIAL, PAID_LOCAL, PAID_RESPONSIBLE,
   * PAID_SOCIAL. A payment
   * correction says which fund source changes, and the total follows: the sums always add up.
   */
  public static final String PAID_SOURCE_FIELD = "PAID_";

  /** The fund source a PAID_&lt;SOURCE&gt; field names, or null (PAID_TO_DATE names none). */
  static FundSource paidSource(String field) {
    if (field == null || PAID_TO_DATE_FIELD.equals(field) || !field.startsWith(PAID_SOURCE_FIELD)) {
      return null;
    }
    try {
      return FundSource.valueOf(field.substring(PAID_SOURCE_FIELD.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The one fund source that holds payments, or null when none or several do. */
  private FundSource onlyPayingSource(String businessKey) {
    var paying = repository.payments(businessKey).entrySet().stream()
        .filter(e -> e.getValue().isPositive()).map(Map.Entry::getKey).toList();
    return paying.size() == 1 ? paying.get(0) : null;
  }

  /** A correctable field's current value as text, or null when nothing was filed. */
  @Transactional(readOnly = true)
  public String fieldValue(String businessKey, String field) {
    var f = get(businessKey);
    if (PAID_TO_DATE_FIELD.equals(field)) {
      return f.paidToDate() == null ? null : f.paidToDate().amount().toPlainString();
    }
    if (PHYSICAL_PROGRESS_FIELD.equals(field)) {
      return f.physicalProgress() == null ? null
          : f.physicalProgress().stripTrailingZeros().toPlainString();
    }
    var source = paidSource(field);
    if (source != null) {
      return f.paidToDate() == null ? null : repository.payments(businessKey)
          .getOrDefault(source, Yuan.ZERO).amount().setScale(2).toPlainString();
    }
    var position = indicatorPosition(field);
    return actuals(businessKey).stream().filter(a -> a.position() == position).findFirst()
        .map(IndicatorActual::actualText).orElse(null);
  }

  /** Checks a proposed value for a field; returns it as it will be stored. */
  @Transactional(readOnly = true)
  public String checkCorrection(String businessKey, String field, String value) {
    var f = get(businessKey);
    var problems = new ArrayList<String>();
    String normalised = null;
    var source = paidSource(field);
    if (PAID_TO_DATE_FIELD.equals(field)) {
      var paid = amount(value, "累计支付金额", problems);
      if (paid != null && paid.compareTo(f.receivedAmount()) > 0) {
        problems.add("累计支付 " + paid + " 超过到位资金 " + f.receivedAmount());
      }
      if (onlyPayingSource(businessKey) == null) {
        // the change must land on a fund source, or the split by source no longer adds up
        problems.add("累计支付由多个资金来源组成（或尚无支付），请按资金来源申请变更（如“中央财政资金支付金额”），"
            + "累计支付随之变更");
      }
      normalised = paid == null ? null : paid.amount().toPlainString();
    } else if (source != null) {
      var paid = amount(value, source.label() + "支付金额", problems);
      if (paid != null) {
        var total = f.paidToDate().minus(repository.payments(businessKey)
            .getOrDefault(source, Yuan.ZERO)).plus(paid);
        if (total.compareTo(f.receivedAmount()) > 0) {
          problems.add("变更后累计支付 " + total + " 超过到位资金 " + f.receivedAmount());
        }
      }
      normalised = paid == null ? null : paid.amount().toPlainString();
    } else if (PHYSICAL_PROGRESS_FIELD.equals(field)) {
      var p = percent(value, "实物工作量完成进度（%）", problems);
      normalised = p == null ? null : p.stripTrailingZeros().toPlainString();
    } else {
      var position = indicatorPosition(field);
      var indicators = catalogue.targetsFor(f.projectCode(), f.quarter().year()).indicators();
      if (position < 1 || position > indicators.size()) {
        problems.add("没有第" + position + "项指标");
      } else if ("未达监控节点".equals(value)) {
        normalised = value;
      } else {
        var ind = indicators.get(position - 1);
        var actual = actual(ind, value == null ? "" : value.strip(),
            "第" + position + "项指标“" + ind.name() + "”", problems);
        normalised = actual == null ? null : actual.text();
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("变更内容有误", problems);
    }
    return normalised;
  }

  /**
   * Applies an approved correction, if the field still holds the value the request was made
   * against (an optimistic check: nothing is silently overwritten). This path alone changes a
   * transmitted, locked filing.
   */
  public void applyCorrection(String businessKey, String field, String expected, String value,
      String actor) {
    var current = fieldValue(businessKey, field);
    if (!Objects.equals(current, expected)) {
      throw new StaleRecordException("记录已在申请后被修改（申请时为“" + expected + "”，现为“" + current
          + "”），本次变更不予执行，请按现值重新申请");
    }
    var detail = field + "：" + expected + " → " + value;
    var source = paidSource(field);
    if (PAID_TO_DATE_FIELD.equals(field)) {
      var only = onlyPayingSource(businessKey);
      if (only == null) {
        throw new StaleRecordException("累计支付已由多个资金来源组成，本次变更不予执行，请按资金来源重新申请");
      }
      // the one source that holds payments takes the difference: the split still adds up
      var before = repository.payments(businessKey).get(only);
      var after = before.amount().add(new BigDecimal(value).subtract(new BigDecimal(expected)));
      repository.updatePayment(businessKey, only, after);
      repository.updatePaid(businessKey, new BigDecimal(value));
      detail += "（" + only.label() + " " + before.amount().toPlainString() + " → "
          + after.toPlainString() + "）";
    } else if (source != null) {
      repository.updatePayment(businessKey, source, new BigDecimal(value));
      var total = repository.payments(businessKey).values().stream().map(Yuan::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      detail += "（累计支付 " + get(businessKey).paidToDate().amount().toPlainString() + " → "
          + total.toPlainString() + "）";
      repository.updatePaid(businessKey, total);
    } else if (PHYSICAL_PROGRESS_FIELD.equals(field)) {
      repository.updatePhysical(businessKey, new BigDecimal(value));
    } else {
      var position = indicatorPosition(field);
      var old = actuals(businessKey).stream().filter(a -> a.position() == position).findFirst()
          .orElseThrow();
      var ind = old.indicator();
      IndicatorActual updated;
      if ("未达监控节点".equals(value)) {
        updated = new IndicatorActual(position, ind, null, true, null, false);
      } else {
        var actual = actual(ind, value, ind.name(), new ArrayList<>());
        var rate = CompletionRate.of(ind.comparator(), ind.target(), actual);
        updated = rate.isPresent()
            ? new IndicatorActual(position, ind, actual, false, rate.getAsInt(), false)
            : new IndicatorActual(position, ind, actual, false, old.completionRate(), old.rateByReviewer());
      }
      repository.replaceActual(businessKey, updated);
    }
    repository.addEvent(businessKey, "CORRECTED", actor, now(), detail);
  }

  private static int indicatorPosition(String field) {
    if (field == null || !field.startsWith(INDICATOR_FIELD)) {
      throw new InvalidInputException("变更内容有误",
          "可变更的字段为累计支付金额、某一资金来源的支付金额、实物工作量进度或第N项指标的实际完成值");
    }
    try {
      return Integer.parseInt(field.substring(INDICATOR_FIELD.length()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("变更内容有误", "指标序号应为数字：" + field);
    }
  }

  // --- reading ----------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public QuarterlyFiling get(String businessKey) {
    return repository.find(businessKey)
        .orElseThrow(() -> new NotFoundException("季度填报不存在：" + businessKey));
  }

  @Transactional(readOnly = true)
  public List<IndicatorActual> actuals(String businessKey) {
    var f = get(businessKey);
    return repository.actuals(businessKey,
        catalogue.targetsFor(f.projectCode(), f.quarter().year()).indicators());
  }

  @Transactional(readOnly = true)
  public Map<FundSource, Yuan> payments(String businessKey) {
    return repository.payments(businessKey);
  }

  /**
   * What the province's review shows (MNR 第二十二条: 审核把关): the filing's current values and, after
   * a correction, what was corrected.
   */
  @Transactional(readOnly = true)
  public String reviewSummary(String businessKey) {
    var text = FilingTexts.summary(get(businessKey), payments(businessKey), actuals(businessKey));
    var corrected = repository.eventDetails(businessKey, "CORRECTED");
    return corrected.isEmpty() ? text
        : text + "已更正（MNR 第二十二条，以上为更正后的现值）：\n  " + String.join("\n  ", corrected) + "\n";
  }

  @Transactional(readOnly = true)
  public List<String> events(String businessKey) {
    return repository.events(businessKey);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
