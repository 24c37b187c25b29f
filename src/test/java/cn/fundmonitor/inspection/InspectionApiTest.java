package cn.fundmonitor.inspection;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FaultyData;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.InspectionTest;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checks over HTTP: the inspector and the ministry see every finding, a sampled county only its
 * own, another province nothing; and every unit can run the rules over its own data first.
 */
@InspectionTest
class InspectionApiTest {

  @LocalServerPort int port;
  @Autowired FaultyData data;
  @Autowired RuntimeService runtime;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    data.ensure();
    http = new Http(port);
  }

  JsonNode get(String path, String user, int status) throws Exception {
    var response = http.get(path, user, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  static List<String> texts(JsonNode array, String field) {
    var result = new ArrayList<String>();
    array.forEach(n -> result.add(n.get(field).asText()));
    return result;
  }

  @Test
  void theInspectorSeesAllFindingsAndASampledCountyItsOwn() throws Exception {
    var pi = users.as(XINJIANG_FINANCE, () -> runtime.startProcessInstanceByKey(InspectionProcess.KEY,
        Variables.createVariables().putValue("inspectionYear", "2026").putValue("sampleUnits", "650000")));
    var no = pi.getBusinessKey();

    var full = get("/api/inspections/" + no, XINJIANG_FINANCE, 200);
    assertThat(full.get("scopeUnitName").asText()).isEqualTo("新疆维吾尔自治区");
    assertThat(full.get("statusLabel").asText()).isEqualTo("整改中");
    assertThat(full.get("findingsTotal").asInt()).isEqualTo(FindingKind.basic().size());
    assertThat(texts(full.get("findings"), "kind")).containsExactlyInAnyOrder(
        FindingKind.basic().stream().map(Enum::name).toArray(String[]::new));
    assertThat(texts(full.get("findings"), "statusLabel")).containsOnly("待整改");
    assertThat(get("/api/inspections/" + no, MINISTRY_FINANCE, 200).get("findings")).hasSize(FindingKind.basic().size());

    var own = get("/api/inspections/" + no, QIEMO_FINANCE, 200);
    assertThat(texts(own.get("findings"), "unitName")).hasSize(FindingKind.basic().size() - 1).containsOnly("且末县");
    assertThat(get("/api/inspections/" + no, SICHUAN_FINANCE, 404).get("detail").asText()).contains("无权查看");

    assertThat(texts(get("/api/inspections?year=2026", QIEMO_FINANCE, 200), "inspectionNo")).contains(no);
    assertThat(texts(get("/api/inspections?year=2026", SICHUAN_FINANCE, 200), "inspectionNo")).doesNotContain(no);
  }

  @Test
  void theEvaluationSummaryShowsWhatTheChecksFound() throws Exception {
    users.as(XINJIANG_FINANCE, () -> runtime.startProcessInstanceByKey(InspectionProcess.KEY,
        Variables.createVariables().putValue("inspectionYear", "2026").putValue("sampleUnits", "652825")));
    // every kept check of the year, whatever other tests started: count the self-evaluation findings
    int total = 0;
    int confirmed = 0;
    String project = null;
    for (var no : texts(get("/api/inspections?year=2026", XINJIANG_FINANCE, 200), "inspectionNo")) {
      for (var f : get("/api/inspections/" + no, XINJIANG_FINANCE, 200).get("findings")) {
        if (f.get("kind").asText().equals(FindingKind.ACHIEVEMENT_VS_EVALUATION.name())) {
          total++;
          confirmed += f.get("status").asText().equals("CONFIRMED") ? 1 : 0;
          project = f.get("reference").asText().substring(0, "652825-2026-0001".length());
        }
      }
    }
    assertThat(total).isPositive();

    var summary = get("/api/evaluations?year=2026", XINJIANG_FINANCE, 200);
    var expected = total + " 条" + (confirmed == total ? "，均已整改确认" : "，已整改确认 " + confirmed + " 条");
    var rows = new ArrayList<JsonNode>();
    summary.forEach(rows::add);
    final var code = project;
    assertThat(rows).filteredOn(r -> r.get("projectCode").asText().equals(code)).singleElement()
        .satisfies(r -> assertThat(r.get("inspectionFindings").asText()).isEqualTo(expected));
    assertThat(rows).filteredOn(r -> !r.get("projectCode").asText().equals(code))
        .allSatisfy(r -> assertThat(r.get("inspectionFindings").isNull()).isTrue());
  }

  @Test
  void everyUnitChecksItsOwnDataWithoutKeepingAnything() throws Exception {
    var own = get("/api/data-quality/findings?year=2026", QIEMO_FINANCE, 200);
    assertThat(texts(own, "kind")).hasSize(FindingKind.basic().size() - 1)
        .doesNotContain(FindingKind.DECOMPOSITION_MISMATCH.name());
    assertThat(texts(own, "basis")).allMatch(b -> b.contains("MNR"));
    assertThat(get("/api/data-quality/findings?year=2026", ZIYANG_FINANCE, 200)).isEmpty();
    assertThat(get("/api/data-quality/findings?year=2026&unit=652825", ZIYANG_FINANCE, 400).get("detail").asText())
        .contains("单位“652825”不在本单位管辖范围内");
    assertThat(texts(get("/api/data-quality/findings?year=2026&unit=652825", XINJIANG_FINANCE, 200), "unitCode"))
        .containsOnly("652825");
  }
}
