package cn.fundmonitor.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over fm_audit: row n's hash is SHA-256 of row n-1's hash and row n's content, in
 * chain_no order (1, 2, 3, …). Editing a row changes its hash; removing one leaves a gap and a
 * successor whose prev_hash no longer matches; so {@link #verify()} finds either, even when done
 * by someone who could switch the triggers off. The hashed text is exactly what PostgreSQL's
 * {@code fm_audit_hash()} hashes ({@link #hash}).
 */
@Component
public class AuditChain {

  private static final int BATCH = 2000;
  private static final String COLUMNS = "id, table_name, row_key, operation, project_code,"
      + " unit_code, old_values, new_values, db_user, changed_at, chain_no, prev_hash, row_hash";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private volatile Boolean h2;

  AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One audit row as stored. */
  public record Row(long id, String table, String rowKey, String operation, String projectCode,
      String unitCode, String oldValues, String newValues, String dbUser, OffsetDateTime changedAt,
      Long chainNo, String prevHash, String rowHash) {

    static Row of(ResultSet rs) throws SQLException {
      var chainValue = rs.getLong("chain_no");
      Long chain = rs.wasNull() ? null : chainValue;
      return new Row(rs.getLong("id"), rs.getString("table_name"), rs.getString("row_key"),
          rs.getString("operation").trim(), rs.getString("project_code"), rs.getString("unit_code"),
          rs.getString("old_values"), rs.getString("new_values"), rs.getString("db_user"),
          rs.getObject("changed_at", OffsetDateTime.class), chain,
          rs.getString("prev_hash"), rs.getString("row_hash"));
    }
  }

  /** What a verification found. */
  public record Verification(boolean intact, long sealed, long unsealed, Long brokenAt,
      String detail) {}

  /** fm_audit_field(): N for null, else L, its length in characters, a colon, itself. */
  static String field(String x) {
    return x == null ? "N;" : "L" + x.codePointCount(0, x.length()) + ":" + x + ";";
  }

  /** fm_audit_hash(prev, row) for the row with the given chain number. */
  static String hash(String prev, Row r, long chainNo) {
    var instant = r.changedAt().toInstant();
    var micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    var text = (prev == null ? "" : prev) + "|" + field(Long.toString(chainNo))
        + field(Long.toString(r.id())) + field(r.table()) + field(r.rowKey()) + field(r.operation())
        + field(r.projectCode()) + field(r.unitCode()) + field(r.oldValues())
        + field(r.newValues()) + field(r.dbUser()) + field(Long.toString(micros));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean onH2() {
    if (h2 == null) {
      h2 = jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData()
          .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2"));
    }
    return h2;
  }

  /**
   * Links committed rows not sealed yet into the chain. On PostgreSQL the database does it at
   * every commit (fm_audit_seal()); H2 has no commit trigger, so the application does it before
   * the audit is read or verified, one sealing at a time.
   */
  public void seal() {
    if (!onH2()) {
      return;
    }
    synchronized (this) {
      ownTransaction.executeWithoutResult(status -> {
        var rows = jdbc.query("select " + COLUMNS + " from fm_audit where row_hash is null order by id",
            (rs, n) -> Row.of(rs));
        if (rows.isEmpty()) {
          return;
        }
        var head = jdbc.query("select chain_no, row_hash from fm_audit where chain_no is not null"
            + " order by chain_no desc limit 1", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long next = head.isEmpty() ? 1 : (Long) head.get(0)[0] + 1;
        String prev = head.isEmpty() ? "" : (String) head.get(0)[1];
        try {
          for (var r : rows) {
            var hash = hash(prev, r, next);
            var chainNo = next;
            var prevHash = prev;
            H2AuditGuardTrigger.sealing(() -> jdbc.update(
                "update fm_audit set chain_no = ?, prev_hash = ?, row_hash = ? where id = ?",
                chainNo, prevHash, hash, r.id()));
            prev = hash;
            next++;
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  /** Walks the whole chain in order and recomputes every hash. */
  public Verification verify() {
    seal();
    long expected = 1;
    String prev = "";
    while (true) {
      var rows = jdbc.query("select " + COLUMNS + " from fm_audit where chain_no >= ?"
          + " order by chain_no limit " + BATCH, (rs, n) -> Row.of(rs), expected);
      for (var r : rows) {
        if (r.chainNo() != expected) {
          return broken(expected, "第 " + expected + " 条审计记录缺失（链上下一条为第 " + r.chainNo()
              + " 条）：审计记录被删除");
        }
        if (!prev.equals(r.prevHash() == null ? "" : r.prevHash())) {
          return broken(expected, "第 " + expected + " 条审计记录与前一条衔接不上：前一条被删除或修改");
        }
        var hash = hash(prev, r, expected);
        if (!hash.equals(r.rowHash())) {
          return broken(expected, "第 " + expected + " 条审计记录（" + r.table() + " " + r.rowKey()
              + "）的内容与其哈希值不符：记录被修改");
        }
        prev = hash;
        expected++;
      }
      if (rows.size() < BATCH) {
        break;
      }
    }
    var sealed = expected - 1;
    var unsealed = jdbc.queryForObject("select count(*) from fm_audit where row_hash is null", Long.class);
    if (onH2() || unsealed == 0) {
      return new Verification(true, sealed, unsealed, null,
          "审计链完整：共 " + sealed + " 条审计记录，逐条校验哈希无误");
    }
    return new Verification(false, sealed, unsealed, null, "有 " + unsealed
        + " 条审计记录未纳入审计链：数据库的封存触发器可能被停用");
  }

  private Verification broken(long at, String detail) {
    var sealed = jdbc.queryForObject("select count(*) from fm_audit where row_hash is not null",
        Long.class);
    var unsealed = jdbc.queryForObject("select count(*) from fm_audit where row_hash is null", Long.class);
    return new Verification(false, sealed, unsealed, at, detail);
  }
}
