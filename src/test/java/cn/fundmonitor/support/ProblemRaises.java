package cn.fundmonitor.support;

import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.lifecycle.ProjectLifecycleProcess;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * A filing's warning and an acceptance's payment shortfall raise their problem in a job of its
 * own (asyncBefore, issue 18): the submission is accepted first, the problem comes with the job.
 * The test profile runs no job executor, so a test that expects the problem (or the task after
 * the raise) runs these jobs as the executor would, between the submission and the next user.
 */
@Component
@RequiredArgsConstructor
public class ProblemRaises {

  /** The steps that raise a problem, each asyncBefore. */
  public static final List<String> RAISING_TASKS = List.of(QuarterlyFilingProcess.TASK_RAISE_PROBLEM,
      ProjectLifecycleProcess.TASK_RAISE_PAYMENT_PROBLEM);

  private final ManagementService management;

  /** The raise jobs waiting to run. */
  public List<Job> pending() {
    return RAISING_TASKS.stream()
        .flatMap(task -> management.createJobQuery().activityId(task).list().stream()).toList();
  }

  /** The raise job a process instance waits at: fails unless exactly one. */
  public Job pendingFor(String processInstanceId) {
    var jobs = pending().stream().filter(j -> processInstanceId.equals(j.getProcessInstanceId()))
        .toList();
    if (jobs.size() != 1) {
      throw new AssertionError("expected one raise job for process instance " + processInstanceId
          + ", found " + jobs.size());
    }
    return jobs.get(0);
  }

  /**
   * Runs every waiting raise job, as the job executor does; a job that fails fails the test.
   *
   * @return how many ran
   */
  public int run() {
    var jobs = pending();
    jobs.forEach(j -> management.executeJob(j.getId()));
    return jobs.size();
  }
}
