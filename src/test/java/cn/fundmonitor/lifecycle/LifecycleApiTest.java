package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A project's life over HTTP: where it stands, and force majeure reported by its own unit only. */
@FundMonitorTest
class LifecycleApiTest {

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired LifecycleStarter starter;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void theUnitReportsForceMajeureAndEveryoneInChargeSeesTheLife() throws Exception {
    var code = projects.warehoused(XINGNING_ECO, "450102", "兴宁区接口跟踪项目");
    funding.fund(code, "450102", "1000000", LocalDate.of(2026, 3, 2));
    starter.startIfAbsent(List.of(code));
    var http = new Http(port);

    var view = json.readTree(http.get("/api/projects/" + code + "/lifecycle", GUANGXI_ECO, PASSWORD).body());
    assertThat(view.get("status").asText()).isEqualTo("FUNDED");
    assertThat(view.get("statusLabel").asText()).isEqualTo("已下达资金，待开工");
    assertThat(view.get("events")).extracting(e -> e.asText()).containsExactly("FUNDED");
    assertThat(http.get("/api/projects/" + code + "/lifecycle", YANGSHUO_ECO, PASSWORD).statusCode())
        .isEqualTo(404);

    var path = "/api/projects/" + code + "/force-majeure";
    assertThat(http.post(path, json.writeValueAsString(Map.of("kind", "SUSPEND", "reason", "暴雨")),
        YANGSHUO_ECO, PASSWORD).statusCode()).as("another county").isEqualTo(403);
    var bad = http.post(path, json.writeValueAsString(Map.of("kind", "PAUSE", "reason", " ")), XINGNING_ECO, PASSWORD);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("detail").asText())
        .contains("请选择：申请中止（SUSPEND）或申请撤销（CANCEL）", "请填写不可抗力情况说明");
    // issue 18: each problem points at the body's field it is about
    assertThat(json.readTree(bad.body()).get("errors"))
        .extracting(e -> e.get("pointer").asText(), e -> e.get("detail").asText())
        .containsExactly(tuple("#/kind", "请选择：申请中止（SUSPEND）或申请撤销（CANCEL）"),
            tuple("#/reason", "请填写不可抗力情况说明"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(ProjectLifecycleProcess.TASK_DECIDE_FORCE_MAJEURE).count()).isZero();

    assertThat(http.post(path, json.writeValueAsString(Map.of("kind", "SUSPEND", "reason", "特大暴雨停工")),
        XINGNING_ECO, PASSWORD).statusCode()).isEqualTo(202);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(ProjectLifecycleProcess.TASK_DECIDE_FORCE_MAJEURE).taskCandidateGroup("450000-eco")
        .count()).isOne();
    var resume = http.post("/api/projects/" + code + "/resumption", "", XINGNING_ECO, PASSWORD);
    assertThat(resume.statusCode()).as("not suspended yet").isEqualTo(409);
    assertThat(http.post("/api/projects/NO-SUCH/force-majeure", "{}", XINGNING_ECO, PASSWORD).statusCode())
        .isEqualTo(404);
  }
}
