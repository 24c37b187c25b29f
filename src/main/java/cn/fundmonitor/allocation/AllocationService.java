package cn.fundmonitor.allocation;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.calendar.WorkingDayCalendar;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.FundClass;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTargets;
import cn.fundmonitor.project.ProjectStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund allocation and filing (资金下达与报备, MNR 第九条、第十条; GX 第二十五条): the province issues
 * the money it received to cities and counties, for warehoused projects only, with the targets
 * decomposed and issued together with the money, within 30 days; each recipient refines its part to
 * projects and files the result with its superior within 30 days of refining.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AllocationService {

  /** MNR 第九条: 30日内下达; 资金细化结束30日内报备. */
  public static final int ISSUE_DAYS = 30;
  public static final int FILING_DAYS = 30;
  /** MNR 第十条: 绩效目标分解情况30日内报备 (counted from the issue). */
  public static final int DECOMPOSITION_DAYS = 30;
  public static final int MAX_DOCUMENT_NO = 100;
  /**
   * How long the issue step's list of annual targets may grow: a String process variable holds at
   * most 4000 characters; projects beyond are counted, not listed.
   */
  static final int MAX_SUMMARY_CHARS = 3500;
  /** The longest reason for funding a project outside the year's selection. */
  public static final int MAX_EXCEPTION_REASON = 500;

  private final AllocationRepository repository;
  private final ProjectCatalogue catalogue;
  private final ProjectTargets projectTargets;
  private final OrganisationService organisation;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  // --- receipt -------------------------------------------------------------------------------

  /**
   * The unit whose finance office registers money: the province for central and provincial money
   * (MNR 第九条); a city or a county for its own special funds (MNR 第二条第二项: 市级、县级财政支持
   * 专项的相关资金，“应按照上述要求，及时下达并报备”, MNR 第九条末句); any unit for social funds,
   * which are registered for statistics (MNR 第十五条). The user must hold exactly one finance group
   * of a fitting level.
   */
  @Transactional(readOnly = true)
  public Division registeringUnit(String userId, Collection<String> groupIds, FundClass fundClass) {
    var levels = registeringLevels(fundClass);
    var units = OrganisationService.unitGroups(groupIds).stream()
        .filter(g -> g.role() == Role.FINANCE)
        .map(g -> organisation.find(g.divisionCode()).orElse(null))
        .filter(d -> d != null && levels.contains(d.level()))
        .map(Division::code).distinct().toList();
    if (units.size() != 1) {
      throw new InvalidInputException("资金到位登记有误", "“" + (fundClass == null ? "该类" : fundClass.label())
          + "”由" + registeringOffice(fundClass) + "财务与资金运用处室登记和下达（MNR 第九条），账号“"
          + userId + "”不能办理");
    }
    return organisation.get(units.get(0));
  }

  /** The province whose finance department registers central or provincial money. */
  @Transactional(readOnly = true)
  public Division registeringProvince(String userId, Collection<String> groupIds) {
    return registeringUnit(userId, groupIds, FundClass.CENTRAL);
  }

  /** Which level registers (and issues) each fund class. */
  static Set<DivisionLevel> registeringLevels(FundClass fundClass) {
    if (fundClass == null) {
      return Set.of(DivisionLevel.PROVINCE);
    }
    return switch (fundClass) {
      case CENTRAL, PROVINCIAL -> Set.of(DivisionLevel.PROVINCE);
      case CITY -> Set.of(DivisionLevel.CITY);
      case COUNTY -> Set.of(DivisionLevel.COUNTY);
      case SOCIAL -> Set.of(DivisionLevel.PROVINCE, DivisionLevel.CITY, DivisionLevel.COUNTY);
    };
  }

  private static String registeringOffice(FundClass fundClass) {
    if (fundClass == null) {
      return "省级自然资源主管部门";
    }
    return switch (fundClass) {
      case CENTRAL, PROVINCIAL -> "省级自然资源主管部门";
      case CITY -> "市级自然资源主管部门";
      case COUNTY -> "县级自然资源主管部门";
      case SOCIAL -> "省、市、县自然资源主管部门";
    };
  }

  /**
   * What the second money column holds for a fund class: the province's own money for central and
   * provincial funds, the city's or county's own money for its special funds, social money for
   * social funds (MNR 第二条). The column keeps its stored name (provincial_amount).
   */
  public static String localLabel(FundClass fundClass) {
    if (fundClass == null) {
      return "省级财政资金";
    }
    return switch (fundClass) {
      case CENTRAL, PROVINCIAL -> "省级财政资金";
      case CITY -> "市级财政资金";
      case COUNTY -> "县级财政资金";
      case SOCIAL -> "社会资金";
    };
  }

  /**
   * Whether the fiscal departments review the plan and release the money: GX 第五条第二项、第四项
   * and 第十八条 give the 财政厅（局） the review, issue and 审核拨付 of 专项资金; social money is not
   * fiscal money and is filed for statistics (MNR 第十五条: 对符合自然资源相关支持方向的社会资金进行
   * 统计监测), so it goes from the registering unit straight to refinement and filing.
   */
  public static boolean fiscalReview(FundClass fundClass) {
    return fundClass != FundClass.SOCIAL;
  }

  /** Registers money that reached a province; idempotent per process instance. */
  public Allocation register(RawReceipt raw, String actor, Collection<String> groupIds,
      String processInstanceId) {
    var existing = repository.findByProcessInstance(processInstanceId);
    if (existing.isPresent()) {
      return existing.get();
    }
    var problems = new Problems();
    var fundClass = required(raw.fundClass(), "资金类型", FundClass::parse, problems.at("fundClass"));
    if (fundClass == null) {
      throw new InvalidInputException("资金到位登记有误", problems);
    }
    var province = registeringUnit(actor, groupIds, fundClass);
    var documentNo = requiredText(raw.documentNo(), "批复文号", MAX_DOCUMENT_NO,
        problems.at("documentNo"));
    if (documentNo != null && repository.exists(documentNo)) {
      problems.add("documentNo", "批复文号“" + documentNo + "”已经登记，不能重复登记");
    }
    var direction = required(raw.direction(), "资金方向", Direction::parse, problems.at("direction"));
    var year = year(raw.budgetYear(), problems.at("budgetYear"));
    var central = amountOrZero(raw.centralAmount(), "中央财政资金", problems.at("centralAmount"));
    var provincial = amountOrZero(raw.provincialAmount(), localLabel(fundClass),
        problems.at("provincialAmount"));
    if (central != null && provincial != null && !central.plus(provincial).isPositive()) {
      problems.add("centralAmount", "到位资金合计须大于0元");
    }
    if (fundClass != null && fundClass != FundClass.CENTRAL && central != null
        && central.isPositive()) {
      problems.add("centralAmount", "资金类型为“" + fundClass.label() + "”时不应有中央财政资金");
    }
    var receivedOn = raw.receivedOn();
    if (receivedOn == null) {
      problems.add("receivedOn", "请填写资金到位日期");
    } else if (receivedOn.isAfter(today())) {
      problems.add("receivedOn", "资金到位日期不能晚于今天");
    }
    var method = text(raw.method()) == null ? AllocationMethod.PROJECT
        : required(raw.method(), "分配方式", AllocationMethod::parse, problems.at("allocationMethod"));
    var targets = IndicatorRows.parse(raw.targets(),
        "未填写批复的绩效目标：绩效目标须与资金同步下达（MNR 第十条）", problems, "approvedTargets");
    if (!problems.isEmpty()) {
      throw new InvalidInputException("资金到位登记有误", problems);
    }
    var now = now();
    var allocation = new Allocation(documentNo, province.code(), fundClass, direction, year,
        central, provincial, receivedOn, calendar.deadline(receivedOn, ISSUE_DAYS),
        AllocationStatus.RECEIVED, null, null, null, processInstanceId, actor, now, targets,
        method, null);
    repository.insert(allocation);
    repository.addEvent(documentNo, new AllocationEvent(null, "REGISTERED", actor, now,
        "资金到位（" + fundClass.label() + "，" + method.label() + "，GX 第十四条）：中央 " + central
            + "，" + localLabel(fundClass) + " " + provincial + "，到位日期 " + receivedOn + "，应于 "
            + allocation.issueDueOn() + " 前下达"));
    return allocation;
  }

  /** The issue deadline as the rule states it (30 calendar days after receipt), before the
   * working-day calendar moves it; the engine's calendar does the moving. */
  public static LocalDate issueDeadline(Allocation a) {
    return a.receivedOn().plusDays(ISSUE_DAYS);
  }

  // --- issue (province) ------------------------------------------------------------------------

  /**
   * An issue that passed every check: the plan the natural-resources department proposes and the
   * fiscal department reviews (GX 第十八条), and what is recorded once the fiscal department
   * approves it.
   */
  public record PlannedIssue(String issueNo, LocalDate issueDate, List<MoneyLine> lines,
      List<String> recipients, List<DecomposedTarget> decomposed,
      Map<String, String> unselectedReasons,
      Map<String, List<Map<String, Object>>> annualTargets) {}

  /** Issues the money to cities and counties; returns the recipients, in code order. */
  public List<String> issue(String documentNo, String issueDocumentNo, LocalDate issuedOn,
      List<Map<String, Object>> lineRows, List<Map<String, Object>> targetRows, String actor) {
    return issue(documentNo, issueDocumentNo, issuedOn, lineRows, targetRows, List.of(), actor);
  }

  /**
   * Issues the money to cities and counties with each project's annual targets (GX 第二十六条),
   * those entered in the step recorded with it; returns the recipients, in code order.
   */
  public List<String> issue(String documentNo, String issueDocumentNo, LocalDate issuedOn,
      List<Map<String, Object>> lineRows, List<Map<String, Object>> targetRows,
      List<Map<String, Object>> annualTargetRows, String actor) {
    var plan = checkIssue(documentNo, issueDocumentNo, issuedOn, lineRows, targetRows,
        annualTargetRows);
    var a = get(documentNo);
    var lines = plan.lines();
    var recipients = plan.recipients();
    var decomposed = plan.decomposed();
    var issueNo = plan.issueNo();
    var issueDate = plan.issueDate();
    repository.replaceLines(documentNo, AllocationRepository.ISSUE, null, lines);
    for (var recipient : recipients) {
      var own = lines.stream().filter(l -> l.recipientCode().equals(recipient)).toList();
      repository.insertPart(documentNo, recipient, sum(own, true), sum(own, false));
      repository.replaceTargets(documentNo, AllocationRepository.ISSUE, recipient,
          decomposed.stream().filter(t -> t.unitCode().equals(recipient)).toList());
    }
    repository.markIssued(documentNo, issueNo, issueDate, actor, today());
    plan.annualTargets().forEach((project, rows) ->
        projectTargets.recordAnnualTargets(project, a.budgetYear(), rows, actor));
    recordExceptions(documentNo, null, plan.unselectedReasons(), a, actor);
    var late = issueDate.isAfter(a.issueDueOn());
    repository.addEvent(documentNo, new AllocationEvent(null, "ISSUED", actor, now(),
        "下达文号 " + issueNo + "，下达日期 " + issueDate + "，下达至 " + String.join("、",
            recipients.stream().map(this::name).toList()) + (late ? "（逾期，应于 "
            + a.issueDueOn() + " 前下达）" : "")));
    return recipients;
  }

  /**
   * Checks a proposed issue without recording it: the plan must be right before the fiscal
   * department reviews it (GX 第十八条), and again when it is issued.
   */
  public PlannedIssue checkIssue(String documentNo, String issueDocumentNo, LocalDate issuedOn,
      List<Map<String, Object>> lineRows, List<Map<String, Object>> targetRows,
      List<Map<String, Object>> annualTargetRows) {
    var a = get(documentNo);
    if (a.status() != AllocationStatus.RECEIVED) {
      throw new ConflictException("资金“" + documentNo + "”当前状态为“" + a.status().label() + "”，不能再次下达");
    }
    var problems = new Problems();
    var issueNo = requiredText(issueDocumentNo, "下达文号", MAX_DOCUMENT_NO,
        problems.at("issueDocumentNo"));
    var issueDate = given(issuedOn, "下达日期", problems.at("issuedOn"));
    if (issueDate != null && (issueDate.isBefore(a.receivedOn()) || issueDate.isAfter(today()))) {
      problems.add("issuedOn", "下达日期应在资金到位日期（" + a.receivedOn() + "）与今天之间");
    }
    var lines = new ArrayList<MoneyLine>();
    var selection = selection(a);
    var reasons = new LinkedHashMap<String, String>();
    for (int i = 0; i < lineRows.size(); i++) {
      var row = lineRows.get(i);
      var prefix = "第" + (i + 1) + "行：";
      var rowProblems = new ArrayList<String>();
      var recipient = recipient(text(row.get("recipientCode")), a, rowProblems);
      var line = line(a, recipient, row, rowProblems, selection, reasons);
      problems.at("issueLines", prefix).addAll(rowProblems);
      if (rowProblems.isEmpty()) {
        lines.add(line);
      }
    }
    if (lineRows.isEmpty()) {
      problems.add("issueLines", "请至少填写一行下达明细（下达到哪个市县、哪个项目、多少钱）");
    }
    duplicates(lines, problems.at("issueLines"));
    if (problems.isEmpty()) {
      sums("下达", lines, a.centralAmount(), a.provincialAmount(), "到位", localLabel(a.fundClass()),
          problems.at("issueLines"));
    }
    var recipients = new TreeSet<String>();
    lines.forEach(l -> recipients.add(l.recipientCode()));
    var decomposed = TargetDecomposition.decompose(a.targets(), recipients,
        rows(targetRows, "recipientCode"), this::name, "下达单位", problems.at("decomposedTargets"));
    var annual = annualTargets(a, lines, annualTargetRows, problems.at("annualTargets"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("资金下达有误，请修改后重新提交", problems);
    }
    return new PlannedIssue(issueNo, issueDate, List.copyOf(lines), List.copyOf(recipients),
        List.copyOf(decomposed), Map.copyOf(reasons), annual);
  }

  /**
   * Whether a fund class's projects need their annual targets issued with the money: GX 第二十五条
   * “所有专项资金支持的项目都要编制整体绩效目标和年度绩效目标”, GX 第二十六条 “自治区下达项目任务时，
   * 同步下达项目年度绩效目标” — every special fund; social money is not one (MNR 第十五条: 统计监测).
   */
  public static boolean annualTargetsRequired(FundClass fundClass) {
    return fundClass != FundClass.SOCIAL;
  }

  /**
   * The annual targets entered in the issue step, by project; and a problem for each funded
   * project that has no annual targets for the budget year and none entered here (GX 第二十五条、
   * 第二十六条: money is issued with the year's targets).
   */
  private Map<String, List<Map<String, Object>>> annualTargets(Allocation a, List<MoneyLine> lines,
      List<Map<String, Object>> annualTargetRows, List<String> problems) {
    var funded = new TreeSet<String>();
    lines.forEach(l -> funded.add(l.projectCode()));
    var entered = new LinkedHashMap<String, List<Map<String, Object>>>();
    for (int i = 0; annualTargetRows != null && i < annualTargetRows.size(); i++) {
      var row = annualTargetRows.get(i) == null ? Map.<String, Object>of() : annualTargetRows.get(i);
      var project = text(row.get("projectCode"));
      if (project == null || !funded.contains(project)) {
        problems.add("年度绩效目标第" + (i + 1) + "行：项目编码" + (project == null ? "未填写"
            : "“" + abbreviate(project) + "”不在下达明细中") + "，年度绩效目标只能随本次下达的项目填写");
        continue;
      }
      entered.computeIfAbsent(project, p -> new ArrayList<>()).add(row);
    }
    var year = a.budgetYear();
    for (var project : funded) {
      var has = catalogue.annualTargetYears(project).contains(year);
      var rows = entered.get(project);
      if (rows != null) {
        if (has) {
          problems.add("项目 " + project + " 已有" + year + "年度绩效目标，不能在此重复填写；如需调整请走实施方案调整（GX 第二十一条）");
          continue;
        }
        var rowProblems = new ArrayList<String>();
        IndicatorRows.parse(rows, "", rowProblems);
        rowProblems.forEach(p -> problems.add("项目 " + project + " 的年度绩效目标" + p));
      } else if (!has && annualTargetsRequired(a.fundClass())) {
        problems.add("项目 " + project + "（" + catalogue.get(project).name() + "）尚无" + year
            + "年度绩效目标：资金须与项目年度绩效目标同步下达（GX 第二十五条、第二十六条），请先下达该项目的"
            + year + "年度绩效目标，或在“年度绩效目标”中为其填写");
      }
    }
    var result = new LinkedHashMap<String, List<Map<String, Object>>>();
    entered.forEach((k, v) -> result.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(result);
  }

  /** A typed value the user must give, e.g. a date (read where it came in). */
  private static <T> T given(T value, String label, List<String> problems) {
    if (value == null) {
      problems.add("请填写" + label);
    }
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /**
   * The year's targets of the projects the money can go to, for the issue step (GX 第二十六条):
   * the year's selected projects (GX 第十五条) or, before a selection, the warehoused ones of the
   * allocation's direction in the issuing unit.
   */
  @Transactional(readOnly = true)
  public String annualTargetsSummary(String documentNo) {
    var a = get(documentNo);
    var selection = selection(a);
    var candidates = catalogue.warehousedWithin(a.provinceCode()).stream()
        .filter(p -> p.direction() == a.direction())
        .filter(p -> selection == null || selection.contains(p.code())).toList();
    if (candidates.isEmpty()) {
      return "暂无可安排资金的已入库项目";
    }
    var text = new StringBuilder();
    var shown = 0;
    for (var p : candidates) {
      var targets = catalogue.targetsFor(p.code(), a.budgetYear());
      var line = new StringBuilder(p.code()).append(" ").append(p.name()).append("：");
      if (targets.annual()) {
        line.append(targets.label()).append(" ").append(String.join("；",
            targets.indicators().stream().map(cn.fundmonitor.project.Indicator::describe).toList()));
      } else {
        line.append("尚未下达").append(a.budgetYear()).append("年度绩效目标")
            .append(annualTargetsRequired(a.fundClass()) ? "，下达资金前须补充，或在下方“年度绩效目标”中填写" : "");
      }
      if (text.length() + line.length() > MAX_SUMMARY_CHARS) {
        text.append("……另有 ").append(candidates.size() - shown)
            .append(" 个项目未列出，可按项目编码查询其年度绩效目标（GET /api/projects/{code}/targets）");
        break;
      }
      text.append(line).append('\n');
      shown++;
    }
    return text.toString().strip();
  }

  /**
   * The natural-resources department submits its checked plan to the province's fiscal department
   * (GX 第十八条: 自治区自然资源厅提出资金分配建议方案，自治区财政厅审核后下达); returns the plan in
   * words for the reviewer.
   */
  public String submitPlan(String documentNo, PlannedIssue plan, String actor) {
    var a = get(documentNo);
    var text = new StringBuilder()
        .append("拟下达文号：").append(plan.issueNo()).append("，拟下达日期：").append(plan.issueDate())
        .append('\n');
    for (var recipient : plan.recipients()) {
      var own = plan.lines().stream().filter(l -> l.recipientCode().equals(recipient)).toList();
      text.append(name(recipient)).append("：中央 ").append(sum(own, true).toWanText())
          .append("，省级 ").append(sum(own, false).toWanText()).append('\n');
      for (var l : own) {
        text.append("  ").append(l.projectCode()).append("：中央 ").append(l.central().toWanText())
            .append("，省级 ").append(l.provincial().toWanText()).append('\n');
      }
    }
    text.append("合计：中央 ").append(a.centralAmount().toWanText()).append("，省级 ")
        .append(a.provincialAmount().toWanText()).append("（与到位金额一致）");
    repository.addEvent(documentNo, new AllocationEvent(null, "PLAN_SUBMITTED", actor, now(),
        "资金分配建议方案报财政厅审核（GX 第十八条）：下达至 " + String.join("、",
            plan.recipients().stream().map(this::name).toList())));
    return text.toString();
  }

  /** The fiscal department sends the plan back with its reason (GX 第十八条). */
  public void returnPlan(String documentNo, String reason, String actor) {
    var a = get(documentNo);
    if (a.status() != AllocationStatus.RECEIVED) {
      throw new ConflictException("资金“" + documentNo + "”当前状态为“" + a.status().label() + "”，不能退回分配方案");
    }
    repository.addEvent(documentNo, new AllocationEvent(null, "PLAN_RETURNED", actor, now(),
        "财政厅退回资金分配方案：" + reason));
  }

  // --- refinement and filing (city/county) ---------------------------------------------------

  /** The recipient refines its part to projects (细化) and decomposes its targets to them. */
  public RecipientPart refine(String documentNo, String recipient, LocalDate refinedOn,
      List<Map<String, Object>> lineRows, List<Map<String, Object>> targetRows, String actor) {
    var a = get(documentNo);
    var part = part(documentNo, recipient);
    if (part.status() != PartStatus.ISSUED && part.status() != PartStatus.RETURNED) {
      throw new ConflictException(name(recipient) + "的细化当前为“" + part.status().label() + "”，不能重新细化");
    }
    var problems = new Problems();
    var refinedDate = given(refinedOn, "细化日期", problems.at("refinedOn"));
    if (refinedDate != null && (refinedDate.isBefore(a.issuedOn()) || refinedDate.isAfter(today()))) {
      problems.add("refinedOn", "细化日期应在资金下达日期（" + a.issuedOn() + "）与今天之间");
    }
    var division = organisation.get(recipient);
    var lines = new ArrayList<MoneyLine>();
    // projects the province issued to (selected, or with a reason recorded then) need none again
    var selection = selection(a);
    if (selection != null) {
      var allowed = new HashSet<String>(selection);
      repository.lines(documentNo, AllocationRepository.ISSUE).stream()
          .filter(l -> l.recipientCode().equals(recipient)).forEach(l -> allowed.add(l.projectCode()));
      selection = allowed;
    }
    var reasons = new LinkedHashMap<String, String>();
    for (int i = 0; i < lineRows.size(); i++) {
      var rowProblems = new ArrayList<String>();
      var line = line(a, division, lineRows.get(i), rowProblems, selection, reasons);
      problems.at("refinementLines", "第" + (i + 1) + "行：").addAll(rowProblems);
      if (rowProblems.isEmpty()) {
        lines.add(line);
      }
    }
    if (lineRows.isEmpty()) {
      problems.add("refinementLines", "请至少填写一行细化明细（细化到哪个项目、多少钱）");
    }
    duplicates(lines, problems.at("refinementLines"));
    if (problems.isEmpty()) {
      sums("细化", lines, part.central(), part.provincial(), "下达给" + name(recipient),
          localLabel(a.fundClass()), problems.at("refinementLines"));
    }
    var recipientTargets = repository.targets(documentNo, AllocationRepository.ISSUE, recipient,
        a.targets()).stream().map(DecomposedTarget::asIndicator).toList();
    var projects = new TreeSet<String>();
    lines.forEach(l -> projects.add(l.projectCode()));
    var decomposed = TargetDecomposition.decompose(recipientTargets, projects,
        rows(targetRows, "projectCode"), code -> "项目 " + code, "项目",
        problems.at("projectTargets"));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("资金细化有误，请修改后重新提交", problems);
    }
    repository.replaceLines(documentNo, AllocationRepository.REFINEMENT, recipient, lines);
    repository.replaceTargets(documentNo, AllocationRepository.REFINEMENT, recipient,
        decomposed.stream().map(t -> new DecomposedTarget(t.unitCode(), t.position(),
            a.targets().get(t.position() - 1), t.target(), t.inherited())).toList());
    // GX 第二十五条: factor-method targets are due 30 days after the issue the system recorded
    var filingDue = calendar.deadline(filingClockStart(a, refinedDate), FILING_DAYS);
    repository.recordRefinement(documentNo, recipient, refinedDate, actor, filingDue);
    move(part, PartStatus.REFINED);
    recordExceptions(documentNo, recipient, reasons, a, actor);
    repository.addEvent(documentNo, new AllocationEvent(recipient, "REFINED", actor, now(),
        "细化日期 " + refinedDate + "，细化到 " + projects.size() + " 个项目，应于 " + filingDue + " 前"
            + (a.method() == AllocationMethod.FACTOR
                ? "会同本级财政局向" + name(a.provinceCode()) + "自然资源厅报送项目绩效目标（因素法，GX 第二十五条）"
                : "报备")));
    return part(documentNo, recipient);
  }

  /**
   * The decomposition deadline as the rule states it (MNR 第十条: 市、县自然资源主管部门须在30日内
   * 通过系统将绩效目标分解情况向上级部门报备): 30 calendar days after the money and its targets were
   * issued; the engine's calendar moves it past days off.
   */
  public static LocalDate refinementDeadline(Allocation a) {
    return a.issuedOn().plusDays(DECOMPOSITION_DAYS);
  }

  /**
   * The filing deadline as the rule states it: 30 calendar days after refining (MNR 第九条); for
   * factor-method money 30 days after 资金下达 as the system recorded it (GX 第二十五条: 属于因素法分配
   * 的资金，市、县自然资源主管部门会同当地财政部门在资金下达……30日内向自治区自然资源厅报送细化到具体
   * 项目的绩效目标), whatever date the user typed.
   */
  public static LocalDate filingDeadline(Allocation a, RecipientPart part) {
    return filingClockStart(a, part.refinedOn()).plusDays(FILING_DAYS);
  }

  private static LocalDate filingClockStart(Allocation a, LocalDate refinedOn) {
    return a.method() == AllocationMethod.FACTOR && a.issueRecordedOn() != null
        ? a.issueRecordedOn() : refinedOn;
  }

  /**
   * Who files a recipient's refinement: its finance office; for factor-method money together with
   * its 财政局 (GX 第二十五条: 会同当地财政部门).
   */
  public static List<String> filingGroups(Allocation a, String financeGroup, String fiscalGroup) {
    return a.method() == AllocationMethod.FACTOR ? List.of(financeGroup, fiscalGroup)
        : List.of(financeGroup);
  }

  /**
   * The unit a recipient files with: its parent (MNR 第九条: 向上级部门报备); factor-method targets
   * go to the province (GX 第二十五条: 向自治区自然资源厅报送).
   */
  @Transactional(readOnly = true)
  public String filingSuperior(Allocation a, String recipient) {
    return a.method() == AllocationMethod.FACTOR ? a.provinceCode() : superiorOf(recipient);
  }

  /**
   * The recipient's fiscal department approves the refinement and releases the money to the
   * projects (GX 第五条第四项: 市、县财政部门负责专项资金审核拨付).
   */
  public void release(String documentNo, String recipient, String comment, String actor) {
    var part = part(documentNo, recipient);
    if (part.status() != PartStatus.REFINED) {
      throw new ConflictException(name(recipient) + "的细化当前为“" + part.status().label() + "”，不能审核拨付");
    }
    repository.addEvent(documentNo, new AllocationEvent(recipient, "RELEASED", actor, now(),
        "财政局审核拨付" + (blank(comment) ? "" : "：" + comment.strip())));
  }

  /** The fiscal department sends the refinement back with its reason; the recipient refines again. */
  public void returnRelease(String documentNo, String recipient, String reason, String actor) {
    if (blank(reason)) {
      throw new InvalidInputException("审核意见有误", "退回细化、不予拨付时必须填写原因");
    }
    var part = part(documentNo, recipient);
    move(part, PartStatus.RETURNED);
    repository.addEvent(documentNo, new AllocationEvent(recipient, "RELEASE_RETURNED", actor, now(),
        "财政局退回细化，暂不拨付：" + reason.strip()));
  }

  /** The recipient files (报备) its refinement with its superior. */
  public void file(String documentNo, String recipient, String note, String actor) {
    var part = part(documentNo, recipient);
    move(part, PartStatus.FILED);
    var now = now();
    repository.recordFiling(documentNo, recipient, actor, now);
    var late = now.toLocalDate().isAfter(part.filingDueOn());
    repository.addEvent(documentNo, new AllocationEvent(recipient, "FILED", actor, now,
        "报备细化结果" + (late ? "（逾期，应于 " + part.filingDueOn() + " 前报备）" : "")
            + (blank(note) ? "" : "：" + note.strip())));
  }

  public void acknowledge(String documentNo, String recipient, String comment, String actor) {
    var part = part(documentNo, recipient);
    move(part, PartStatus.ACKNOWLEDGED);
    var now = now();
    repository.recordAcknowledgement(documentNo, recipient, actor, now);
    repository.addEvent(documentNo, new AllocationEvent(recipient, "ACKNOWLEDGED", actor, now,
        "上级确认报备" + (blank(comment) ? "" : "：" + comment.strip())));
  }

  public void returnFiling(String documentNo, String recipient, String comment, String actor) {
    if (blank(comment)) {
      throw new InvalidInputException("确认意见有误", "退回报备时必须填写退回原因");
    }
    var part = part(documentNo, recipient);
    move(part, PartStatus.RETURNED);
    repository.addEvent(documentNo, new AllocationEvent(recipient, "RETURNED", actor, now(),
        "上级退回报备：" + comment.strip()));
  }

  /** All recipients' filings acknowledged: the allocation is complete. */
  public void complete(String documentNo, String actor) {
    var open = parts(documentNo).stream().filter(p -> p.status() != PartStatus.ACKNOWLEDGED)
        .map(p -> name(p.recipientCode())).toList();
    if (!open.isEmpty()) {
      throw new ConflictException("尚有单位的报备未确认：" + String.join("、", open));
    }
    repository.setStatus(documentNo, AllocationStatus.COMPLETED);
    repository.addEvent(documentNo, new AllocationEvent(null, "COMPLETED", actor, now(),
        "全部下达单位细化报备已确认"));
  }

  // --- reading ---------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Allocation get(String documentNo) {
    return repository.find(documentNo)
        .orElseThrow(() -> new NotFoundException("资金批复文号不存在：" + documentNo));
  }

  @Transactional(readOnly = true)
  public List<RecipientPart> parts(String documentNo) {
    return repository.parts(documentNo);
  }

  @Transactional(readOnly = true)
  public RecipientPart part(String documentNo, String recipient) {
    return repository.part(documentNo, recipient).orElseThrow(() ->
        new NotFoundException("资金 " + documentNo + " 未下达给 " + recipient));
  }

  @Transactional(readOnly = true)
  public List<MoneyLine> issuedLines(String documentNo) {
    return repository.lines(documentNo, AllocationRepository.ISSUE);
  }

  @Transactional(readOnly = true)
  public List<MoneyLine> refinedLines(String documentNo) {
    return repository.lines(documentNo, AllocationRepository.REFINEMENT);
  }

  @Transactional(readOnly = true)
  public List<DecomposedTarget> recipientTargets(String documentNo, String recipient) {
    return repository.targets(documentNo, AllocationRepository.ISSUE, recipient,
        get(documentNo).targets());
  }

  @Transactional(readOnly = true)
  public List<DecomposedTarget> projectTargets(String documentNo, String recipient) {
    return repository.targets(documentNo, AllocationRepository.REFINEMENT, recipient,
        get(documentNo).targets());
  }

  @Transactional(readOnly = true)
  public List<AllocationEvent> events(String documentNo) {
    return repository.events(documentNo);
  }

  /** The unit a recipient files with: its parent (a county's city, a city's province). */
  @Transactional(readOnly = true)
  public String superiorOf(String recipient) {
    return organisation.get(recipient).parentCode();
  }

  public String name(String divisionCode) {
    return organisation.find(divisionCode).map(Division::name).orElse(divisionCode);
  }

  // --- checks ------------------------------------------------------------------------------

  private Division recipient(String code, Allocation a, List<String> problems) {
    if (code == null) {
      problems.add("请填写下达单位（市、县行政区划代码）");
      return null;
    }
    var d = organisation.find(code);
    var unusable = organisation.unusable(code);
    if (unusable.isPresent()) {
      problems.add(unusable.get());
      return null;
    }
    if ((d.get().level() != DivisionLevel.CITY && d.get().level() != DivisionLevel.COUNTY)
        || !organisation.isWithin(code, a.provinceCode())) {
      problems.add(d.get().name() + "不是" + name(a.provinceCode()) + "所辖的市、县，资金只能下达至"
          + name(a.provinceCode()) + "本级或所辖市、县（MNR 第九条）");
      return null;
    }
    return d.get();
  }

  /**
   * The projects chosen for the allocation's year in its province (GX 第十五条: 每个预算年度9月前自治区
   * 从项目储备库中择优确定下一年度支持项目; MNR 第九条: 按照年度预算支持项目清单下达), or null when
   * the money is not bound by a selection: factor-method money; money other than the province's
   * special funds (a city's or county's own money, social money: the 自治区's selection is about its
   * 专项资金); or a year whose selection (annualProjectSelection) has not produced a list yet — until
   * then no project can be "outside" it, so none is refused.
   */
  private Set<String> selection(Allocation a) {
    if (a.method() != AllocationMethod.PROJECT || !selectionBinds(a.fundClass())) {
      return null;
    }
    var selected = catalogue.selectedFor(a.provinceCode(), a.budgetYear());
    return selected.isEmpty() ? null : Set.copyOf(selected);
  }

  /** The 自治区's yearly selection (GX 第十五条) binds its own special funds: central and provincial. */
  static boolean selectionBinds(FundClass fundClass) {
    return fundClass == FundClass.CENTRAL || fundClass == FundClass.PROVINCIAL;
  }

  private void recordExceptions(String documentNo, String recipient, Map<String, String> reasons,
      Allocation a, String actor) {
    reasons.forEach((project, reason) -> repository.addEvent(documentNo, new AllocationEvent(
        recipient, "UNSELECTED_FUNDED", actor, now(), "项目 " + project + " 不在" + a.budgetYear()
            + "年度遴选确定的支持项目中，例外安排资金（GX 第十五条），理由：" + reason)));
  }

  /** A money line for one project of a recipient: the project must be warehoused, there, and
   * of the allocation's direction (MNR 第九条: 未入库项目原则上不予安排资金); project-method money
   * goes to the year's selected projects, or to another one with a recorded reason (GX 第十五条). */
  private MoneyLine line(Allocation a, Division recipient, Map<String, Object> row,
      List<String> problems, Set<String> selection, Map<String, String> reasons) {
    var projectCode = text(row.get("projectCode"));
    var central = amountOrZero(row.get("centralShare"), "中央财政资金", problems);
    var provincial = amountOrZero(row.get("provincialShare"), localLabel(a.fundClass()), problems);
    if (projectCode == null) {
      problems.add("请填写项目编码");
      return null;
    }
    Project project;
    try {
      project = catalogue.get(projectCode);
    } catch (NotFoundException e) {
      problems.add("项目 " + projectCode + " 不存在");
      return null;
    }
    if (project.status() != ProjectStatus.WAREHOUSED) {
      problems.add("项目 " + projectCode + "（" + project.name() + "）未入库（当前状态：" + project.status().label()
          + "），未入库项目不予安排资金（MNR 第九条）");
    }
    if (recipient != null && !organisation.isWithin(project.regionCode(), recipient.code())) {
      problems.add("项目 " + projectCode + " 位于" + name(project.regionCode()) + "，不在" + recipient.name());
    }
    if (selection != null && !selection.contains(projectCode)) {
      var reason = optionalText(row.get("exceptionReason"), "项目 " + projectCode + " 的例外安排理由",
          MAX_EXCEPTION_REASON, problems);
      if (reason == null) {
        problems.add("项目 " + projectCode + "（" + project.name() + "）不在" + a.budgetYear()
            + "年度遴选确定的支持项目中，项目法资金只安排给遴选确定的项目（GX 第十五条）；确需例外安排的，请在“例外安排理由”中说明");
      } else {
        reasons.put(projectCode, reason);
      }
    }
    if (project.direction() != a.direction()) {
      problems.add("项目 " + projectCode + " 的方向为“" + project.direction().label() + "”，与本资金方向“"
          + a.direction().label() + "”不一致");
    }
    if (central != null && provincial != null && !central.plus(provincial).isPositive()) {
      problems.add("项目 " + projectCode + " 的金额合计须大于0元");
    }
    if (recipient == null || central == null || provincial == null) {
      return null;
    }
    return new MoneyLine(recipient.code(), projectCode, central, provincial);
  }

  private void duplicates(List<MoneyLine> lines, List<String> problems) {
    var seen = new HashSet<String>();
    for (var l : lines) {
      if (!seen.add(l.recipientCode() + "|" + l.projectCode())) {
        problems.add("项目 " + l.projectCode() + " 重复填写，请合并为一行");
      }
    }
  }

  /** The parts must add up to the whole, to the cent, central and provincial separately. */
  private static void sums(String verb, List<MoneyLine> lines, Yuan central, Yuan provincial,
      String whole, String localLabel, List<String> problems) {
    var c = sum(lines, true);
    var p = sum(lines, false);
    if (c.compareTo(central) != 0) {
      problems.add("中央财政资金" + verb + "合计 " + c + "，与" + whole + "的 " + central + "不一致（相差 "
          + c.minus(central) + "）");
    }
    if (p.compareTo(provincial) != 0) {
      problems.add(localLabel + verb + "合计 " + p + "，与" + whole + "的 " + provincial + "不一致（相差 "
          + p.minus(provincial) + "）");
    }
  }

  private static Yuan sum(List<MoneyLine> lines, boolean central) {
    return lines.stream().map(l -> central ? l.central() : l.provincial())
        .reduce(Yuan.ZERO, Yuan::plus);
  }

  /** Target rows keyed by the given unit column, renamed to unitCode for the decomposition. */
  private static List<Map<String, Object>> rows(List<Map<String, Object>> rows, String unitKey) {
    var result = new ArrayList<Map<String, Object>>();
    for (var row : rows) {
      var copy = new LinkedHashMap<String, Object>(row);
      copy.put("unitCode", row.get(unitKey));
      result.add(copy);
    }
    return result;
  }

  private static int year(Object value, List<String> problems) {
    var text = text(value);
    try {
      var year = Integer.parseInt(Objects.requireNonNull(text));
      if (year >= 2000 && year <= 2100) {
        return year;
      }
    } catch (RuntimeException e) {
      // reported below
    }
    problems.add("资金年度应为2000至2100之间的年份");
    return 0;
  }

  private void move(RecipientPart part, PartStatus to) {
    var allowed = switch (to) {
      case REFINED -> Set.of(PartStatus.ISSUED, PartStatus.RETURNED);
      case FILED -> Set.of(PartStatus.REFINED);
      case ACKNOWLEDGED -> Set.of(PartStatus.FILED);
      // the superior returns a filing; the fiscal department returns a refinement (GX 第五条第四项)
      case RETURNED -> Set.of(PartStatus.FILED, PartStatus.REFINED);
      case ISSUED -> Set.<PartStatus>of();
    };
    if (!allowed.contains(part.status())
        || !repository.movePart(part.documentNo(), part.recipientCode(), part.status(), to)) {
      throw new ConflictException(name(part.recipientCode()) + "的报备当前为“" + part.status().label()
          + "”，不能变更为“" + to.label() + "”");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
