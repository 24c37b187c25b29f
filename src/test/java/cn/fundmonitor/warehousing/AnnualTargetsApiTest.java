package cn.fundmonitor.warehousing;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A project's annual targets over HTTP (GX 第二十六条: 自治区下达项目任务时，同步下达项目年度绩效目标和总体
 * 绩效目标; GX 第二十五条: 所有专项资金支持的项目都要编制整体绩效目标和年度绩效目标): the province's
 * reviewing department or finance office issues them; the county that applied, a city's 财政局 and
 * another province may not; hostile input is the client's mistake, answered in Chinese.
 */
@FundMonitorTest
class AnnualTargetsApiTest {

  static final String TARGETS = "{\"indicators\":[{\"level1\":\"OUTPUT\",\"level2\":\"QUANTITY\","
      + "\"name\":\"年度修复治理面积\",\"comparator\":\"GE\",\"target\":\"%s\",\"unit\":\"公顷\"}]}";

  @LocalServerPort int port;
  @Autowired Projects projects;
  final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> put(String code, Object year, String body, String user) {
    return new Http(port).put("/api/projects/" + code + "/annual-targets/" + year, body, user, PASSWORD);
  }

  JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    var problem = json.readTree(response.body());
    assertThat(problem.get("detail").asText()).doesNotContain("Exception", "insert ", "fm_project");
    return problem;
  }

  @Test
  void theProvinceIssuesTheYearsTargetsAndTheCountyReadsWhatItIsMeasuredAgainst_gxArticle26()
      throws Exception {
    var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区年度目标接口项目");
    var before = json.readTree(new Http(port).get("/api/projects/" + code + "/targets?year=2031",
        XINGNING_ECO, PASSWORD).body());
    assertThat(before.get("annual").asBoolean()).isFalse();
    assertThat(before.get("label").asText()).startsWith("总体绩效目标");
    assertThat(before.get("indicators")).hasSize(4);

    var issued = put(code, 2031, TARGETS.formatted("30"), GUANGXI_ECO);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    assertThat(put(code, 2032, TARGETS.formatted("60"), GUANGXI_FINANCE).statusCode()).isEqualTo(200);

    var read = new Http(port).get("/api/projects/" + code + "/targets?year=2031", XINGNING_ECO, PASSWORD);
    assertThat(read.statusCode()).isEqualTo(200);
    var year = json.readTree(read.body());
    assertThat(year.get("annual").asBoolean()).isTrue();
    assertThat(year.get("label").asText()).isEqualTo("2031 年度绩效目标");
    assertThat(year.get("indicators")).hasSize(1);
    assertThat(year.get("indicators").get(0).get("target").asText()).isEqualTo("30");
    assertThat(year.get("annualTargetYears").toString()).isEqualTo("[2031,2032]");
  }

  @Test
  void anotherUnitOrTheWrongRoleIsRefused_gxArticle26() throws Exception {
    var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区年度目标越权项目");
    for (var outsider : new String[] {XINGNING_ECO, XINGNING_FINANCE, NANNING_FINANCE, NANNING_FISCAL,
        GUANGXI_FISCAL, GUANGXI_GEOHAZARD, XINJIANG_FINANCE, MINISTRY_FINANCE, POLICY_OWNER}) {
      var refused = problem(put(code, 2031, TARGETS.formatted("30"), outsider), 403);
      assertThat(refused.get("detail").asText()).as(outsider).contains("没有访问该资源的权限");
    }
    var hidden = new Http(port).get("/api/projects/" + code + "/targets?year=2031", QIEMO_ECO, PASSWORD);
    assertThat(hidden.statusCode()).as("another province does not see the project").isEqualTo(404);
    assertThat(new Http(port).get("/api/projects/" + code + "/targets?year=2031", XINGNING_ECO,
        PASSWORD).body()).contains("\"annual\":false");
  }

  @Test
  void hostileInputIsTheClientsMistake() throws Exception {
    var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区年度目标恶意输入项目");
    assertThat(problem(put(code, 1800, TARGETS.formatted("30"), GUANGXI_ECO), 400)
        .get("detail").asText()).contains("预算年度应为 2000 至 2100 年");
    problem(put(code, "2031%27%20or%201%3D1", TARGETS.formatted("30"), GUANGXI_ECO), 400);
    problem(put(code, 2031, "{\"indicators\": \"<script>alert(1)</script>\"}", GUANGXI_ECO), 400);
    problem(put(code, 2031, "not json", GUANGXI_ECO), 400);
    assertThat(problem(put(code, 2031, "{\"indicators\":[]}", GUANGXI_ECO), 400).get("detail").asText())
        .contains("请填写该年度的绩效指标");
    assertThat(problem(put(code, 2031, TARGETS.formatted("-5"), GUANGXI_ECO), 400).get("detail").asText())
        .contains("第1条指标").contains("不能为负数");
    assertThat(problem(put(code, 2031, TARGETS.formatted("9".repeat(5000)), GUANGXI_ECO), 400)
        .get("detail").asText()).contains("第1条指标");
    assertThat(problem(put(code, 2031, TARGETS.replace("年度修复治理面积", "<img src=x onerror=alert(1)>")
        .replace("QUANTITY", "NO_SUCH"), GUANGXI_ECO), 400).get("detail").asText()).contains("二级指标");
    problem(put("no-such-project", 2031, TARGETS.formatted("30"), GUANGXI_ECO), 404);
    var applied = projects.underReview(XINGNING_ECO, "450102", "兴宁区未入库年度目标项目");
    assertThat(problem(put(applied, 2031, TARGETS.formatted("30"), GUANGXI_ECO), 409).get("detail")
        .asText()).contains("只有已入库项目可下达年度绩效目标");
    assertThat(new Http(port).get("/api/projects/" + code + "/targets?year=20x1", XINGNING_ECO,
        PASSWORD).statusCode()).isEqualTo(400);
    assertThat(new Http(port).put("/api/projects/" + code + "/annual-targets/2031",
        TARGETS.formatted("30"), null, null).statusCode()).isEqualTo(401);
  }
}
