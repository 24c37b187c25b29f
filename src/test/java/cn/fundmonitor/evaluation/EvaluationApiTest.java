package cn.fundmonitor.evaluation;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Sheets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The province's collection of the year's self-evaluations (GX 第二十八条) over HTTP, scoped by unit. */
@FundMonitorTest
class EvaluationApiTest {

  static final int YEAR = 2030;

  @LocalServerPort int port;
  @Autowired SelfEvaluationService evaluations;
  @Autowired Projects projects;
  final ObjectMapper json = new ObjectMapper();

  String evaluated(String applicant, String region, String name, String grade) {
    var code = projects.warehoused(applicant, region, name);
    var key = SelfEvaluation.key(code, YEAR);
    evaluations.open(key, code, YEAR, null);
    evaluations.submit(key, Map.of(EvaluationPart.OUTPUT, BigDecimal.valueOf(100)), "自评报告", false,
        applicant);
    evaluations.recordGrade(key, Grade.valueOf(grade));
    evaluations.collect(key, "同意", NANNING_FINANCE);
    return code;
  }

  @Test
  void theProvinceSeesItsRegionsEvaluationsAndWhichLoseMoney() throws Exception {
    var poor = evaluated(XINGNING_ECO, "450102", "兴宁区汇总项目", "POOR");
    var good = evaluated(YANGSHUO_ECO, "450321", "阳朔县汇总项目", "GOOD");

    var all = json.readTree(http().get("/api/evaluations?year=" + YEAR, GUANGXI_FINANCE, PASSWORD).body());
    var codes = new ArrayList<String>();
    all.forEach(e -> codes.add(e.get("projectCode").asText()));
    assertThat(codes).contains(poor, good);
    for (var e : all) {
      if (e.get("projectCode").asText().equals(poor)) {
        assertThat(e.get("grade").asText()).isEqualTo("差");
        assertThat(e.get("allocationReduced").asBoolean()).isTrue();
        assertThat(e.get("status").asText()).isEqualTo("已审核，省级汇总");
        // GX 第二十五条: 年度、中期和实施期后; a project without annual targets, not ended: annual
        assertThat(e.get("kind").asText()).isEqualTo("年度绩效评价");
      }
    }
    var county = json.readTree(http().get("/api/evaluations?year=" + YEAR, XINGNING_ECO, PASSWORD).body());
    var own = new ArrayList<String>();
    county.forEach(e -> own.add(e.get("projectCode").asText()));
    assertThat(own).contains(poor).doesNotContain(good);

    var sheet = http().download("/api/evaluations?year=" + YEAR, Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD);
    assertThat(sheet.statusCode()).isEqualTo(200);
    var rows = Sheets.read(sheet.body());
    assertThat(rows.get(0)).startsWith("项目编码", "项目名称", "承担单位");
    assertThat(rows.stream().filter(r -> r.get(0).equals(poor)).findFirst().orElseThrow().get(8))
        .isEqualTo("是");
  }

  Http http() {
    return new Http(port);
  }
}
