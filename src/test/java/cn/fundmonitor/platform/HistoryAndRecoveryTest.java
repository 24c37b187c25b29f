package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.support.TestConfiguration;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.task.SyncTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Operations (issue 16): history past its time to live is removed by the nightly cleanup, and the
 * work a dead node held is free again within about a minute, not six. On a database of its own:
 * the cleanup removes every instance past its time to live, which other tests' history must not
 * be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-history-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=historyTest"})
@ActiveProfiles("test")
@Import(TestConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryAndRecoveryTest {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DecisionService decisions;
  @Autowired RepositoryService repository;
  @Autowired CamundaBpmProperties properties;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  /** Runs the history cleanup now, as the nightly window would, and returns when it is done. */
  void cleanUp() {
    var job = history.cleanUpHistoryAsync(true);
    for (int round = 0; round < 20 && job != null; round++) {
      management.executeJob(job.getId());
      // the job stays (rescheduled) while it found something to remove: run it until it is idle
      job = management.createJobQuery().jobId(job.getId()).singleResult();
      if (job != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
        break;
      }
    }
  }

  long historicInstances(String processInstanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count();
  }

  /**
   * Without a batch window Camunda never schedules its cleanup, and history grows for ever. With
   * one, the engine schedules the cleanup job when it starts, inside the window (02:00 to 05:00,
   * the JVM's time zone).
   */
  @Test
  @Order(1) // before the other test runs the cleanup by hand
  void theCleanupIsScheduledEveryNightBetweenTwoAndFive() {
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("02:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
    var jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).as("the cleanup job the engine scheduled").isNotEmpty();
    assertThat(jobs).allSatisfy(job -> assertThat(job.getDuedate().toInstant()
        .atZone(java.time.ZoneId.systemDefault()).toLocalTime())
        .isBetween(java.time.LocalTime.of(2, 0), java.time.LocalTime.of(5, 0)));
  }

  /**
   * The time to live of each model (README "History"): a quarter's wave 365 days after it ended,
   * decisions 1,825 days after they were taken; what is still running is never removed.
   */
  @Test
  void historyPastItsTimeToLiveIsRemovedByTheNightlyCleanup() {
    var start = OffsetDateTime.of(2026, 4, 1, 1, 0, 0, 0, BEIJING);
    at(start);
    var ended = runtime.createProcessInstanceByKey(QuarterlyFilingProcess.WAVE_KEY)
        .startBeforeActivity(QuarterlyFilingProcess.WAVE_PLAN)
        .setVariables(ProcessVariables.builder().set(QuarterlyFilingProcess.FILING_YEAR, 2026)
        .set(QuarterlyFilingProcess.FILING_QUARTER, 1).build()).execute();
    at(start.plusMinutes(1));
    // its plan, its wait for the (no) batches and its reconciliation: each a job of its own
    for (var step : List.of(QuarterlyFilingProcess.WAVE_PLAN, QuarterlyFilingProcess.WAVE_WAIT,
        QuarterlyFilingProcess.WAVE_RECONCILE)) {
      management.executeJob(management.createJobQuery().processInstanceId(ended.getId())
          .activityId(step).singleResult().getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(ended.getId()).count())
        .as("the wave (no projects) has ended").isZero();
    var running = runtime.createProcessInstanceByKey(QuarterlyFilingProcess.WAVE_KEY)
        .startBeforeActivity(QuarterlyFilingProcess.WAVE_PLAN)
        .setVariables(ProcessVariables.builder().set(QuarterlyFilingProcess.FILING_YEAR, 2026)
        .set(QuarterlyFilingProcess.FILING_QUARTER, 2).build()).execute();
    decisions.evaluateDecisionTableByKey("executionWarning", Variables.createVariables()
        .putValue("executionProgress", 40.0).putValue("physicalProgressRatio", 100.0)
        .putValue("lowestIndicatorProgress", 100.0).putValue("highestIndicatorProgress", 100.0));
    var decision = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(
        "executionWarning").singleResult();
    assertThat(historicInstances(ended.getId())).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count())
        .isPositive();

    at(start.plusDays(364));
    cleanUp();
    assertThat(historicInstances(ended.getId())).as("within its 365 days: kept").isOne();

    at(start.plusDays(366));
    cleanUp();
    assertThat(historicInstances(ended.getId())).as("past its 365 days: removed").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count())
        .as("with its steps").isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(decision.getId())
        .count()).as("a decision is kept 1,825 days").isOne();
    assertThat(historicInstances(running.getId())).as("a running instance is never removed").isOne();

    at(start.plusDays(1826));
    cleanUp();
    assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(decision.getId())
        .count()).as("past its 1,825 days: removed").isZero();
    assertThat(historicInstances(running.getId())).isOne();
  }

  /**
   * A node takes jobs for {@code lock-time-in-millis} (40 s, not Camunda's 300 s) and dies: the
   * jobs are someone else's after 40 s; an idle node looks again every 5 s at most, so they are
   * taken up within the minute (WaveFaultIT: kill -9 of a real node mid-wave).
   */
  @Test
  void aJobLockedByADeadNodeIsFreeForAnotherAfterFortySeconds() {
    // the job executor a node builds from application.yaml (the tests run without one)
    var executor = DefaultJobConfiguration.JobConfiguration.jobExecutor(new SyncTaskExecutor(),
        properties);
    assertThat(executor.getLockTimeInMillis()).isEqualTo(40_000);
    assertThat(executor.getMaxWait()).isLessThanOrEqualTo(5_000);
    assertThat(executor.getWaitTimeInMillis()).isLessThanOrEqualTo(5_000);

    var now = OffsetDateTime.of(2026, 5, 6, 10, 0, 0, 0, BEIJING);
    at(now);
    repository.createDeployment().name("recovery-test").addModelInstance("recovery-test.bpmn",
        Bpmn.createExecutableProcess("recoveryTest").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("ServiceTask_Async").camundaAsyncBefore().camundaDelegateExpression(
                "${checkFilingBatchesDelegate}").endEvent().done()).deploy();
    var pi = runtime.startProcessInstanceByKey("recoveryTest");
    var job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    var commands = configuration.getCommandExecutorTxRequired();

    // the node acquires the job (locks it) and dies before running it
    assertThat(commands.execute(new AcquireJobsCmd(executor, 100)).contains(job.getId())).isTrue();
    at(now.plus(Duration.ofSeconds(39)));
    assertThat(commands.execute(new AcquireJobsCmd(executor, 100)).contains(job.getId()))
        .as("still locked by the dead node").isFalse();
    at(now.plus(Duration.ofSeconds(41)));
    assertThat(commands.execute(new AcquireJobsCmd(executor, 100)).contains(job.getId()))
        .as("free for another node after 40 s").isTrue();
  }
}
