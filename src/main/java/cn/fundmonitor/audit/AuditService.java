package cn.fundmonitor.audit;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.OrganisationService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading the audit trail (issue 13) within the reader's jurisdiction (MNR 第二十三条): the
 * ministry reads all of it; a province, city or county reads the rows of its own unit and of the
 * units beneath it — the same rule as for the data itself (SPEC §4: a unit sees its own data and
 * its subordinates'), so a county sees who changed its filings and what a superior's correction
 * did to them (MNR 第二十二条), and never another county's. Accounts without a unit (the
 * administrator, policy owners) do not read it: the audit watches filed figures, not the system.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditService {

  static final int MAX_PAGE_SIZE = 500;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;
  private final OrganisationService organisation;
  private final AuditChain chain;

  public record Query(String table, String projectCode, String unitCode, LocalDate from,
      LocalDate to, int page, int size) {}

  public record Page(int page, int size, long total, List<AuditChain.Row> rows) {}

  /** The division codes a user reads the audit of: null for everything (the ministry). */
  Set<String> visibleUnits(Collection<String> groupIds, String unitCode) {
    var units = OrganisationService.unitGroups(groupIds).stream().map(g -> g.divisionCode())
        .distinct().toList();
    if (units.isEmpty()) {
      throw new AccessDeniedException("no unit");
    }
    if (unitCode != null && !unitCode.isBlank()) {
      if (organisation.find(unitCode).isEmpty()) {
        throw new InvalidInputException("查询条件有误", "行政区划代码“" + unitCode + "”不存在");
      }
      if (units.stream().noneMatch(u -> organisation.isWithin(unitCode, u))) {
        throw new AccessDeniedException("outside the user's units");
      }
      return organisation.subtree(unitCode);
    }
    if (units.contains(Division.MINISTRY_CODE)) {
      return null;
    }
    var visible = new TreeSet<String>();
    units.forEach(u -> visible.addAll(organisation.subtree(u)));
    return visible;
  }

  public Page find(Collection<String> groupIds, Query q) {
    var problems = new ArrayList<String>();
    if (q.table() != null && !q.table().isBlank() && !AuditedTables.ALL.containsKey(q.table())) {
      problems.add("表名“" + q.table() + "”不是受审计的表，可选：" + String.join("、", AuditedTables.ALL.keySet()));
    }
    if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
      problems.add("起始日期不能晚于截止日期");
    }
    if (q.page() < 0) {
      problems.add("页码（page）从 0 开始，不能为负数");
    }
    if (q.size() < 1 || q.size() > MAX_PAGE_SIZE) {
      problems.add("每页条数（size）应在 1 到 " + MAX_PAGE_SIZE + " 之间");
    }
    var visible = visibleUnits(groupIds, q.unitCode());
    if (!problems.isEmpty()) {
      throw new InvalidInputException("查询条件有误", problems);
    }
    chain.seal();
    var where = new StringBuilder(" where 1 = 1");
    var args = new ArrayList<Object>();
    if (visible != null) {
      where.append(" and unit_code in (").append(String.join(", ",
          java.util.Collections.nCopies(visible.size(), "?"))).append(")");
      args.addAll(visible);
    }
    if (q.table() != null && !q.table().isBlank()) {
      where.append(" and table_name = ?");
      args.add(q.table());
    }
    if (q.projectCode() != null && !q.projectCode().isBlank()) {
      where.append(" and project_code = ?");
      args.add(q.projectCode());
    }
    if (q.from() != null) {
      where.append(" and changed_at >= ?");
      args.add(q.from().atStartOfDay(CHINA).toOffsetDateTime());
    }
    if (q.to() != null) {
      where.append(" and changed_at < ?");
      args.add(q.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
    }
    var total = jdbc.queryForObject("select count(*) from fm_audit" + where, Long.class, args.toArray());
    var pageArgs = new ArrayList<>(args);
    pageArgs.add(q.size());
    pageArgs.add((long) q.page() * q.size());
    var rows = jdbc.query("select id, table_name, row_key, operation, project_code, unit_code,"
        + " old_values, new_values, db_user, changed_at, chain_no, prev_hash, row_hash"
        + " from fm_audit" + where + " order by id desc limit ? offset ?",
        (rs, n) -> AuditChain.Row.of(rs), pageArgs.toArray());
    return new Page(q.page(), q.size(), total == null ? 0 : total, rows);
  }

  /** The chain's verification, for anyone who may read some of the audit. */
  public AuditChain.Verification verify(Collection<String> groupIds) {
    visibleUnits(groupIds, null);
    return chain.verify();
  }

  String unitName(String code) {
    return organisation.nameOf(code);
  }

  static OffsetDateTime inChina(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(CHINA).toOffsetDateTime();
  }
}
