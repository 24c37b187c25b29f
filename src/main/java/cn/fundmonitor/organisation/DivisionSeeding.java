package cn.fundmonitor.organisation;

import cn.fundmonitor.common.MultiRowInsert;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Organisation's seeding door (issue 18): bulk data sets (the national dataset) add divisions
 * through it, in multi-row inserts, instead of writing fm_division themselves. Not for running
 * changes: those go through {@link OrganisationService} and the divisions feature.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DivisionSeeding {

  /** A division to add; {@code parentCode} is null for the ministry. */
  public record SeededDivision(String code, String name, DivisionLevel level, String parentCode) {}

  private final JdbcTemplate jdbc;

  /** The codes of the divisions in the table now (abolished ones too). */
  public Set<String> existingCodes() {
    return new HashSet<>(jdbc.queryForList("select code from fm_division", String.class));
  }

  /** Adds the divisions, parents before children. */
  public void insert(List<SeededDivision> divisions) {
    MultiRowInsert.insert(jdbc,
        "insert into fm_division (code, name, level, parent_code) values (?, ?, ?, ?)", divisions,
        d -> new Object[] {d.code(), d.name(), d.level().name(), d.parentCode()});
  }
}
