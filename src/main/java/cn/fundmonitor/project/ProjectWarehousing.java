package cn.fundmonitor.project;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.UnitGroup;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting projects in the reserve (项目储备库, MNR 第九条; GX 第十五条): applications are filed,
 * checked, reviewed and warehoused here, every transition recorded with who, when and why; and
 * the province's yearly choice of the warehoused projects it supports next year.
 */
@Service
@Transactional
public class ProjectWarehousing {

  public static final String SYSTEM_ACTOR = "system";
  public static final int MAX_COMMENT = 2000;
  private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,39}");

  private final ProjectRepository projects;
  private final ProjectCatalogue catalogue;
  private final ProjectTeams teams;
  private final OrganisationService organisation;
  private final Clock clock;

  ProjectWarehousing(ProjectRepository projects, ProjectCatalogue catalogue,
      OrganisationService organisation, ProjectTeams teams, Clock clock) {
    this.projects = projects;
    this.catalogue = catalogue;
    this.teams = teams;
    this.organisation = organisation;
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

  /** Records the outcome of the eligibility check (DMN projectEligibility). */
  public void recordEligibility(String code, List<String> reasons) {
    var p = catalogue.get(code);
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
    var p = catalogue.get(code);
    requireCanMove(p, ProjectStatus.APPLIED);
    var application = validate(raw, p.applicantUnitCode());
    var changes = changes(p, application);
    var now = now();
    projects.updateApplication(code, application, now);
    var reason = "修改后重新提交" + (changes.isEmpty() ? "（未修改申报内容）" : "：" + String.join("；", changes))
        + (blank(note) ? "" : "。说明：" + note.strip());
    transition(p, p.status(), ProjectStatus.APPLIED, actor, reason);
    return catalogue.get(code);
  }

  public void returnForCorrection(String code, String actor, String comment) {
    var p = catalogue.get(code);
    transition(p, ProjectStatus.UNDER_REVIEW, ProjectStatus.RETURNED, actor,
        "退回修改：" + requiredComment(comment, "退回修改"));
  }

  /** Approval files the project and puts it in the reserve (备案入库). */
  public void warehouse(String code, String actor, String comment) {
    var p = catalogue.get(code);
    optionalComment(comment);
    transition(p, ProjectStatus.UNDER_REVIEW, ProjectStatus.WAREHOUSED, actor,
        "审核通过，备案入库" + (blank(comment) ? "" : "：" + comment.strip()));
  }

  public void reject(String code, String actor, String comment) {
    var p = catalogue.get(code);
    transition(p, ProjectStatus.UNDER_REVIEW, ProjectStatus.REJECTED, actor,
        "不予入库：" + requiredComment(comment, "不予入库"));
  }

  public void withdraw(String code, String actor, String note) {
    var p = catalogue.get(code);
    optionalComment(note);
    transition(p, p.status(), ProjectStatus.WITHDRAWN, actor,
        "申报单位撤回申报" + (blank(note) ? "" : "：" + note.strip()));
  }

  // --- yearly selection of next year's supported projects (GX 第十五条) ---

  /** Records the province's choice; every chosen project must be warehoused and in the province. */
  public List<String> select(String provinceCode, int budgetYear, Collection<String> codes,
      String actor, String note) {
    optionalComment(note);
    var candidates = catalogue.selectionCandidates(provinceCode, budgetYear).stream()
        .map(Project::code).collect(Collectors.toSet());
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
    projects.addHistory(p.code(), new StatusChange(from, to, actor, now,
        StatusChange.truncate(reason)));
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

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
