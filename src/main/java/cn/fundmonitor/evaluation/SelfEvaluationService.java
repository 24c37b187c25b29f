package cn.fundmonitor.evaluation;

import static cn.fundmonitor.common.Inputs.requiredText;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.EMERGENCY;
import static cn.fundmonitor.evaluation.SelfEvaluationProcess.SELF_REPORT;

import cn.fundmonitor.allocation.AllocationReads;
import cn.fundmonitor.calendar.WorkingDayCalendar;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariable;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.waves.Wave;
import cn.fundmonitor.waves.WaveKind;
import cn.fundmonitor.waves.WavePlans;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.time.MonthDay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual self-evaluation of funded projects (绩效自评, GX 第二十八条): opened for every project
 * funded in the year; the unit writes by its own deadline (20 January by default) and the city
 * reports to the province by 31 January of the next year; the unit writes its report and the
 * score is computed from its filed data; the city reviews; a poor grade reduces the region's
 * money next year (GX 第二十九条) unless the project is a geohazard emergency.
 */
@Service
public class SelfEvaluationService {

  public static final int MAX_REPORT = 4000;

  private final SelfEvaluationRepository repository;
  private final FilingService filings;
  private final ProjectCatalogue catalogue;
  private final WorkingDayCalendar calendar;
  private final WavePlans waves;
  private final AllocationReads money;
  private final Clock clock;
  private final MonthDay unitDue;

  SelfEvaluationService(SelfEvaluationRepository repository, FilingService filings,
      ProjectCatalogue catalogue, WorkingDayCalendar calendar, WavePlans waves,
      AllocationReads money, Clock clock,
      @Value("${fundmonitor.evaluation.unit-due-month-day:01-20}") String unitDueMonthDay) {
    this.unitDue = MonthDay.parse("--" + unitDueMonthDay);
    this.repository = repository;
    this.filings = filings;
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.waves = waves;
    this.money = money;
    this.clock = clock;
  }

  /**
   * The city reports the reviewed self-evaluations to the province by 31 January of the next year
   * (GX 第二十八条: 由设区市自然资源局对所辖县（市、区）内的项目自评报告进行审核汇总后于次年1月31日前报自治区
   * 自然资源厅), before the working-day calendar moves it.
   */
  public static LocalDate nominalDueDate(int year) {
    return LocalDate.of(year + 1, 1, 31);
  }

  /**
   * The unit's own deadline, before the city's: {@code fundmonitor.evaluation.unit-due-month-day}
   * (a configurable default, 20 January — GX 第二十八条 sets only the city's 31 January), so the
   * city has days to review before it reports.
   */
  public LocalDate unitDueDate(int year) {
    var due = unitDue.atYear(year + 1);
    return due.isAfter(nominalDueDate(year)) ? nominalDueDate(year) : due;
  }

  /**
   * Plans the year's wave: its projects ({@link #projectsOf}) are fixed into batches now, so money
   * issued while the wave runs cannot move a project out of its batch (issue 16).
   */
  @Transactional
  public Wave planWave(String waveId, int year, int batchSize) {
    var projects = projectsOf(year);
    return waves.plan(waveId, WaveKind.SELF_EVALUATION, String.valueOf(year), projects.due(),
        projects.ended(), batchSize);
  }

  /**
   * The year's projects, in code order: those whose evaluation is due, unless their life ended
   * before the year began; and how many projects funded in the year were left out for that. Due:
   * <ul>
   *   <li>money was issued to it in the year (every funded project, as before), or
   *   <li>it was funded by then and it runs in the year or its life ended in it
   *       ({@link SelfEvaluationRepository#runningOrEndedIn}: GX 第二十五条: 年度、中期和实施期后).
   * </ul>
   * Who was funded is allocation's answer ({@link AllocationReads}); a handful of set queries for
   * the whole year, however many thousands of projects it has.
   */
  private YearProjects projectsOf(int year) {
    var fundedIn = money.fundedIn(year);
    var ended = waves.lifeEndedBefore(start(year));
    var running = repository.runningOrEndedIn(year, start(year), start(year + 1));
    var due = new TreeSet<>(fundedIn);
    money.fundedBy(year).stream().filter(running::contains).forEach(due::add);
    due.removeAll(ended);
    return new YearProjects(List.copyOf(due),
        (int) fundedIn.stream().filter(ended::contains).count());
  }

