package cn.fundmonitor.reports;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.ReportsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Qiemo report (且末县自然资源局整体支出绩效监控报告, 2021-06-30) entered with its own numbers and
 * generated as Word: the document states the report's rates — 26%, 29%, 0%, 47%, 7%, 33%, 50%,
 * 61%, 29%, 28% — with counts computed. Where the original disagrees with its own figures the
 * arithmetic wins: 8 level-2 indicators (not 9), 22 level-3 indicators in both places (not 22 and
 * 23), and the extra money paid is 441.286998 万元, the sum of its uses (the text rounds to 441.3).
 */
@ReportsTest
class QiemoMonitoringReportTest {

  static final String PATH = "/api/monitoring-reports/652825/2021/2021-06-30";

  @LocalServerPort int port;
  @Autowired ReportsFixture fixture;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static Map<String, Object> indicator(String level1, String level2, String name, String comparator,
      String target, String unit, String actual, Integer rate) {
    var row = new LinkedHashMap<String, Object>();
    row.put("level1", level1);
    row.put("level2", level2);
    row.put("name", name);
    row.put("comparator", comparator);
    row.put("target", target);
    row.put("unit", unit);
    if (actual == null) {
      row.put("notYetDue", true);
    } else {
      row.put("actual", actual);
    }
    if (rate != null) {
      row.put("rate", rate);
    }
    return row;
  }

  /** The Qiemo report's numbers, amounts in yuan. */
  static Map<String, Object> qiemo() {
    var indicators = List.of(
        indicator("OUTPUT", "QUANTITY", "办理建设项目用地初审", "GE", "15", "个", "7", null),
        indicator("OUTPUT", "QUANTITY", "新增建设用地报批", "GE", "450", "亩", "30", null),
        indicator("OUTPUT", "QUANTITY", "开展及红枣培训会议次数", "GE", "12", "次", "4", null),
        indicator("OUTPUT", "QUANTITY", "挂牌出让土地", "GE", "20", "公顷", null, null),
        indicator("OUTPUT", "QUANTITY", "闲置土地清理", "GE", "28.88", "公顷", null, null),
        indicator("OUTPUT", "QUANTITY", "审批国有土地使用权转让", "GE", "2", "万亩", null, null),
        indicator("OUTPUT", "QUANTITY", "完成土地出让成交价款", "GE", "5200", "万元", null, null),
        indicator("OUTPUT", "QUALITY", "国有建设用地和国有农用地评估率", "GE", "100", "%", "50", null),
        indicator("OUTPUT", "QUALITY", "土地报批程序合规通过率", "GE", "100", "%", "50", null),
        indicator("OUTPUT", "QUALITY", "社保费、工资发放及时率", "GE", "100", "%", "100", null),
        indicator("OUTPUT", "QUALITY", "项目工程验收合格率", "GE", "98", "%", "60", null),
        indicator("OUTPUT", "TIMELINESS", "资金拨付及时率", "GE", "100", "%", "100", null),
        indicator("OUTPUT", "TIMELINESS", "资金发放及时性", "GE", "100", "%", "100", null),
        indicator("OUTPUT", "TIMELINESS", "日常工作运转完成时间", "LE", "2021-12-31", "", "6个月", 50),
        indicator("OUTPUT", "COST", "项目保障成本经费", "EQ", "150", "万元", "0", null),
        indicator("OUTPUT", "COST", "人员保障成本经费", "EQ", "1129.83", "万元", "324.88", null),
        indicator("OUTPUT", "COST", "运转保障成本经费", "EQ", "213.42", "万元", "58.86", null),
        indicator("BENEFIT", "ECONOMIC", "自然资源损毁和浪费造成的经济损失", "QUALITATIVE", "效果明显", "", "有所效果", 30),
        indicator("BENEFIT", "ECONOMIC", "便民服务水平提升", "QUALITATIVE", "明显提升", "", "有所提升", 40),
        indicator("BENEFIT", "ECOLOGICAL", "改善资源生态环境和人居环境", "QUALITATIVE", "有效改善", "", "有所改善", 30),
        indicator("BENEFIT", "SUSTAINABILITY", "自然资源节约集约利用", "QUALITATIVE", "逐步提升", "", "有所提升", 40),
        indicator("SATISFACTION", "SERVICE_SATISFACTION", "办事群众满意率", "GE", "98", "%", null, null));
    var body = new LinkedHashMap<String, Object>();
    body.put("reportDate", "2021-07-02");
    body.put("arrived", "3837400");
    body.put("basic", Map.of("budget", "13432500", "fiscal", "13432500", "other", "0", "spent", "3837400",
        "uses", List.of(Map.of("name", "支付职工工资、福利支出", "amount", "3248800"),
            Map.of("name", "车辆运行维护费支出", "amount", "159500"),
            Map.of("name", "基本公用", "amount", "429100"),
            Map.of("name", "驻村、管寺生活补助支出", "amount", "0"))));
    body.put("project", Map.of("budget", "1500000", "fiscal", "1500000", "other", "0", "spent", "0",
        "uses", List.of(Map.of("name", "国有土地出让金评估项目支出", "amount", "1500000"))));
    body.put("indicators", indicators);
    body.put("extra", Map.of("total", "26494500", "ownFunds", "0", "superiorFunds", "26494500",
        "uses", List.of(
            Map.of("name", "2021年森林生态效益补偿补助资金（227.62万亩国家级公益林管护劳务补偿）",
                "arrived", "13957400", "paid", "3961869.98"),
            Map.of("name", "2021年乡村绿化美化村8个（已全部拨付给乡镇）", "arrived", "1600000", "paid", "426000"),
            Map.of("name", "2021年林业有害生物防治资金", "arrived", "30000", "paid", "25000"))));
    body.put("texts", Map.of(
        "organisation", "且末县自然资源局本级，下设七个科室。\n领导小组下设工作办公室，办公室设在局办公室。",
        "problems", "1、预算执行监控的规定不完善，预算项目资金太少。",
        "measures", "进一步加强绩效评价制度和流程的建设，深化完善绩效管理体系。",
        "deviation", "预算绩效管理仍有欠缺，存在“重投入轻管理、重支出轻绩效”的情况。",
        "correctiveTaken", "加强学习，科学合理设定绩效目标。",
        "correctivePlanned", "完善管理制度，继续加大资金管理力度。",
        "suggestions", "1、加大培训指导力度。\n2、加大经费保障力度。"));
    return body;
  }

