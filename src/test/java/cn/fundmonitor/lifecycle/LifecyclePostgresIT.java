package cn.fundmonitor.lifecycle;

import cn.fundmonitor.filing.RawFiling;
import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;
import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.Tasklist;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
  @Autowired RuntimeService runtime;
  @Autowired Tasklist tasklist;

  @Test
  void aProjectLivesFromItsFirstMoneyToFinalAccountsApprovedByTheLocalFiscalDepartmentOnPostgres_gxArticle23() {
    assertThat(url).startsWith("jdbc:postgresql:");
    var code = projects.warehoused(XINGNING_ECO, "450102", "PostgreSQL 全周期项目");
    funding.fund(code, "450102", "1000000", LocalDate.of(2026, 3, 2));
    starter.startIfAbsent(List.of(code));
    var q = new Quarter(2026, 3);
    filings.prepare(code, q);
    filings.open(q.key(code), q, null);
    filings.file(q.key(code), new RawFiling("990000", Map.of("CENTRAL", "990000"), "100", List.of(
        Map.of("position", 1, "actual", "120"), Map.of("position", 2, "actual", "2026-09-01"),
        Map.of("position", 3, "actual", "明显改善"), Map.of("position", 4, "actual", "96"))), XINGNING_FINANCE);

    var finance = tasklist.as(XINGNING_FINANCE);
    finance.complete(code, TASK_REPORT_START, STARTED_ON.with(LocalDate.of(2026, 3, 10)));
    finance.complete(code, TASK_REPORT_COMPLETION, COMPLETED_ON.with(LocalDate.of(2026, 9, 1)));
    finance.complete(code, TASK_APPLY_ACCEPTANCE, ACCEPTANCE_APPLIED_ON.with(LocalDate.of(2026, 9, 10)));
    finance.complete(code, TASK_REPORT_ACCEPTANCE, ProcessVariables.builder()
        .set(ACCEPTED_ON, LocalDate.of(2026, 9, 20)).set(ACCEPTANCE_KIND, AcceptanceKind.FINAL)
        .set(PAID_AT_ACCEPTANCE, Yuan.of("990000")).build());
    finance.complete(code, TASK_SETTLEMENT, ProcessVariables.builder()
        .set(SETTLED_ON, LocalDate.of(2026, 10, 10)).set(SETTLED_AMOUNT, Yuan.of("990000")).build());
    finance.complete(code, TASK_FINAL_ACCOUNTS, FINAL_ACCOUNTS_ON.with(LocalDate.of(2026, 11, 1)));
    // GX 第二十三条: 决算报告报当地财政部门审批 — 兴宁区财政局 approves
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(TASK_APPROVE_FINAL_ACCOUNTS).taskCandidateGroup("450102-fiscal").count()).isOne();
    var pi = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(code).singleResult();
    // the bureau's own finance office may not
    finance.cannotComplete(pi, TASK_APPROVE_FINAL_ACCOUNTS, FINAL_ACCOUNTS_COMMENT.with("同意"));
    tasklist.as(XINGNING_FISCAL).complete(code, TASK_APPROVE_FINAL_ACCOUNTS, FINAL_ACCOUNTS_COMMENT.with("同意"));

    assertThat(lifecycles.get(code).status()).isEqualTo(LifecycleStatus.CLOSED);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(code).finished().count()).isOne();
    assertThat(lifecycles.events(code)).containsExactly("FUNDED", "STARTED", "COMPLETED",
        "ACCEPTANCE_APPLIED", "ACCEPTED", "SETTLED", "FINAL_ACCOUNTS", "FINAL_ACCOUNTS_APPROVED");
    assertThat(lifecycles.get(code).paidAtAcceptance().amount()).isEqualByComparingTo("990000");
  }
}
