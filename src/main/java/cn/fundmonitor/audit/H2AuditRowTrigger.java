package cn.fundmonitor.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.api.Trigger;

/**
 * The H2 counterpart of PostgreSQL's {@code fm_audit_row()}: after each inserted, updated or
 * deleted row of an audited table, one fm_audit row with the key, the project and unit it belongs
 * to, before and after as JSON, the database user and the transaction's time. H2 creates one
 * instance per trigger and calls it from the writing session's thread.
 */
public class H2AuditRowTrigger implements Trigger {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSERT = "insert into fm_audit (table_name, row_key, operation,"
      + " project_code, unit_code, old_values, new_values, db_user, changed_at)"
      + " values (?, ?, ?, ?, ?, ?, ?, current_user, current_timestamp)";

  private String table;
  private List<String> columns;
  private List<String> keyColumns;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName,
      boolean before, int type) throws SQLException {
    table = tableName.toLowerCase(Locale.ROOT);
    var audited = AuditedTables.ALL.get(table);
    if (audited == null) {
      throw new SQLException("fm_audit: table " + tableName + " is not an audited table");
    }
    keyColumns = audited.keyColumns();
    columns = new ArrayList<>();
    try (var ps = conn.prepareStatement("select column_name from information_schema.columns"
        + " where table_schema = ? and table_name = ? order by ordinal_position")) {
      ps.setString(1, schemaName);
      ps.setString(2, tableName);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (oldRow != null && newRow != null && Arrays.deepEquals(oldRow, newRow)) {
      return;
    }
    var v = values(newRow != null ? newRow : oldRow);
    var key = new StringBuilder();
    for (var c : keyColumns) {
      key.append(key.isEmpty() ? "" : "/").append(text(v.get(c)));
    }
    var context = context(conn, v);
    var operation = oldRow == null ? "I" : newRow == null ? "D" : "U";
    H2AuditGuardTrigger.writing(() -> {
      try (var ps = conn.prepareStatement(INSERT)) {
        ps.setString(1, table);
        ps.setString(2, key.toString());
        ps.setString(3, operation);
        ps.setString(4, context[0]);
        ps.setString(5, context[1] == null ? null : context[1].trim());
        ps.setString(6, oldRow == null ? null : json(values(oldRow)));
        ps.setString(7, newRow == null ? null : json(values(newRow)));
        ps.executeUpdate();
      }
    });
  }

  /** The project and unit a row belongs to, as fm_audit_row() finds them. */
  private String[] context(Connection conn, Map<String, Object> v) throws SQLException {
    return switch (table) {
      case "fm_quarterly_filing" -> new String[] {str(v, "project_code"),
          one(conn, "select region_code from fm_project where code = ?", str(v, "project_code"))};
      case "fm_filing_payment", "fm_filing_indicator" -> {
        var p = one(conn, "select project_code from fm_quarterly_filing where business_key = ?",
            str(v, "business_key"));
        yield new String[] {p, one(conn, "select region_code from fm_project where code = ?", p)};
      }
      case "fm_allocation", "fm_correction_report" -> new String[] {null, str(v, "province_code")};
      case "fm_allocation_target" -> new String[] {null,
          one(conn, "select province_code from fm_allocation where document_no = ?",
              str(v, "document_no"))};
      case "fm_allocation_part" -> new String[] {null, str(v, "recipient_code")};
      case "fm_allocation_line" -> new String[] {str(v, "project_code"), str(v, "recipient_code")};
      case "fm_decomposed_target" -> new String[] {
          "REFINEMENT".equals(str(v, "stage")) ? str(v, "unit_code") : null,
          str(v, "recipient_code")};
      case "fm_problem" -> new String[] {str(v, "project_code"), str(v, "unit_code")};
      case "fm_correction_request" -> new String[] {null, str(v, "unit_code")};
      case "fm_data_change" -> new String[] {null,
          one(conn, "select unit_code from fm_correction_request where request_no = ?",
              str(v, "request_no"))};
      default -> new String[] {null, null};
    };
  }

  private static String one(Connection conn, String sql, String arg) throws SQLException {
    if (arg == null) {
      return null;
    }
    try (var ps = conn.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private Map<String, Object> values(Object[] row) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < columns.size() && i < row.length; i++) {
      map.put(columns.get(i), row[i]);
    }
    return map;
  }

  private static String str(Map<String, Object> v, String column) {
    var value = v.get(column);
    return value == null ? null : text(value);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String json(Map<String, Object> values) throws SQLException {
    var plain = new LinkedHashMap<String, Object>();
    values.forEach((k, val) -> plain.put(k, val == null || val instanceof Number
        || val instanceof Boolean ? val : val.toString()));
    try {
      return JSON.writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      throw new SQLException("fm_audit: row not serialisable", e);
    }
  }
}
