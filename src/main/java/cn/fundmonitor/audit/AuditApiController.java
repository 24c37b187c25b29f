package cn.fundmonitor.audit;

import cn.fundmonitor.platform.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of filed figures over HTTP (issue 13): what changed, before and after, by which
 * database account and when, newest first and paged; and whether the hash chain is intact.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditApiController {

  private static final Map<String, String> OPERATIONS = Map.of("I", "新增", "U", "修改", "D", "删除");

  private final AuditService audit;
  private final ObjectMapper json;
  // amounts exactly as the database wrote them (310000.00), never through a double
  private final ObjectReader exact;

  AuditApiController(AuditService audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
    this.exact = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .with(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
  }

  @GetMapping
  AuditPage list(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) String table,
      @RequestParam(required = false) String projectCode,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    var result = audit.find(user.groupIds(),
        new AuditService.Query(table, projectCode, unitCode, from, to, page, size));
    return new AuditPage(result.page(), result.size(), result.total(),
        result.rows().stream().map(this::item).toList());
  }

  @GetMapping("/chain")
  AuditChain.Verification chain(@AuthenticationPrincipal CurrentUser user) {
    return audit.verify(user.groupIds());
  }

  private Item item(AuditChain.Row r) {
    var table = AuditedTables.ALL.get(r.table());
    return new Item(r.id(), r.table(), table == null ? r.table() : table.label(), r.rowKey(),
        r.operation(), OPERATIONS.getOrDefault(r.operation(), r.operation()), r.projectCode(),
        r.unitCode(), audit.unitName(r.unitCode()), parse(r.oldValues()), parse(r.newValues()),
        r.dbUser(), AuditService.inChina(r.changedAt()), r.chainNo(), r.rowHash());
  }

  private JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return exact.readTree(text);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(text);
    }
  }

  record AuditPage(int page, int size, long total, List<Item> items) {}

  record Item(long id, String table, String tableName, String rowKey, String operation,
      String operationName, String projectCode, String unitCode, String unitName,
      JsonNode oldValues, JsonNode newValues, String dbUser, OffsetDateTime changedAt,
      Long chainNo, String rowHash) {}
}
