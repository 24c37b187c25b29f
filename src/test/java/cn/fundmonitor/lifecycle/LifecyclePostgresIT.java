package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** One project's whole life, first money to approved final accounts, on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.admin-user.password=It-Guanli-Mima#2026",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class LifecyclePostgresIT {

  @Value("${spring.datasource.url}") String url;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired LifecycleStarter starter;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired FilingService filings;
  @Autowired ProjectLifecycleService lifecycles;
  @Autowired TestUsers users;

  void complete(String code, String taskKey, Object... pairs) {
    completeAs(XINGNING_FINANCE, code, taskKey, pairs);
  }

  void completeAs(String user, String code, String taskKey, Object... pairs) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
    var vars = Variables.createVariables();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.putValue((String) pairs[i], pairs[i + 1]);
    }
    users.run(user, () -> {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
    });
  }

  @Test
  void aProjectLivesFromItsFirstMoneyToFinalAccountsApprovedByTheLocalFiscalDepartmentOnPostgres_gxArticle23() {
    assertThat(url).startsWith("jdbc:postgresql:");
    var code = projects.warehoused(XINGNING_ECO, "450102", "PostgreSQL 全周期项目");
    funding.fund(code, "450102", "1000000", LocalDate.of(2026, 3, 2));
    starter.startIfAbsent(List.of(code));
    var q = new Quarter(2026, 3);
    filings.prepare(code, q);
    filings.open(q.key(code), q, null);
    filings.file(q.key(code), "990000", Map.of("CENTRAL", "990000"), "100", List.of(
        Map.of("position", 1, "actual", "120"), Map.of("position", 2, "actual", "2026-09-01"),
        Map.of("position", 3, "actual", "明显改善"), Map.of("position", 4, "actual", "96")), XINGNING_FINANCE);

    complete(code, TASK_REPORT_START, STARTED_ON.name(), "2026-03-10");
    complete(code, TASK_REPORT_COMPLETION, COMPLETED_ON.name(), "2026-09-01");
    complete(code, TASK_APPLY_ACCEPTANCE, ACCEPTANCE_APPLIED_ON.name(), "2026-09-10");
    complete(code, TASK_REPORT_ACCEPTANCE, ACCEPTED_ON.name(), "2026-09-20",
        ACCEPTANCE_KIND.name(), "FINAL", PAID_AT_ACCEPTANCE.name(), "990000");
    complete(code, TASK_SETTLEMENT, SETTLED_ON.name(), "2026-10-10", SETTLED_AMOUNT.name(), "990000");
    complete(code, TASK_FINAL_ACCOUNTS, FINAL_ACCOUNTS_ON.name(), "2026-11-01");
    // GX 第二十三条: 决算报告报当地财政部门审批 — 兴宁区财政局 approves
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(TASK_APPROVE_FINAL_ACCOUNTS).taskCandidateGroup("450102-fiscal").count()).isOne();
    assertThatThrownBy(() -> complete(code, TASK_APPROVE_FINAL_ACCOUNTS, FINAL_ACCOUNTS_COMMENT.name(), "同意"))
        .as("the bureau's own finance office may not").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    completeAs(XINGNING_FISCAL, code, TASK_APPROVE_FINAL_ACCOUNTS, FINAL_ACCOUNTS_COMMENT.name(), "同意");

    assertThat(lifecycles.get(code).status()).isEqualTo(LifecycleStatus.CLOSED);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(code).finished().count()).isOne();
    assertThat(lifecycles.events(code)).containsExactly("FUNDED", "STARTED", "COMPLETED",
        "ACCEPTANCE_APPLIED", "ACCEPTED", "SETTLED", "FINAL_ACCOUNTS", "FINAL_ACCOUNTS_APPROVED");
    assertThat(lifecycles.get(code).paidAtAcceptance().amount()).isEqualByComparingTo("990000");
  }
}
