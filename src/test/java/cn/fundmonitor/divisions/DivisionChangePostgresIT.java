package cn.fundmonitor.divisions;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.lifecycle.LifecycleStarter;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.support.Counties;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A county merged on PostgreSQL: the engine's variable table is read there too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class DivisionChangePostgresIT {

  @Value("${spring.datasource.url}") String url;
  @LocalServerPort int port;
  @Autowired Counties counties;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired LifecycleStarter lifecycle;
  @Autowired ProjectCatalogue catalogue;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired Clock clock;

  @Test
  void aCountyMergesOnPostgres() throws Exception {
    assertThat(url).startsWith("jdbc:postgresql:");
    counties.create("450191", "己县", "450100");
    counties.create("450192", "庚县", "450100");
    var code = projects.warehoused(Counties.user("450191", Role.ECO), "450191", "PostgreSQL 合并项目");
    funding.fund(code, "450191", "500000", LocalDate.of(2026, 3, 2));
    lifecycle.startIfAbsent(List.of(code));
    var task = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(TASK_REPORT_START).singleResult();

    var json = new ObjectMapper();
    var response = new Http(port).post("/api/division-changes", json.writeValueAsString(Map.of(
            "kind", "MERGE", "fromCode", "450191", "toCode", "450192",
            "effectiveOn", LocalDate.now(clock).toString(), "approvalDocument", "桂政函〔2026〕99号")),
        GUANGXI_FINANCE, PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var change = json.readTree(response.body());
    assertThat(change.get("movedTasks").asInt()).isOne();
    assertThat(change.get("movedVariables").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).sorted()).containsExactly("450192-eco", "450192-finance");
    assertThat(runtime.getVariable(task.getProcessInstanceId(), "lifecycleGroups"))
        .isEqualTo("450192-finance,450192-eco");
    assertThat(catalogue.get(code).regionCode()).isEqualTo("450192");
  }
}
