package cn.fundmonitor.project;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project reserve (项目储备库, MNR 第九条; GX 第十五条): applications are filed, checked,
 * reviewed and warehoused here, every transition recorded with who, when and why.
 */
@Service
@Transactional
public class ProjectReserveService {

  public static final String SYSTEM_ACTOR = "system";
  public static final int MAX_COMMENT = 2000;
  private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,39}");

  private final ProjectRepository projects;
  private final OrganisationService organisation;
  private final ProjectTeams teams;
  private final Clock clock;

  ProjectReserveService(ProjectRepository projects, OrganisationService organisation,
      ProjectTeams teams, Clock clock) {
    this.projects = projects;
    this.organisation = organisation;
    this.teams = teams;
    this.clock = clock;
  }

  /**
   * The unit an applicant applies for: the one division among its unit groups. Cities and
   * counties apply all year (GX 第十五条); provinces review and the ministry supervises.
   */
  @Transactional(readOnly = true)
  public Division applicantUnit(String userId, Collection<String> groupIds) {
    var units = OrganisationService.unitGroups(groupIds).stream().map(UnitGroup::divisionCode)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (units.isEmpty()) {
      throw new InvalidApplicationException("账号“" + userId + "”不属于任何单位，无法申报项目，请联系管理员");
    }
    if (units.size() > 1) {
      throw new InvalidApplicationException("账号“" + userId + "”同时属于多个单位（" + String.join("、", units)
          + "），无法确定申报单位，请联系管理员");
    }
    var unit = organisation.find(units.iterator().next()).orElseThrow(() ->
        new InvalidApplicationException("账号所属单位 " + units.iterator().next() + " 不在行政区划表中"));
    if (unit.level() != DivisionLevel.CITY && unit.level() != DivisionLevel.COUNTY) {
      throw new InvalidApplicationException(
          "项目入库由市、县自然资源主管部门申报（GX 第十五条），" + unit.name() + "不能申报");
    }
    return unit;
  }

  /** Files a new application; idempotent per process instance. */
  public Project register(String requestedCode, RawApplication raw, String applicant,
      Collection<String> applicantGroups, String processInstanceId) {
    var existing = Optional.ofNullable(processInstanceId).flatMap(projects::findByProcessInstance);
    if (existing.isPresent()) {
      return existing.get();
    }
    var unit = applicantUnit(applicant, applicantGroups);
    var application = validate(raw, unit.code());
    var now = now();
    var code = projectCode(requestedCode, application.regionCode(), now.getYear());
    var project = new Project(code, application.name(), application.regionCode(), unit.code(),
        application.direction(), application.fundClass(), application.requestedAmount(),
        application.description(), ProjectStatus.APPLIED, processInstanceId, applicant, now, now,
        application.indicators());
    projects.insert(project);
    projects.addHistory(code, new StatusChange(null, ProjectStatus.APPLIED, applicant, now,
        "提交项目入库申报"));
    return project;
  }

  public ProjectApplication validate(RawApplication raw, String applicantUnitCode) {
    var region = raw.regionCode() == null ? null : raw.regionCode().toString().trim();
    organisation.find(region).filter(d -> !d.active()).ifPresent(d -> {
      throw new InvalidApplicationException(List.of(organisation.unusable(region).orElseThrow()));
    });
    return ApplicationValidator.validate(raw, applicantUnitCode,
        code -> organisation.find(code).isPresent());
  }

  @Transactional(readOnly = true)
  public EligibilityFacts eligibilityFacts(String code) {
    var p = get(code);
    var applicantProvince = organisation.provinceOf(p.applicantUnitCode()).map(Division::code);
    var regionProvince = organisation.provinceOf(p.regionCode()).map(Division::code);
    return new EligibilityFacts(p.direction().name(),
        (int) count(p, IndicatorLevel.OUTPUT, false), (int) count(p, IndicatorLevel.BENEFIT, false),
        (int) count(p, IndicatorLevel.OUTPUT, true), p.requestedAmount().amount(),
        applicantProvince.isPresent() && applicantProvince.equals(regionProvince));
  }

  private static long count(Project p, IndicatorLevel level, boolean qualitativeOnly) {
    return p.indicators().stream()
        .filter(i -> i.level() == level && (!qualitativeOnly || !i.isQuantified())).count();
  }

  /** Records the outcome of the eligibility check (DMN projectEligibility). */
  public void recordEligibility(String code, List<String> reasons) {
    var p = get(code);
    if (reasons.isEmpty()) {
      var group = teams.reviewGroup(p);
      transition(p, ProjectStatus.APPLIED, ProjectStatus.UNDER_REVIEW, SYSTEM_ACTOR,
          "资格审查通过，提交" + organisation.get(group.divisionCode()).name()
              + group.role().label() + "部门审核");
    } else {
      transition(p, ProjectStatus.APPLIED, ProjectStatus.NOT_ELIGIBLE, SYSTEM_ACTOR,
          "资格审查未通过：" + String.join("；", reasons));
    }
  }

  /** The applicant corrects a returned or ineligible application and files it again. */
  public Project resubmit(String code, RawApplication raw, String actor, String note) {
    var p = get(code);
    requireCanMove(p, ProjectStatus.APPLIED);
    var application = validate(raw, p.applicantUnitCode());
    var changes = changes(p, application);
    var now = now();
    projects.updateApplication(code, application, now);
    var reason = "修改后重新提交" + (changes.isEmpty() ? "（未修改申报内容）" : "：" + String.join("；", changes))
        + (blank(note) ? "" : "。说明：" + note.strip());
    transition(p, p.status(), ProjectStatus.APPLIED, actor, reason);
    return get(code);
  }

  /**
   * Checks an adjusted plan's indicators against the warehoused ones (GX 第二十一条): parsed as
   * an application's, never lower; returns them, or refuses with every problem named.
   */
  @Transactional(readOnly = true)
  public List<Indicator> checkAdjustment(String code, List<java.util.Map<String, Object>> rows) {
    var p = get(code);
    if (p.status() != ProjectStatus.WAREHOUSED) {
      throw new ConflictException("项目“" + p.name() + "”当前状态为“" + p.status().label() + "”，只有已入库项目可调整实施方案");
    }
    var problems = new java.util.ArrayList<String>();
    var adjusted = IndicatorRows.parse(rows, "请填写调整后的全部绩效指标（原有指标不得删除）", problems);
    if (problems.isEmpty()) {
      problems.addAll(TargetAdjustment.problems(p.indicators(), adjusted));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("实施方案调整有误", problems);
    }
    return adjusted;
  }

  /** The province approved an adjusted plan: the new indicators replace the old, with the reason. */
  public void adjustTargets(String code, List<Indicator> adjusted, String actor, String reason) {
    var p = get(code);
    var now = now();
    projects.replaceIndicators(code, adjusted, now);
    projects.addHistory(code, new StatusChange(p.status(), p.status(), actor, now, truncate(reason)));
  }

  // --- overall and annual targets (GX 第二十五条、第二十六条) ---

  /**
   * The targets the project's year is measured against: the year's annual targets, or the
   * overall ones where the province issued none for the year (GX 第二十五条、第二十六条).
   */
  @Transactional(readOnly = true)
  public YearTargets targetsFor(String code, int year) {
    var annual = projects.annualIndicators(code, year);
    return annual.isEmpty() ? new YearTargets(code, year, false, get(code).indicators())
        : new YearTargets(code, year, true, annual);
  }

  /** The years the province issued annual targets for: the years the project runs. */
  @Transactional(readOnly = true)
  public List<Integer> annualTargetYears(String code) {
    return projects.annualYears(code);
  }

  /**
   * The province issues a warehoused project's targets for one budget year with the year's task
   * (GX 第二十六条: 自治区下达项目任务时，同步下达项目年度绩效目标和总体绩效目标): the department that
   * reviews the project or the province's finance office. Once a quarterly filing of the year is
   * open its actuals are kept against the year's targets, so they can no longer be replaced (a
   * change then goes through the plan adjustment, GX 第二十一条).
   */
  public YearTargets issueAnnualTargets(String code, int year, List<java.util.Map<String, Object>> rows,
      String actor, Collection<String> callerGroups) {
    var p = get(code);
    var reviewers = teams.reviewGroup(p);
    var allowed = Set.of(reviewers.id(), UnitGroup.of(reviewers.divisionCode(), Role.FINANCE).id());
    if (callerGroups.stream().noneMatch(allowed::contains)) {
      throw new AccessDeniedException("annual targets of " + code);
    }
    return recordAnnualTargets(code, year, rows, actor);
  }

  /**
   * Records a project's annual targets issued together with the year's money (GX 第二十六条), in
   * the fund allocation's issue step: the allocation checked who issues it and the 财政厅 reviewed
   * it, so no group check here. Same rules as {@link #issueAnnualTargets}.
   */
  public YearTargets recordAnnualTargets(String code, int year,
      List<java.util.Map<String, Object>> rows, String actor) {
    var p = get(code);
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("年度绩效目标有误", "预算年度应为 2000 至 2100 年之间的四位年份");
    }
    if (p.status() != ProjectStatus.WAREHOUSED) {
      throw new ConflictException("项目“" + p.name() + "”当前状态为“" + p.status().label()
          + "”，只有已入库项目可下达年度绩效目标");
    }
    var problems = new java.util.ArrayList<String>();
    var targets = IndicatorRows.parse(rows, "请填写该年度的绩效指标（年度绩效目标）", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("年度绩效目标有误", problems);
    }
    if (projects.filingOpened(code, year)) {
      throw new ConflictException("项目“" + p.name() + "” " + year
          + " 年度的季度填报已经开始，年度绩效目标不能再更改；如需调整请走实施方案调整（GX 第二十一条）");
    }
    var now = now();
    projects.replaceAnnualIndicators(code, year, targets, actor, now);
    projects.addHistory(code, new StatusChange(p.status(), p.status(), actor, now, truncate(
        "下达 " + year + " 年度绩效目标（GX 第二十六条）：" + String.join("；",
            targets.stream().map(Indicator::describe).toList()))));
    return targetsFor(code, year);
  }

  public void returnForCorrection(String code, String actor, String comment) {
    var p = get(code);
    transition(p, ProjectStatus.UNDER_REVIEW, ProjectStatus.RETURNED, actor,
        "退回修改：" + requiredComment(comment, "退回修改"));
  }

  /** Approval files the project and puts it in the reserve (备案入库). */
  public void warehouse(String code, String actor, String comment) {
    var p = get(code);
    optionalComment(comment);
    transition(p, ProjectStatus.UNDER_REVIEW, ProjectStatus.WAREHOUSED, actor,
        "审核通过，备案入库" + (blank(comment) ? "" : "：" + comment.strip()));
  }

  public void reject(String code, String actor, String comment) {
    var p = get(code);
    transition(p, ProjectStatus.UNDER_REVIEW, ProjectStatus.REJECTED, actor,
        "不予入库：" + requiredComment(comment, "不予入库"));
  }

  public void withdraw(String code, String actor, String note) {
    var p = get(code);
    optionalComment(note);
    transition(p, p.status(), ProjectStatus.WITHDRAWN, actor,
        "申报单位撤回申报" + (blank(note) ? "" : "：" + note.strip()));
  }

  @Transactional(readOnly = true)
  public Optional<Project> find(String code) {
    return projects.find(code);
  }

  @Transactional(readOnly = true)
  public Project get(String code) {
    return projects.find(code).orElseThrow(() -> new NotFoundException("项目不存在：" + code));
  }

  @Transactional(readOnly = true)
  public List<StatusChange> history(String code) {
    return projects.history(code);
  }

  // --- what a unit may see (MNR 第二十三条: data only within one's duties) ---

  /** The divisions a user's units look after: {@link OrganisationService#jurisdiction}. */
  @Transactional(readOnly = true)
  public Set<String> jurisdiction(Collection<String> groupIds) {
    return organisation.jurisdiction(groupIds);
  }

  @Transactional(readOnly = true)
  public List<Project> visibleTo(Collection<String> groupIds, Optional<ProjectStatus> status) {
    return projects.findVisible(jurisdiction(groupIds), status);
  }

  @Transactional(readOnly = true)
  public Project visibleProject(String code, Collection<String> groupIds) {
    var p = projects.find(code).orElse(null);
    var scope = jurisdiction(groupIds);
    if (p == null || !(scope.contains(p.regionCode()) || scope.contains(p.applicantUnitCode()))) {
      throw new NotFoundException("项目不存在或您无权查看：" + code);
    }
    return p;
  }

  // --- yearly selection of next year's supported projects (GX 第十五条) ---

  /** Provinces that have warehoused projects not yet chosen for the budget year. */
  @Transactional(readOnly = true)
  public List<String> provincesWithCandidates(int budgetYear) {
    return organisation.all().stream()
        .filter(d -> d.level() == DivisionLevel.PROVINCE)
        .map(Division::code).sorted()
        .filter(code -> !selectionCandidates(code, budgetYear).isEmpty())
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Project> selectionCandidates(String provinceCode, int budgetYear) {
    var regions = organisation.subtree(provinceCode);
    var chosen = Set.copyOf(projects.selectedFor(budgetYear, regions));
    return projects.findByStatusInProvinceRegions(ProjectStatus.WAREHOUSED, regions).stream()
        .filter(p -> !chosen.contains(p.code())).toList();
  }

  /** Records the province's choice; every chosen project must be warehoused and in the province. */
  public List<String> select(String provinceCode, int budgetYear, Collection<String> codes,
      String actor, String note) {
    optionalComment(note);
    var candidates = selectionCandidates(provinceCode, budgetYear).stream().map(Project::code)
        .collect(Collectors.toSet());
    var problems = new ArrayList<String>();
    var chosen = new LinkedHashSet<String>();
    for (var code : codes) {
      if (candidates.contains(code)) {
        chosen.add(code);
      } else {
        problems.add("项目 " + code + " 不是本省已入库且尚未遴选的项目");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("遴选结果有误", problems);
    }
    var now = now();
    chosen.forEach(code -> projects.insertSelection(code, budgetYear, actor, now,
        blank(note) ? null : note.strip()));
    return List.copyOf(chosen);
  }

  /** Warehoused projects in a unit and the units below it: the projects money can go to. */
  @Transactional(readOnly = true)
  public List<Project> warehousedWithin(String unitCode) {
    return projects.findByStatusInProvinceRegions(ProjectStatus.WAREHOUSED,
        organisation.subtree(unitCode));
  }

  @Transactional(readOnly = true)
  public List<String> selectedFor(String provinceCode, int budgetYear) {
    return projects.selectedFor(budgetYear, organisation.subtree(provinceCode));
  }

  // --- helpers ---

  private static void requireCanMove(Project p, ProjectStatus to) {
    if (!p.status().canMoveTo(to)) {
      throw new ConflictException("项目“" + p.name() + "”当前状态为“" + p.status().label() + "”，不能变更为“"
          + to.label() + "”");
    }
  }

  private void transition(Project p, ProjectStatus from, ProjectStatus to, String actor,
      String reason) {
    if (p.status() != from) {
      throw new ConflictException("项目“" + p.name() + "”当前状态为“" + p.status().label() + "”，已被他人处理");
    }
    requireCanMove(p, to);
    var now = now();
    if (!projects.updateStatus(p.code(), from, to, now)) {
      throw new ConflictException("项目“" + p.name() + "”已被他人处理，请刷新后重试");
    }
    projects.addHistory(p.code(), new StatusChange(from, to, actor, now, truncate(reason)));
  }

  private String projectCode(String requested, String regionCode, int year) {
    if (!blank(requested)) {
      if (!PROJECT_CODE.matcher(requested).matches()) {
        throw new InvalidApplicationException(
            "项目编码“" + requested + "”格式不正确：3-40位字母、数字或连字符");
      }
      if (projects.exists(requested)) {
        throw new InvalidApplicationException("项目编码“" + requested + "”已被使用");
      }
      return requested;
    }
    return "%s-%d-%04d".formatted(regionCode, year, projects.nextSequence(regionCode, year));
  }

  private List<String> changes(Project p, ProjectApplication a) {
    var changes = new ArrayList<String>();
    diff(changes, "项目名称", p.name(), a.name());
    diff(changes, "项目所在地", p.regionCode(), a.regionCode());
    diff(changes, "申报方向", p.direction().label(), a.direction().label());
    diff(changes, "资金类型", p.fundClass().label(), a.fundClass().label());
    diff(changes, "申报金额（元）", p.requestedAmount().amount().toPlainString(),
        a.requestedAmount().amount().toPlainString());
    if (!Objects.equals(p.description(), a.description())) {
      changes.add("项目简介已修改");
    }
    var before = p.indicators().stream().map(Indicator::describe).toList();
    var after = a.indicators().stream().map(Indicator::describe).toList();
    if (!before.equals(after)) {
      changes.add("绩效指标由［" + String.join("，", before) + "］改为［" + String.join("，", after) + "］");
    }
    return changes;
  }

  private static void diff(List<String> changes, String label, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(label + "由“" + before + "”改为“" + after + "”");
    }
  }

  private static String requiredComment(String comment, String action) {
    if (blank(comment)) {
      throw new InvalidInputException("审核意见有误", "选择“" + action + "”时必须填写审核意见，说明原因");
    }
    optionalComment(comment);
    return comment.strip();
  }

  private static void optionalComment(String comment) {
    if (comment != null && comment.strip().length() > MAX_COMMENT) {
      throw new InvalidInputException("意见有误", "意见不能超过" + MAX_COMMENT + "个字");
    }
  }

  private static String truncate(String reason) {
    return reason.length() <= 4000 ? reason : reason.substring(0, 3999) + "…";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
