package cn.fundmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.project.ProjectStatus;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo a newcomer clicks through: every demo user finds work, Cockpit has history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "fundmonitor.demo.enabled=true",
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-demo-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=demoTest"})
@ActiveProfiles("test")
class DemoDataTest {

  @Autowired DemoData demo;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void everyDemoUserLogsInAndFindsWork() {
    for (var user : DemoData.USERS) {
      assertThat(identity.checkPassword(user.id(), DemoData.PASSWORD)).as(user.id()).isTrue();
      if (user.id().startsWith("ministry-")) {
        assertThat(authorizations.isUserAuthorized(user.id(), groups(user.id()), Permissions.ACCESS,
            Resources.APPLICATION, "cockpit")).as("the ministry watches in Cockpit").isTrue();
      }
      if (user.id().equals("guilin-finance")) {
        continue; // acknowledges Yangshuo's filing once Yangshuo has refined
      }
      if (user.id().equals("ministry-eco")) {
        continue; // gives its opinion once a province reports corrections (correctionReport, monthly)
      }
      if (user.id().equals("policy-owner")) {
        // changes decision tables: deploys from Modeler and watches decisions in Cockpit
        assertThat(authorizations.isUserAuthorized(user.id(), groups(user.id()), Permissions.CREATE,
            Resources.DEPLOYMENT, "*")).as("the policy owner deploys").isTrue();
        assertThat(authorizations.isUserAuthorized(user.id(), groups(user.id()), Permissions.ACCESS,
            Resources.APPLICATION, "cockpit")).as("the policy owner sees decisions").isTrue();
        continue;
      }
      identity.setAuthentication(user.id(), groups(user.id()));
      try {
        assertThat(tasks.createTaskQuery().taskCandidateGroupIn(groups(user.id()))
            .includeAssignedTasks().count()).as(user.id() + " has work in Tasklist").isPositive();
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  @Test
  void projectsInEveryStateAndFinishedInstancesForCockpit() {
    var statuses = jdbc.sql("select distinct status from fm_project").query(String.class).list();
    assertThat(statuses).contains(ProjectStatus.WAREHOUSED.name(), ProjectStatus.UNDER_REVIEW.name(),
        ProjectStatus.RETURNED.name(), ProjectStatus.NOT_ELIGIBLE.name(),
        ProjectStatus.REJECTED.name());
    assertThat(history.createHistoricProcessInstanceQuery().finished().count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void thisQuartersFilingsAreOpenForTheFundedProjects() {
    assertThat(jdbc.sql("select count(*) from fm_quarterly_filing").query(Integer.class).single())
        .as("the two funded demo projects").isEqualTo(2);
    assertThat(tasks.createTaskQuery().taskDefinitionKey("UserTask_FileQuarter").count()).isEqualTo(2);
  }

  @Test
  void aCitysAndACountysOwnMoneyWaitInTasklist_mnrArticle9LastSentence() {
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("南财资环〔2026〕2号")
        .taskDefinitionKey("UserTask_ReviewAllocationPlan").taskCandidateGroup("450100-fiscal")
        .count()).as("Nanning's own money before 南宁市财政局").isOne();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("兴财资环〔2026〕1号")
        .taskDefinitionKey("UserTask_IssueFunds").taskCandidateGroup("450102-finance").count())
        .as("Xingning's own money to issue").isOne();
    assertThat(jdbc.sql("select fund_class from fm_allocation where document_no in "
        + "('南财资环〔2026〕2号', '兴财资环〔2026〕1号') order by fund_class").query(String.class).list())
        .containsExactly("CITY", "COUNTY");
    var summary = (String) runtime.createVariableInstanceQuery().variableName("annualTargetsSummary")
        .processInstanceIdIn(runtime.createProcessInstanceQuery()
            .processInstanceBusinessKey("兴财资环〔2026〕1号").singleResult().getId())
        .singleResult().getValue();
    assertThat(summary).as("the issue step shows the year's targets (GX 第二十六条)")
        .contains("兴宁区昆仑关历史遗留矿山生态修复工程：" + java.time.LocalDate.now().getYear() + " 年度绩效目标");
  }

  @Test
  void anOrdinaryAndAMajorProblemWait() {
    assertThat(jdbc.sql("select severity from fm_problem order by problem_no").query(String.class)
        .list()).containsExactly("ORDINARY", "MAJOR");
    assertThat(tasks.createTaskQuery().taskDefinitionKey("UserTask_DecideProblem")
        .taskCandidateGroup("000000-finance").count()).as("the ministry handles the major one")
        .isOne();
  }

  @Test
  void anOverdueIssueIsEscalatedAndVisibleInCockpit() {
    assertThat(runtime.createIncidentQuery().incidentType("overdue").list())
        .singleElement().satisfies(i -> assertThat(i.getIncidentMessage()).contains("广西壮族自治区 下达资金"));
    assertThat(jdbc.sql("select count(*) from fm_overdue_step where completed_at is null")
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void loadingAgainAddsNothing() {
    var before = jdbc.sql("select count(*) from fm_project").query(Integer.class).single();
    demo.load();
    assertThat(jdbc.sql("select count(*) from fm_project").query(Integer.class).single())
        .isEqualTo(before);
  }
}