  private record YearProjects(List<String> due, int ended) {}

  @Transactional(readOnly = true)
  public List<String> waveBatch(String waveId, int batchNo) {
    return waves.batch(waveId, batchNo);
  }

  @Transactional
  public void batchDone(String waveId, int batchNo, int opened, int alreadyOpen) {
    waves.batchDone(waveId, batchNo, opened, alreadyOpen);
  }

  /** The year's projects (the wave's rule, applied now) without an evaluation of the year. */
  @Transactional(readOnly = true)
  public List<String> withoutEvaluation(int year) {
    var evaluated = repository.withEvaluation(year);
    return projectsOf(year).due().stream().filter(code -> !evaluated.contains(code)).toList();
  }

  /** The wave is over: every project of the year has its evaluation, {@code added} opened last. */
  @Transactional
  public Wave reconciled(String waveId, List<String> added) {
    return waves.reconciled(waveId, added);
  }

  private OffsetDateTime start(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toOffsetDateTime();
  }

  /** Creates the project's evaluation of the year unless it exists (a retried batch). */
  public boolean prepare(String projectCode, int year) {
    return repository.createIfAbsent(SelfEvaluation.key(projectCode, year), projectCode, year,
        kind(projectCode, year), calendar.onOrAfter(unitDueDate(year)), now());
  }

  /** Annual, mid-term or after the implementation period (GX 第二十五条), see {@link EvaluationKind#of}. */
  @Transactional(readOnly = true)
  public EvaluationKind kind(String projectCode, int year) {
    return EvaluationKind.of(year, catalogue.annualTargetYears(projectCode),
        repository.lifeEndedWithin(projectCode, start(year), start(year + 1)),
        repository.finalBefore(projectCode, year));
  }

  public SelfEvaluation open(String key, String projectCode, int year, String processInstanceId) {
    if (repository.find(key).isEmpty()) {
      prepare(projectCode, year);
    }
    repository.attachProcess(key, processInstanceId);
    return get(key);
  }

  /**
   * The weights of the parts as the DMN {@code selfEvaluationWeights} gives them (rows of {part,
   * weight}); they must add up to 100.
   */
  public static Map<EvaluationPart, BigDecimal> weights(List<Map<String, Object>> rows) {
    var weights = new EnumMap<EvaluationPart, BigDecimal>(EvaluationPart.class);
    var problems = new ArrayList<String>();
    for (var row : rows) {
      var part = EvaluationPart.parse(String.valueOf(row.get("part")));
      var weight = row.get("weight") == null ? null : new BigDecimal(row.get("weight").toString());
      if (part.isEmpty() || weight == null || weight.signum() < 0) {
        problems.add("规则“" + row.get("part") + "”的评价部分或权重有误");
      } else {
        weights.merge(part.get(), weight, BigDecimal::add);
      }
    }
    var sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (problems.isEmpty() && sum.compareTo(BigDecimal.valueOf(100)) != 0) {
      problems.add("各部分权重合计为 " + sum.stripTrailingZeros().toPlainString() + "，应为 100");
    }
    if (!problems.isEmpty()) {
      throw new ConflictException("决策表“绩效自评权重”（selfEvaluationWeights）配置有误：" + String.join("；", problems));
    }
    return weights;
  }

