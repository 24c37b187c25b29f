package cn.fundmonitor.support;

import static cn.fundmonitor.support.TestUsers.GUANGXI_ECO;

import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectTargets;
import cn.fundmonitor.project.ProjectWarehousing;
import cn.fundmonitor.project.RawApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Projects put in the reserve through the service, for tests of later workflows (which must not
 * run projectWarehousing partly: their coverage gate would count it).
 */
@Component
public class Projects {

  private final ProjectCatalogue catalogue;
  private final ProjectWarehousing warehousing;
  private final ProjectTargets projectTargets;
  private final TestUsers users;

  Projects(ProjectCatalogue catalogue, ProjectWarehousing warehousing,
      ProjectTargets projectTargets, TestUsers users) {
    this.catalogue = catalogue;
    this.warehousing = warehousing;
    this.projectTargets = projectTargets;
    this.users = users;
  }

  /** A warehoused eco-restoration project of the given unit and region. */
  public String warehoused(String applicant, String region, String name) {
    var code = underReview(applicant, region, name);
    warehousing.warehouse(code, GUANGXI_ECO, "同意入库");
    return code;
  }

  /** A warehoused project of another direction (e.g. GEOHAZARD), reviewed by its department. */
  public String warehoused(String applicant, String region, String name, String direction) {
    var r = Applications.withRegion(Applications.xingningRestoration(name), region);
    var p = warehousing.register(null, new RawApplication(r.projectName(), r.regionCode(), direction,
        r.fundClass(), r.requestedAmount(), r.projectDescription(), r.indicators()), applicant,
        users.groups(applicant), null);
    warehousing.recordEligibility(p.code(), List.of());
    warehousing.warehouse(p.code(), GUANGXI_ECO, "同意入库");
    return p.code();
  }

  /**
   * The province issues the project's annual targets for a budget year (GX 第二十六条), here the
   * overall targets it was warehoused with; money for that year can then be issued to it.
   */
  public String withAnnualTargets(String code, int year) {
    projectTargets.recordAnnualTargets(code, year, overallAsRows(code), TestUsers.GUANGXI_FINANCE);
    return code;
  }

  /**
   * Rows for the issue step's 年度绩效目标 (the project's overall targets, with its code) when the
   * project has no annual targets for the year, else none.
   */
  public List<Map<String, Object>> annualTargetRowsIfMissing(String code, int year) {
    if (catalogue.annualTargetYears(code).contains(year)) {
      return List.of();
    }
    return overallAsRows(code).stream().map(r -> {
      var row = new LinkedHashMap<>(r);
      row.put("projectCode", code);
      return (Map<String, Object>) row;
    }).toList();
  }

  private List<Map<String, Object>> overallAsRows(String code) {
    return IndicatorRows.rows(catalogue.get(code).indicators());
  }

  /** An application still waiting for the province's review: not in the reserve yet. */
  public String underReview(String applicant, String region, String name) {
    var r = Applications.withRegion(Applications.xingningRestoration(name), region);
    var p = warehousing.register(null, new RawApplication(r.projectName(), r.regionCode(),
        r.direction(), r.fundClass(), r.requestedAmount(), r.projectDescription(), r.indicators()),
        applicant, users.groups(applicant), null);
    warehousing.recordEligibility(p.code(), List.of());
    return p.code();
  }
}
