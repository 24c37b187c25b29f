package cn.fundmonitor.project;

import cn.fundmonitor.platform.ProjectUnits;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link ProjectUnits} for the jurisdiction guard, from the reserve. */
@Component
class ProjectUnitsLookup implements ProjectUnits {

  private final ProjectReserveService reserve;

  ProjectUnitsLookup(ProjectReserveService reserve) {
    this.reserve = reserve;
  }

  @Override
  public Optional<Units> of(String projectCode) {
    return reserve.find(projectCode).map(p -> new Units(p.regionCode(), p.applicantUnitCode()));
  }
}
