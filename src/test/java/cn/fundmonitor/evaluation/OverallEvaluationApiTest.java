package cn.fundmonitor.evaluation;

import static cn.fundmonitor.evaluation.OverallEvaluationProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Tasklist;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The province's overall evaluation as recorded in its own table and read through /api (GX
 * 第二十八条: 自治区自然资源厅负责专项资金总体绩效评价工作并将评价结果报自治区财政厅): the province, its
 * 财政厅 and the ministry read it; a city or county, another province's units and the city's 财政局
 * are refused with a Chinese problem; hostile parameters are refused as the client's mistake.
 */
@FundMonitorTest
class OverallEvaluationApiTest {

  static final int EVALUATED = 2017;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Tasklist tasklist;
  @Autowired SelfEvaluationService evaluations;
  @Autowired Projects projects;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();

  String evaluated(String applicant, String region, String name, String grade) {
    var code = projects.warehoused(applicant, region, name);
    var key = SelfEvaluation.key(code, EVALUATED);
    evaluations.open(key, code, EVALUATED, null);
    evaluations.submit(key, Map.of(EvaluationPart.OUTPUT, BigDecimal.valueOf(100)), "自评报告", false,
        applicant);
    evaluations.recordGrade(key, Grade.valueOf(grade));
    evaluations.collect(key, "同意", NANNING_FINANCE);
    return code;
  }

  JsonNode read(String path, String user) throws Exception {
    var response = http().get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(user + " reads " + path).isEqualTo(200);
    return json.readTree(response.body());
  }

  void refused(String path, String user, int status, String text) throws Exception {
    var response = http().get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(user + " reads " + path).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    var problem = json.readTree(response.body());
    assertThat(problem.get("title").asText() + problem.get("detail").asText()).contains(text)
        .doesNotContain("Exception", "select ", "fm_overall");
  }

  @Test
  void theOverallEvaluationIsRecordedAndReadByTheProvinceItsFiscalDepartmentAndTheMinistry_gxArticle28()
      throws Exception {
    var poor = evaluated(XINGNING_ECO, "450102", "兴宁区总体评价记录项目", "POOR");
    var pi = users.as(GUANGXI_FINANCE, () -> runtime.startProcessInstanceByKey(KEY,
        YEAR.with(EVALUATED)));
    var path = "/api/overall-evaluations/450000/" + EVALUATED;

    var writing = read(path, GUANGXI_FINANCE);
    assertThat(writing.get("status").asText()).isEqualTo("WRITING");
    assertThat(writing.get("statusLabel").asText()).isEqualTo("撰写中");
    assertThat(writing.get("summary").asText()).startsWith("广西壮族自治区 2017 年度项目绩效自评")
        .contains(poor);
    assertThat(writing.get("startedBy").asText()).isEqualTo(GUANGXI_FINANCE);

    tasklist.as(GUANGXI_FINANCE).complete(pi, TASK_WRITE, CONCLUSION.with("  全区项目基本完成年度绩效目标。 "));
    var reported = read(path, GUANGXI_FISCAL);
    assertThat(reported.get("statusLabel").asText()).isEqualTo("已报财政厅，待接收");
    assertThat(reported.get("conclusion").asText()).isEqualTo("全区项目基本完成年度绩效目标。");
    assertThat(reported.get("writtenBy").asText()).isEqualTo(GUANGXI_FINANCE);

    tasklist.as(GUANGXI_FISCAL).complete(pi, TASK_RECEIVE, RE_EVALUATION.putInto(
        FISCAL_COMMENT.putInto(RE_EVALUATION_PROJECTS.with(poor + "，" + poor), "请兴宁区配合再评价"),
        ReEvaluation.SELECTED));
    for (var reader : new String[] {GUANGXI_FINANCE, GUANGXI_ECO, GUANGXI_FISCAL, MINISTRY_FINANCE,
        MINISTRY_ECO, ADMIN}) {
      var received = read(path, reader);
      assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
      assertThat(received.get("receivedBy").asText()).isEqualTo(GUANGXI_FISCAL);
      assertThat(received.get("reEvaluation").asText()).isEqualTo("选择部分项目开展绩效再评价");
      assertThat(received.get("reEvaluationProjects")).hasSize(1);
      assertThat(received.get("reEvaluationProjects").get(0).asText()).isEqualTo(poor);
      assertThat(received.get("fiscalComment").asText()).isEqualTo("请兴宁区配合再评价");
    }
    var list = read("/api/overall-evaluations?province=450000", GUANGXI_FISCAL);
    assertThat(list.findValuesAsText("businessKey")).contains(businessKey("450000", EVALUATED));
  }

  @Test
  void anotherUnitOrAnotherProvinceIsRefusedWithAChineseProblem_gxArticle28() throws Exception {
    var path = "/api/overall-evaluations/450000/" + EVALUATED;
    // a city's 财政局, a county, a city's finance office: the result goes to the 财政厅 only
    for (var outsider : new String[] {NANNING_FISCAL, XINGNING_FISCAL, XINGNING_ECO, NANNING_FINANCE,
        XINJIANG_FINANCE, QIEMO_ECO, POLICY_OWNER}) {
      refused(path, outsider, 403, "没有访问该资源的权限");
      refused("/api/overall-evaluations?province=450000", outsider, 403, "没有访问该资源的权限");
    }
    // Xinjiang reads its own (empty) list, not Guangxi's
    assertThat(read("/api/overall-evaluations?province=650000", XINJIANG_FINANCE)).isEmpty();
  }

  @Test
  void hostileOrWrongParametersAreTheClientsMistake() throws Exception {
    refused("/api/overall-evaluations?province=" + URLEncoder.encode("450000' or '1'='1",
        StandardCharsets.UTF_8), GUANGXI_FINANCE, 400, "6 位数字");
    refused("/api/overall-evaluations?province=" + URLEncoder.encode("<script>alert(1)</script>",
        StandardCharsets.UTF_8), MINISTRY_FINANCE, 400, "6 位数字");
    refused("/api/overall-evaluations/450000/abc", GUANGXI_FINANCE, 400, "格式不对");
    refused("/api/overall-evaluations/450000/99999999999", GUANGXI_FINANCE, 400, "格式不对");
    refused("/api/overall-evaluations?province=450100", NANNING_FINANCE, 400, "不是省级单位");
    refused("/api/overall-evaluations?province=999999", MINISTRY_FINANCE, 404, "999999");
    refused("/api/overall-evaluations/450000/1999", GUANGXI_FINANCE, 404, "尚未开展专项资金总体绩效评价");
    refused("/api/overall-evaluations", GUANGXI_FINANCE, 400, "缺少参数 province");
    var anonymous = http().get("/api/overall-evaluations?province=450000", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  Http http() {
    return new Http(port);
  }
}
