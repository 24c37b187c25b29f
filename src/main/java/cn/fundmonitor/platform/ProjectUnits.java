package cn.fundmonitor.platform;

import java.util.Optional;

/**
 * Where a project belongs, as {@link JurisdictionGuard} checks it: the region it is in and the unit
 * that applied for it. Implemented by {@code project/}, so the guard depends on no feature.
 */
public interface ProjectUnits {

  /** The project's region and applicant unit, or empty when there is no such project. */
  Optional<Units> of(String projectCode);

  /** Division codes: the project's region and its applicant unit. */
  record Units(String regionCode, String applicantUnitCode) {}
}
