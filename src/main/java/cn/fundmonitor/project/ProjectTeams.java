package cn.fundmonitor.project;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.util.List;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Who works on a project (issue 18: one home per rule): the Tasklist groups that every process
 * following a project — warehousing, lifecycle, plan adjustment, quarterly filing,
 * self-evaluation — gives its tasks to. Each group is a department of one authority
 * ({@link UnitGroup}); the project's direction names the department ({@link Direction#reviewingRole}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProjectTeams {

  private final OrganisationService organisation;

  /** The applicant's department that answers returns: the applicant unit, the direction's role. */
  public UnitGroup applicantGroup(Project p) {
    return UnitGroup.of(p.applicantUnitCode(), p.direction().reviewingRole());
  }

  /** The applicant unit's finance office. */
  public UnitGroup financeGroup(Project p) {
    return UnitGroup.of(p.applicantUnitCode(), Role.FINANCE);
  }

  /** The applicant unit's 财政局 (GX 第二十三条: 决算报告报当地财政部门审批). */
  public UnitGroup fiscalGroup(Project p) {
    return UnitGroup.of(p.applicantUnitCode(), Role.FISCAL);
  }

  /**
   * The project unit's groups, as a candidate-groups list ({@code 450102-finance,450102-eco}): its
   * finance office and its department of the direction, who fill the project's filings,
   * self-evaluations, plan adjustments and lifecycle reports.
   */
  public String unitGroups(Project p) {
    return List.of(financeGroup(p), applicantGroup(p)).stream().map(UnitGroup::id)
        .collect(Collectors.joining(","));
  }

  /**
   * The province department that reviews: the province of the project's region (of the
   * applicant when the region has none), the direction's role.
   */
  public UnitGroup reviewGroup(Project p) {
    var province = organisation.provinceOf(p.regionCode())
        .or(() -> organisation.provinceOf(p.applicantUnitCode()))
        .orElseThrow(() -> new InvalidApplicationException("无法确定项目所在省份"));
    return UnitGroup.of(province.code(), p.direction().reviewingRole());
  }

  /**
   * The finance office above the applicant unit (its parent; the unit's own when it has none),
   * which reviews the unit's self-evaluation (GX 第二十八条: 设区市自然资源局…审核汇总).
   */
  public UnitGroup superiorFinanceGroup(Project p) {
    var unit = p.applicantUnitCode();
    var superior = organisation.get(unit).parentCode();
    return UnitGroup.of(superior == null ? unit : superior, Role.FINANCE);
  }

  /**
   * The province department of the applicant unit that decides on its project's life
   * (termination, force majeure); the unit itself when it belongs to no province.
   */
  public UnitGroup applicantProvinceGroup(Project p) {
    var unit = p.applicantUnitCode();
    return UnitGroup.of(organisation.provinceOf(unit).map(d -> d.code()).orElse(unit),
        p.direction().reviewingRole());
  }
}
