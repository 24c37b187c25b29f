package cn.fundmonitor.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indicators are stored the same way wherever they belong (a project's targets, an allocation's
 * approved targets): level1, level2, name, comparator, target value/date/text, unit, by position.
 */
@RequiredArgsConstructor
public final class IndicatorTable {

  private final JdbcClient jdbc;
  private final String table;
  private final String keyColumn;

  public void insert(String key, List<Indicator> indicators) {
    for (int i = 0; i < indicators.size(); i++) {
      var ind = indicators.get(i);
      jdbc.sql("insert into " + table + " (" + keyColumn + ", position, level1, level2, name, "
              + "comparator, target_value, target_date, target_text, unit) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(key, i + 1, ind.level().name(), ind.category().name(), ind.name(),
              ind.comparator().name(), value(ind.target()), date(ind.target()),
              ind.target().text(), ind.unit())
          .update();
    }
  }

  public void delete(String key) {
    jdbc.sql("delete from " + table + " where " + keyColumn + " = ?").param(key).update();
  }

  public List<Indicator> read(String key) {
    return jdbc.sql("select level1, level2, name, comparator, target_value, target_date, "
            + "target_text, unit from " + table + " where " + keyColumn + " = ? order by position")
        .param(key)
        .query((rs, i) -> new Indicator(IndicatorLevel.valueOf(rs.getString("level1")),
            IndicatorCategory.valueOf(rs.getString("level2")), rs.getString("name"),
            Comparator.valueOf(rs.getString("comparator")), target(rs), rs.getString("unit")))
        .list();
  }

  public static BigDecimal value(IndicatorTarget target) {
    return target instanceof IndicatorTarget.Numeric n ? n.value() : null;
  }

  public static LocalDate date(IndicatorTarget target) {
    return target instanceof IndicatorTarget.Deadline d ? d.date() : null;
  }

  /** Reads target_value / target_date / target_text back into a target. */
  public static IndicatorTarget target(ResultSet rs) throws SQLException {
    var value = rs.getBigDecimal("target_value");
    if (value != null) {
      var v = value.stripTrailingZeros();
      return new IndicatorTarget.Numeric(v.scale() < 0 ? v.setScale(0) : v);
    }
    var date = rs.getObject("target_date", LocalDate.class);
    if (date != null) {
      return new IndicatorTarget.Deadline(date);
    }
    return new IndicatorTarget.Qualitative(rs.getString("target_text"));
  }
}