  JsonNode save(String user, Map<String, Object> body, int status) throws Exception {
    var response = http.put(PATH, json.writeValueAsString(body), user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  String document(String user) throws Exception {
    var response = http.download(PATH + "/document", MonitoringReportApiController.DOCX, user, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    try (var doc = new XWPFDocument(new ByteArrayInputStream(response.body()));
        var text = new XWPFWordExtractor(doc)) {
      assertThat(doc.getTables()).hasSize(1);
      assertThat(doc.getTables().get(0).getRows()).hasSize(23);
      return text.getText();
    }
  }

  @Test
  void theGeneratedDocumentStatesTheQiemoReportsRates() throws Exception {
    var summary = save(QIEMO_ECO, qiemo(), 200);
    assertThat(summary.get("arrivalRate").asInt()).isEqualTo(26);
    assertThat(summary.get("executionRate").asInt()).isEqualTo(26);
    assertThat(summary.get("basic").get("executionRate").asInt()).isEqualTo(29);
    assertThat(summary.get("project").get("executionRate").asInt()).isZero();
    var rates = new ArrayList<Integer>();
    summary.get("indicators").forEach(i -> rates.add(i.get("rate").isNull() ? null : i.get("rate").asInt()));
    assertThat(rates).containsExactly(47, 7, 33, null, null, null, null, 50, 50, 100, 61, 100, 100,
        50, 0, 29, 28, 30, 40, 30, 40, null);

    var text = document(XINJIANG_ECO);
    assertThat(text).contains("且末县自然资源局整体支出绩效监控报告", "部门单位名称（公章）：且末县自然资源局",
        "填报时间：2021年7月2日",
        "我部门 2021 年预算 1493.25 万元，实际到位资金 383.74 万元，到位率 26%。截至2021年6月30日资金执行数 "
            + "383.74 万元，预算执行率 26%。",
        "本年度基本支出预算安排总额为 1343.25 万元，其中财政资金 1343.25 万元，其他资金 0 万元。",
        "基本支出实际支出资金 383.74 万元，预算执行率 29%。其中用于：支付职工工资、福利支出 324.88 万元、"
            + "车辆运行维护费支出 15.95 万元、基本公用 42.91 万元、驻村、管寺生活补助支出 0 万元。",
        "项目支出实际支出资金 0 万元，预算执行率 0%。主要用于：国有土地出让金评估项目支出 150 万元。",
        "共设置一级指标 3 个，二级指标 8 个，三级指标 22 个。截止到监控节点，22 个三级指标的完成情况如下：",
        "1、产出情况", "①数量指标：",
        "指标 1：办理建设项目用地初审，预期指标值：≥15 个，实际完成值 7 个，指标完成率 47%；",
        "指标 2：新增建设用地报批，预期指标值：≥450 亩，实际完成值 30 亩，指标完成率 7%；",
        "指标 3：开展及红枣培训会议次数，预期指标值：≥12 次，实际完成值 4 次，指标完成率 33%；",
        "指标 4：挂牌出让土地，预期指标值：≥20 公顷，实际完成值未达监控节点，指标完成率未达监控节点；",
        "指标 1：国有建设用地和国有农用地评估率，预期指标值：≥100%，实际完成值 50%，指标完成率 50%；",
        "指标 4：项目工程验收合格率，预期指标值：≥98%，实际完成值 60%，指标完成率 61%；",
        "指标 3：日常工作运转完成时间，预期指标值：2021-12-31 前完成，实际完成值 6个月，指标完成率 50%；",
        "指标 2：人员保障成本经费，预期指标值：1129.83 万元，实际完成值 324.88 万元，指标完成率 29%；",
        "指标 3：运转保障成本经费，预期指标值：213.42 万元，实际完成值 58.86 万元，指标完成率 28%；",
        "2、效益情况", "①经济效益指标：",
        "指标 1：自然资源损毁和浪费造成的经济损失，预期指标值：效果明显，实际完成值 有所效果，指标完成率 30%；",
        "3、满意度指标", "①服务对象满意度：",
        "（二）偏离情况及成因分析", "预算绩效管理仍有欠缺",
        "我单位 2021 年追加资金 2649.45 万元（其中：本级财力安排 0 万元，上级专项资金 2649.45 万元），"
            + "实际到位资金 1558.74 万元，到位率 59%。截至2021年6月30日追加资金执行数 441.286998 万元，"
            + "执行率 28%（占到位资金）。",
        "已支付 396.186998 万元");
    assertThat(text).doesNotContain("23 个三级指标", "二级指标 9 个");
  }

  @Test
  void badEntriesAreNamedAndNothingIsSaved() throws Exception {
    var body = new HashMap<>(qiemo());
    body.put("project", Map.of("budget", "1500000", "fiscal", "1000000", "other", "0", "spent", "0"));
    @SuppressWarnings("unchecked")
    var indicators = new ArrayList<>((List<Map<String, Object>>) body.get("indicators"));
    indicators.set(0, indicator("OUTPUT", "QUANTITY", "办理建设项目用地初审", "GE", "15", "个", null, null));
    indicators.get(0).remove("notYetDue");
    indicators.set(17, indicator("BENEFIT", "ECONOMIC", "便民服务水平提升", "QUALITATIVE", "明显提升", "", "有所提升", null));
    indicators.set(13, indicator("OUTPUT", "TIMELINESS", "日常工作运转完成时间", "LE", "2021-12-31", "", "6个月", 150));
    body.put("indicators", indicators);
    var problem = save(QIEMO_ECO, body, 400);
    assertThat(problem.get("detail").asText()).contains(
        "项目支出：财政资金 100 万元 与其他资金 0 万元 之和应等于预算 150 万元",
        "第1条指标“办理建设项目用地初审”：请填写实际完成值，或标明“未达监控节点”",
        "第18条指标“便民服务水平提升”：定性指标请填写完成率（0至100）",
        "第14条指标“日常工作运转完成时间”：完成率应为0至100之间的数，收到“150”");
  }

  @Test
  void theUnitWritesItsReportAndItsSuperiorsReadIt() throws Exception {
    save(QIEMO_ECO, qiemo(), 200);
    assertThat(save(XINJIANG_ECO, qiemo(), 403).get("status").asInt()).isEqualTo(403);
    assertThat(http.get(PATH, XINJIANG_ECO, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get(PATH, XINGNING_ECO, PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/monitoring-reports/652825/2021/2021-09-30", QIEMO_ECO, PASSWORD)
        .statusCode()).isEqualTo(404);
    assertThat(http.get("/api/monitoring-reports/652825/2021/6月底", QIEMO_ECO, PASSWORD).statusCode())
        .isEqualTo(400);
    var draft = json.readTree(http.get(PATH + "/draft", QIEMO_ECO, PASSWORD).body());
    assertThat(draft.get("arrived").asText()).isEqualTo("3837400");
  }

  @Test
  void aDraftStartsFromTheUnitsFundedProjects() throws Exception {
    fixture.ensure();
    var response = http.get("/api/monitoring-reports/450102/2026/2026-06-30/draft", XINGNING_ECO, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var draft = json.readTree(response.body());
    assertThat(draft.get("project").get("budget").asText()).isEqualTo("1000000.00");
    assertThat(draft.get("project").get("spent").asText()).isEqualTo("300000.00");
    assertThat(draft.get("project").get("uses").get(0).get("name").asText()).isEqualTo("兴宁区统计项目");
    var first = draft.get("indicators").get(0);
    assertThat(first.get("name").asText()).isEqualTo("兴宁区统计项目：修复治理面积");
    assertThat(first.get("actual").asText()).isEqualTo("60");
    assertThat(draft.get("indicators").get(1).get("notYetDue").asBoolean()).isTrue();
    // the draft, filled in where the data has no answer, saves as the unit's report
    @SuppressWarnings("unchecked")
    var body = json.convertValue(draft, Map.class);
    var indicators = (List<Map<String, Object>>) body.get("indicators");
    indicators.get(2).put("rate", 60);
    var saved = http.put("/api/monitoring-reports/450102/2026/2026-06-30", json.writeValueAsString(body),
        XINGNING_ECO, PASSWORD);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json.readTree(saved.body()).get("project").get("executionRate").asInt()).isEqualTo(30);
  }
}
