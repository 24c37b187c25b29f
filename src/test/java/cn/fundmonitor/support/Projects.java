package cn.fundmonitor.support;

import static cn.fundmonitor.support.TestUsers.GUANGXI_ECO;

import cn.fundmonitor.project.ProjectReserveService;
import cn.fundmonitor.project.RawApplication;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Projects put in the reserve through the service, for tests of later workflows (which must not
 * run projectWarehousing partly: their coverage gate would count it).
 */
@Component
public class Projects {

  private final ProjectReserveService reserve;
  private final TestUsers users;

  Projects(ProjectReserveService reserve, TestUsers users) {
    this.reserve = reserve;
    this.users = users;
  }

  /** A warehoused eco-restoration project of the given unit and region. */
  public String warehoused(String applicant, String region, String name) {
    var code = underReview(applicant, region, name);
    reserve.warehouse(code, GUANGXI_ECO, "同意入库");
    return code;
  }

  /** A warehoused project of another direction (e.g. GEOHAZARD), reviewed by its department. */
  public String warehoused(String applicant, String region, String name, String direction) {
    var r = Applications.withRegion(Applications.xingningRestoration(name), region);
    var p = reserve.register(null, new RawApplication(r.projectName(), r.regionCode(), direction,
        r.fundClass(), r.requestedAmount(), r.projectDescription(), r.indicators()), applicant,
        users.groups(applicant), null);
    reserve.recordEligibility(p.code(), List.of());
    reserve.warehouse(p.code(), GUANGXI_ECO, "同意入库");
    return p.code();
  }

  /** An application still waiting for the province's review: not in the reserve yet. */
  public String underReview(String applicant, String region, String name) {
    var r = Applications.withRegion(Applications.xingningRestoration(name), region);
    var p = reserve.register(null, new RawApplication(r.projectName(), r.regionCode(),
        r.direction(), r.fundClass(), r.requestedAmount(), r.projectDescription(), r.indicators()),
        applicant, users.groups(applicant), null);
    reserve.recordEligibility(p.code(), List.of());
    return p.code();
  }
}
