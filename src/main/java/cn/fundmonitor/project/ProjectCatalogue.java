package cn.fundmonitor.project;

import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the project reserve (项目储备库, MNR 第九条; GX 第十五条) holds, read-only: projects, their
 * status history and targets, who reviews them, what a unit may see, and the candidates for the
 * yearly selection. The commands live in {@link ProjectWarehousing} and {@link ProjectTargets}.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProjectCatalogue {

  private final ProjectRepository projects;
  private final OrganisationService organisation;

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

  // --- who works on a project ---

  // --- what a unit may see (MNR 第二十三条: data only within one's duties) ---

  @Transactional(readOnly = true)
  public List<Project> visibleTo(Collection<String> groupIds, Optional<ProjectStatus> status) {
    return projects.findVisible(organisation.jurisdiction(groupIds), status);
  }

  @Transactional(readOnly = true)
  public Project visibleProject(String code, Collection<String> groupIds) {
    var p = projects.find(code).orElse(null);
    var scope = organisation.jurisdiction(groupIds);
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
}
