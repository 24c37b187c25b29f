package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.FundClass;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the money issued says about projects, for the features that follow it (issue 18: the
 * allocation's front door). filing/ and evaluation/ ask here instead of joining allocation's tables
 * in their own SQL, so "a funded project" and "the money a project received" are defined once.
 * The waves ask for whole sets at once: one query for the year's or the quarter's thousands of
 * projects, never one per project.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AllocationReads {

  /** The most codes one {@code in (...)} list carries (databases cap bind parameters). */
  static final int IN_CHUNK = 1000;

  /**
   * The money a project received: per recipient, the refined lines once the recipient refined,
   * the issued lines before that.
   */
  private static final String FUNDING_LINES = "from fm_allocation_line l join fm_allocation_part p "
      + "on p.document_no = l.document_no and p.recipient_code = l.recipient_code "
      + "where ((l.stage = 'REFINEMENT' and p.refined_on is not null) "
      + "or (l.stage = 'ISSUE' and p.refined_on is null))";

  /** The money issued (as first issued, before any refinement), with its allocation's year. */
  private static final String ISSUED_LINES = "from fm_allocation_line l join fm_allocation a "
      + "on a.document_no = l.document_no where l.stage = 'ISSUE'";

  /**
   * Where the money a project received came from: its fund class, and whether the unit that
   * registered it passed it on to another unit (a city's own money issued to a county).
   */
  public record MoneyOrigin(FundClass fundClass, boolean fromAnotherUnit) {}

  private final JdbcClient jdbc;

  /** The money the project received so far, as the allocation lines stand today. */
  public Yuan received(String projectCode) {
    return Yuan.of(jdbc.sql("select coalesce(sum(l.central_amount + l.provincial_amount), 0) "
        + FUNDING_LINES + " and l.project_code = ?").param(projectCode)
        .query(BigDecimal.class).single());
  }

  /**
   * The money each of the projects received so far ({@link #received}); a project without money
   * is there with zero.
   */
  public Map<String, Yuan> receivedBy(Collection<String> projectCodes) {
    var result = new HashMap<String, Yuan>();
    var codes = List.copyOf(new TreeSet<>(projectCodes));
    codes.forEach(code -> result.put(code, Yuan.ZERO));
    for (int from = 0; from < codes.size(); from += IN_CHUNK) {
      jdbc.sql("select l.project_code, sum(l.central_amount + l.provincial_amount) "
              + FUNDING_LINES + " and l.project_code in (:codes) group by l.project_code")
          .param("codes", codes.subList(from, Math.min(codes.size(), from + IN_CHUNK)))
          .query(rs -> {
            result.put(rs.getString(1), Yuan.of(rs.getBigDecimal(2)));
          });
    }
    return result;
  }

  /** Every project holding money (it has funding lines, {@link #received}), in code order. */
  public SortedSet<String> funded() {
    return new TreeSet<>(jdbc.sql("select distinct l.project_code " + FUNDING_LINES)
        .query(String.class).list());
  }

  /** The projects money was issued to for the budget year, in code order. */
  public SortedSet<String> fundedIn(int budgetYear) {
    return new TreeSet<>(jdbc.sql("select distinct l.project_code " + ISSUED_LINES
        + " and a.budget_year = ?").param(budgetYear).query(String.class).list());
  }

  /** The projects money was issued to for the budget year or an earlier one, in code order. */
  public SortedSet<String> fundedBy(int budgetYear) {
    return new TreeSet<>(jdbc.sql("select distinct l.project_code " + ISSUED_LINES
        + " and a.budget_year <= ?").param(budgetYear).query(String.class).list());
  }

  /** Where the money issued to the project came from (MNR 第二条第一项). */
  public Set<MoneyOrigin> origins(String projectCode) {
    return new java.util.HashSet<>(jdbc.sql("select distinct a.fund_class, case when "
            + "a.province_code <> l.recipient_code then 1 else 0 end from_another_unit "
            + ISSUED_LINES + " and l.project_code = ?")
        .param(projectCode).query((rs, n) -> new MoneyOrigin(FundClass.valueOf(rs.getString(1)),
            rs.getInt(2) == 1)).list());
  }
}
