package cn.fundmonitor.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk seeding's one way to insert many rows: {@value #ROWS_PER_STATEMENT} rows a statement as one
 * multi-row {@code insert … values (…), (…)}. PostgreSQL runs one statement per row of a JDBC batch,
 * which made 30,000 projects take a minute and a half (issue 16); the features' seeding doors
 * (issue 18) write their own tables through this.
 */
public final class MultiRowInsert {

  public static final int ROWS_PER_STATEMENT = 500;

  private MultiRowInsert() {}

  /**
   * Inserts {@code rows} with {@code sql}, a single-row {@code insert … values (?, …)} whose
   * {@code values} tuple is repeated for each row of a statement; {@code columns} gives a row's
   * parameters in the tuple's order.
   */
  public static <T> void insert(JdbcTemplate jdbc, String sql, List<T> rows,
      Function<? super T, Object[]> columns) {
    int at = sql.lastIndexOf("values ") + "values ".length();
    var head = sql.substring(0, at);
    var tuple = sql.substring(at);
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      var args = new ArrayList<Object>();
      chunk.forEach(r -> args.addAll(Arrays.asList(columns.apply(r))));
      jdbc.update(head + String.join(", ", Collections.nCopies(chunk.size(), tuple)),
          args.toArray());
    }
  }
}