  /** The unit submits its report; the score is computed from the year's filed data. */
  public EvaluationScore.Result submit(String key, Map<EvaluationPart, BigDecimal> weights,
      String report, boolean emergency, String actor) {
    var e = get(key);
    if (e.status() != EvaluationStatus.OPEN && e.status() != EvaluationStatus.RETURNED) {
      throw new ConflictException("绩效自评当前为“" + e.status().label() + "”，不能再次提交");
    }
    var project = catalogue.get(e.projectCode());
    var problems = new Problems();
    var text = requiredText(report, "自评报告", MAX_REPORT, problems.at(field(SELF_REPORT)));
    var isEmergency = emergency;
    if (isEmergency && project.direction() != Direction.GEOHAZARD) {
      problems.add(field(EMERGENCY), "只有地质灾害防治项目可以标明为地质灾害应急项目（GX 第二十九条）");
    }
    problems.throwIfAny("绩效自评有误，请修改后重新提交");
    var result = compute(e, weights);
    repository.recordSubmission(key, result.score(), details(result), text, isEmergency, actor, now());
    return result;
  }

  /** The score from the project's latest filed data of the year. */
  @Transactional(readOnly = true)
  public EvaluationScore.Result compute(SelfEvaluation e, Map<EvaluationPart, BigDecimal> weights) {
    var filing = filings.latestFiled(e.projectCode(), e.year());
    if (filing.isEmpty()) {
      return EvaluationScore.score(weights, List.of(), Yuan.ZERO, Yuan.ZERO);
    }
    var f = filing.get();
    return EvaluationScore.score(weights, filings.actuals(f.businessKey()), f.paidToDate(),
        f.receivedAmount());
  }

  /**
   * Records the grade; a poor one is flagged for less money next year (GX 第二十九条) unless the
   * project is a geohazard emergency.
   */
  public boolean recordGrade(String key, Grade grade) {
    var e = get(key);
    var direction = catalogue.get(e.projectCode()).direction();
    var flagged = grade == Grade.POOR && !(direction == Direction.GEOHAZARD && e.emergency());
    String reason = null;
    if (grade == Grade.POOR) {
      reason = flagged ? "GX 第二十九条：绩效自评结果为差，少安排或不安排项目所在市县下一年度专项资金"
          : "GX 第二十九条：地质灾害应急项目，评价结果为差不影响下一年度资金安排";
    }
    repository.recordGrade(key, grade, flagged, reason);
    return flagged;
  }

  /** The city approved: the evaluation is collected by the province. */
  public void collect(String key, String comment, String actor) {
    requireStatus(key, EvaluationStatus.SUBMITTED);
    repository.recordReview(key, EvaluationStatus.COLLECTED, actor, now(), comment);
  }

  public void returnEvaluation(String key, String comment, String actor) {
    requireStatus(key, EvaluationStatus.SUBMITTED);
    repository.recordReview(key, EvaluationStatus.RETURNED, actor, now(), comment);
  }

  @Transactional(readOnly = true)
  public SelfEvaluation get(String key) {
    return repository.find(key).orElseThrow(() -> new NotFoundException("绩效自评不存在：" + key));
  }

  @Transactional(readOnly = true)
  public List<SelfEvaluation> ofYear(int year, Collection<String> regions) {
    return repository.ofYear(year, regions);
  }

  private void requireStatus(String key, EvaluationStatus expected) {
    var e = get(key);
    if (e.status() != expected) {
      throw new ConflictException("绩效自评当前为“" + e.status().label() + "”");
    }
  }

  /** The breakdown, one line per judged item, for the review form and the record. */
  static String details(EvaluationScore.Result result) {
    var lines = new ArrayList<String>();
    for (var l : result.lines()) {
      lines.add(l.part().label() + "｜" + l.item() + "｜权重 " + l.weight().setScale(2, java.math.RoundingMode.HALF_UP)
          .stripTrailingZeros().toPlainString() + "｜完成 " + l.achievement().movePointRight(2)
          .setScale(0, java.math.RoundingMode.HALF_UP) + "%｜得分 " + l.earned()
          .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }
    if (lines.isEmpty()) {
      lines.add("本年度没有可评价的填报数据（无已填报的季度执行情况），得分为 0");
    }
    lines.add(result.summary());
    return String.join("\n", lines);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** A form field: the variable's name. */
  private static String field(ProcessVariable<?> variable) {
    return variable.name();
  }
}
