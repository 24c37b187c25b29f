package cn.fundmonitor.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.ProblemRaises;
import cn.fundmonitor.support.Sheets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15, "figures stay right after a correction", end to end over REST as the demo users on the
 * demo data (MNR 第二十二条: 向部传输数据前发生变更的，由填报单位经上级主管部门同意后更改): 兴宁区
 * files this quarter with 累计支付 10 万元, asks through /engine-rest to correct it to 15 万元 naming the
 * fund source that changes, 南宁市 consents, and then the Excel export, the province's review form,
 * /api/statistics and /api/corrections/{no} all show 15 万元, with the split by fund source adding up
 * to the total. Nothing here calls a service directly: what a client sees is what is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "fundmonitor.demo.enabled=true",
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-correction-e2e;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class CorrectionEndToEndTest {

  static final String PASSWORD = "demo";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String XINGNING_FINANCE = "xingning-finance";
  static final String NANNING_FINANCE = "nanning-finance";
  static final String GUANGXI_FINANCE = "guangxi-finance";
  static final String GUANGXI_ECO = "guangxi-eco";
  static final String MINISTRY_FINANCE = "ministry-finance";
  static final String YANGSHUO_FINANCE = "yangshuo-finance";

  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired ProblemRaises raises;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  JsonNode read(String path, String as) throws Exception {
    var response = http.get(path, as, PASSWORD);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  String vars(Map<String, Object> values) throws Exception {
    var body = new LinkedHashMap<String, Object>();
    values.forEach((k, v) -> body.put(k, v instanceof Typed t ? Map.of("type", t.type(), "value",
        t.value()) : Map.of("value", v)));
    return json.writeValueAsString(Map.of("variables", body));
  }

  record Typed(String type, Object value) {}

  /** The one open task of this key for this business key that the user may see. */
  JsonNode task(String businessKey, String taskKey, String as) throws Exception {
    var tasks = read("/engine-rest/task?processInstanceBusinessKey=" + enc(businessKey)
        + "&taskDefinitionKey=" + taskKey, as);
    assertThat(tasks).as(taskKey + " for " + as).hasSize(1);
    return tasks.get(0);
  }

  void complete(JsonNode task, String as, Map<String, Object> values) throws Exception {
    var id = task.get("id").asText();
    http.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + as + "\"}", as, PASSWORD);
    var response = http.post("/engine-rest/task/" + id + "/submit-form", vars(values), as,
        PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void mnrArticle22_aConsentedPaymentCorrectionShowsInTheExportTheReviewStatisticsAndTheAudit()
      throws Exception {
    http = new Http(port);
    var today = LocalDate.now(clock);
    int year = today.getYear();
    int quarter = (today.getMonthValue() - 1) / 3 + 1;

    // 兴宁区 finds this quarter's filing the demo opened for its funded project
    var open = read("/engine-rest/task?taskDefinitionKey=UserTask_FileQuarter", XINGNING_FINANCE);
    assertThat(open).as("the demo opens this quarter's filing for 兴宁区").hasSize(1);
    var fileTask = open.get(0);
    var taskId = fileTask.get("id").asText();
    // deserializeValues=false as Tasklist asks: a Json variable comes as its JSON text
    var form = read("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false",
        XINGNING_FINANCE);
    var project = form.get("projectCode").get("value").asText();
    var key = project + "-" + year + "Q" + quarter;
    JsonNode rows = form.get("indicatorActuals");
    while (rows.isTextual()) {
      rows = json.readTree(rows.asText());
    }
    if (rows.has("value")) {
      rows = rows.get("value");
      while (rows.isTextual()) {
        rows = json.readTree(rows.asText());
      }
    }
    var positions = rows.findParents("position");
    assertThat(positions).as("the project's indicators: " + form.get("indicatorActuals"))
        .isNotEmpty();
    var actuals = new ArrayList<Map<String, Object>>();
    positions.forEach(p -> actuals.add(Map.of("position", p.get("position").asInt(), "actual", "",
        "notYetDue", true)));

    // a correction of a quarter not yet filed is refused (nothing filed, nothing to correct)
    var early = http.post("/engine-rest/process-definition/key/dataCorrection/submit-form",
        vars(Map.of("recordKey", key, "correctionField", "PAID_TO_DATE", "newValue", "150000",
            "correctionReason", "尚未填报")), XINGNING_FINANCE, PASSWORD);
    assertThat(early.statusCode()).as(early.body()).isBetween(400, 499);
    assertThat(early.body()).contains("尚未填报");

    // file: 累计支付 10 万元, all central money
    complete(fileTask, XINGNING_FINANCE, Map.of("paidToDate", "100000", "paidCentral", "100000",
        "physicalProgress", 10, "indicatorActuals",
        new Typed("Json", json.writeValueAsString(actuals))));
    // the job executor's turn (off in tests): a warning's problem is raised in its own job first
    raises.run();
    var warning = http.get("/engine-rest/task?processInstanceBusinessKey=" + enc(key)
        + "&taskDefinitionKey=UserTask_RespondToRedWarning", XINGNING_FINANCE, PASSWORD);
    if (json.readTree(warning.body()).size() == 1) {
      complete(json.readTree(warning.body()).get(0), XINGNING_FINANCE, Map.of(
          "warningResponseKind", "EXPLAIN", "warningResponseText", "工程款按合同节点支付，四季度集中结算"));
    }
    var review = task(key, "UserTask_ReviewQuarterFiling", GUANGXI_ECO);
    var before = read("/engine-rest/task/" + review.get("id").asText() + "/form-variables",
        GUANGXI_ECO);
    assertThat(before.get("filingSummary").get("value").asText()).contains("累计支付：10 万元");

    // request 10 → 15 万元, saying which fund source changes (中央财政资金 10 → 15 万元)
    var started = http.post("/engine-rest/process-definition/key/dataCorrection/submit-form",
        vars(Map.of("recordKey", key, "correctionField", "PAID_CENTRAL", "newValue", "150000",
            "correctionReason", "与国库集中支付系统核对，漏记一笔中央资金支付")), XINGNING_FINANCE, PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    var requestNo = json.readTree(started.body()).get("businessKey").asText();
    assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + requestNo,
        YANGSHUO_FINANCE, PASSWORD).body()).as("another county's finance sees no consent task")
        .isEqualTo("[]");
    complete(task(requestNo, "UserTask_SuperiorConsent", NANNING_FINANCE), NANNING_FINANCE,
        Map.of("consent", "APPROVE", "consentComment", "已核对国库支付记录，同意"));

    // the audit API: before/after, who asked, who consented and when
    var audit = read("/api/corrections/" + requestNo, GUANGXI_FINANCE);
    assertThat(audit.get("status").asText()).isEqualTo("APPLIED");
    assertThat(audit.get("before").asText()).isEqualTo("100000.00");
    assertThat(audit.get("after").asText()).isEqualTo("150000.00");
    assertThat(audit.get("requestedBy").asText()).isEqualTo(XINGNING_FINANCE);
    assertThat(audit.get("consentedBy").asText()).isEqualTo(NANNING_FINANCE);
    assertThat(audit.get("consentedAt").isNull()).isFalse();
    assertThat(audit.get("applied")).hasSize(1);
    assertThat(read("/api/corrections/" + requestNo, MINISTRY_FINANCE).get("after").asText())
        .isEqualTo("150000.00");
    assertThat(http.get("/api/corrections/" + requestNo, YANGSHUO_FINANCE, PASSWORD).statusCode())
        .as("another county does not read it").isEqualTo(404);

    // the province's review form: the current value and what was corrected
    var after = read("/engine-rest/task/" + review.get("id").asText() + "/form-variables",
        GUANGXI_ECO);
    assertThat(after.get("filingSummary").get("value").asText()).contains("累计支付：15 万元")
        .contains("中央财政资金：15 万元").contains("已更正");

    // the Excel export: 累计支付 15 万元 and the split by fund source adds up to it
    var sheet = Sheets.read(http.download("/api/exports/filings?year=" + year + "&quarter="
        + quarter, XLSX, GUANGXI_FINANCE, PASSWORD).body());
    var header = sheet.get(0);
    assertThat(header).contains("项目编码", "累计支付（万元）", "中央财政资金支付（万元）");
    var row = sheet.stream().filter(r -> r.get(0).equals(project)).findFirst().orElseThrow();
    var paid = new BigDecimal(row.get(header.indexOf("累计支付（万元）")));
    assertThat(paid).isEqualByComparingTo("15");
    var split = BigDecimal.ZERO;
    for (var column : header) {
      if (column.endsWith("资金支付（万元）")) {
        var cell = row.get(header.indexOf(column));
        split = split.add(cell.isBlank() ? BigDecimal.ZERO : new BigDecimal(cell));
      }
    }
    assertThat(split).as("the fund sources add up to 累计支付").isEqualByComparingTo(paid);
    assertThat(new BigDecimal(row.get(header.indexOf("中央财政资金支付（万元）"))))
        .isEqualByComparingTo("15");

    // /api/statistics for 兴宁区: 15 万元 paid
    var stats = read("/api/statistics?year=" + year + "&quarter=" + quarter
        + "&divisionCode=450102", GUANGXI_FINANCE);
    var moneyViews = 0;
    for (var view : stats.get("views")) {
      if (view.get("name").asText().equals("TARGET")) {
        continue; // target achievement: indicators, no money
      }
      moneyViews++;
      assertThat(new BigDecimal(view.get("total").get("paidYuan").asText())).as(
          view.get("name").asText()).isEqualByComparingTo("150000");
    }
    assertThat(moneyViews).as("by region, by direction and class, by quarter").isPositive();
  }
}
