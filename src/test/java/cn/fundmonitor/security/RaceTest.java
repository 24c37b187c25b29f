package cn.fundmonitor.security;

import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.XINGNING_ECO;
import static cn.fundmonitor.support.TestUsers.XINGNING_FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Funding;
import cn.fundmonitor.support.ProblemRaises;
import cn.fundmonitor.support.Projects;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Races over /engine-rest, as Tasklist users cause them (issue 13: 30 of 30 losers of a claim race
 * answered 500, 3 of 50 of a completion race): one winner, every loser a 409 (or 404 once the task
 * is gone) with a Chinese problem JSON, never a 5xx, and the filing recorded once.
 */
@FundMonitorTest
class RaceTest {

  static final int THREADS = 20;
  static final Quarter Q = new Quarter(2026, 3);

  @LocalServerPort int port;
  @Autowired Projects projects;
  @Autowired Funding funding;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired ProblemRaises raises;
  final ObjectMapper json = new ObjectMapper();

  /** Xingning finance department's staff: twenty people who may all claim its tasks. */
  List<String> clerks = new ArrayList<>();

  @BeforeEach
  void clerks() {
    for (int i = 1; i <= THREADS; i++) {
      var id = "t-race-clerk-" + i;
      if (identity.createUserQuery().userId(id).count() == 0) {
        var user = identity.newUser(id);
        user.setPassword(PASSWORD);
        user.setFirstName("兴宁区财务股");
        user.setLastName("办事员" + i);
        ((IdentityServiceImpl) identity).saveUser(user, true);
        identity.createMembership(id, "450102-finance");
      }
      clerks.add(id);
    }
  }

  /** A funded Xingning project's open filing: its business key and task. */
  String[] openFiling(String name) {
    var code = projects.warehoused(XINGNING_ECO, "450102", name);
    funding.fund(code, "450102", "1000000", LocalDate.of(2026, 4, 1));
    var instance = runtime.startProcessInstanceByKey(QuarterlyFilingProcess.KEY, Q.key(code),
        Variables.createVariables().putValue("filingYear", Q.year())
            .putValue("filingQuarter", Q.quarter()).putValue("projectCode", code));
    var task = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_FILE).singleResult();
    return new String[] {Q.key(code), task.getId()};
  }

  String filingForm() throws Exception {
    var actuals = json.writeValueAsString(json.writeValueAsString(List.of(
        Map.of("position", 1, "actual", "120", "notYetDue", false),
        Map.of("position", 2, "actual", "", "notYetDue", true),
        Map.of("position", 3, "actual", "明显改善", "notYetDue", false),
        Map.of("position", 4, "actual", "", "notYetDue", true))));
    return "{\"variables\":{\"paidToDate\":{\"value\":\"600000\"},"
        + "\"paidCentral\":{\"value\":\"600000\"},\"physicalProgress\":{\"value\":75},"
        + "\"indicatorActuals\":{\"type\":\"Json\",\"value\":" + actuals + "}}}";
  }

  /** Sends the calls at the same moment, one thread each, and returns the answers. */
  List<Wire.Answer> atOnce(int n, IntFunction<Wire.Call> call) throws Exception {
    var barrier = new CyclicBarrier(n);
    var pool = Executors.newFixedThreadPool(n);
    try {
      var futures = new ArrayList<java.util.concurrent.Future<Wire.Answer>>();
      for (int i = 0; i < n; i++) {
        var c = call.apply(i);
        futures.add(pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          return Wire.send(port, c);
        }));
      }
      var answers = new ArrayList<Wire.Answer>();
      for (var f : futures) {
        answers.add(f.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  static void oneWinnerLosersConflict(List<Wire.Answer> answers, int winner, List<Integer> losers) {
    var statuses = answers.stream().map(Wire.Answer::status).toList();
    assertThat(statuses).as("no 5xx: " + answers).allMatch(s -> s < 500);
    assertThat(statuses).as("exactly one winner: " + statuses).filteredOn(s -> s == winner)
        .hasSize(1);
    for (var a : answers) {
      if (a.status() != winner) {
        assertThat(losers).as(a.body()).contains(a.status());
        assertThat(Wire.problemDefect(a)).as("a Chinese problem JSON").isNull();
      }
    }
  }

  @Test
  void twentyClerksClaimingOneTaskOneWinsTheOthersAreToldItIsTaken() throws Exception {
    var taskId = openFiling("认领竞争项目")[1];

    var answers = atOnce(THREADS, i -> Wire.Call.json("POST", "/engine-rest/task/" + taskId
        + "/claim", "{\"userId\":\"" + clerks.get(i) + "\"}", clerks.get(i), PASSWORD));

    oneWinnerLosersConflict(answers, 204, List.of(409));
    var winner = clerks.get(answers.indexOf(answers.stream().filter(a -> a.status() == 204)
        .findFirst().orElseThrow()));
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo(winner);
    assertThat(answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().body())
        .contains("认领");
  }

  @Test
  void twentyClerksCompletingOneFilingItIsFiledOnce() throws Exception {
    var filing = openFiling("办理竞争项目");
    var form = filingForm();

    var answers = atOnce(THREADS, i -> Wire.Call.json("POST", "/engine-rest/task/" + filing[1]
        + "/complete", form, clerks.get(i), PASSWORD));

    oneWinnerLosersConflict(answers, 204, List.of(404, 409));
    assertThat(filed(filing[0])).isOne();
  }

  @Test
  void theSameFilingSubmittedTwiceAtOnceIsFiledOnceAndTheSecondIsAConflict() throws Exception {
    var filing = openFiling("重复提交项目");
    var form = filingForm();
    tasks.claim(filing[1], XINGNING_FINANCE);

    var answers = atOnce(2, i -> Wire.Call.json("POST", "/engine-rest/task/" + filing[1]
        + "/submit-form", form, XINGNING_FINANCE, PASSWORD));

    oneWinnerLosersConflict(answers, 204, List.of(404, 409));
    assertThat(filed(filing[0])).isOne();
    // the form's warning raises its problem in a job of its own (issue 18): one, for one filing
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(filing[0])
        .singleResult().getId();
    assertThat(raises.pendingFor(instance)).as("one raise for the one filing").isNotNull();
    raises.run();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(filing[0])
        .taskDefinitionKey(QuarterlyFilingProcess.TASK_REVIEW).count()).isOne();
  }

  int filed(String businessKey) {
    return jdbc.sql("select count(*) from fm_quarterly_filing where business_key = ? and "
        + "status = 'FILED' and filed_by is not null").param(businessKey).query(Integer.class)
        .single();
  }
}
