package cn.fundmonitor.project;

import cn.fundmonitor.platform.ProjectUnits;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** {@link ProjectUnits} for the jurisdiction guard, from the catalogue of projects. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProjectUnitsLookup implements ProjectUnits {

  private final ProjectCatalogue catalogue;

  @Override
  public Optional<Units> of(String projectCode) {
    return catalogue.find(projectCode).map(p -> new Units(p.regionCode(), p.applicantUnitCode()));
  }
}
