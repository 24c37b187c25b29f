package cn.fundmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Background exports belong to no node (issue 16: started on node A, polled on node B → 404): a
 * second {@link ExportJobs} on the same database — another node — reports a job it never ran and
 * serves its file; finished jobs and their files go after the configured keep; a job whose node
 * stopped is reported failed instead of running for ever.
 */
@FundMonitorTest
class ExportJobsTest {

  static final Duration DAY = Duration.ofDays(1);

  @Autowired ExportJobs nodeA;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void anotherNodeReportsTheJobAndServesItsFileUntilItExpires() throws Exception {
    // 2.5 chunks: the file is stored and read back in pieces
    var content = new byte[ExportJobs.CHUNK * 5 / 2];
    new Random(16).nextBytes(content);
    var job = nodeA.start("owner-a", "a.xlsx", 2, (out, progress) -> {
      out.write(content, 0, 100);
      progress.accept(1);
      out.write(content, 100, content.length - 100);
      return 2;
    });

    var nodeB = new ExportJobs(jdbc, clock, DAY);
    try {
      var seen = waitUntilEnded(nodeB, job.id(), "owner-a");
      assertThat(seen.state()).isEqualTo(ExportJobs.State.DONE);
      assertThat(seen.written()).isEqualTo(2);
      assertThat(seen.percent()).isEqualTo(100);
      assertThat(seen.fileName()).isEqualTo("a.xlsx");
      assertThat(seen.size()).isEqualTo(content.length);
      var file = new ByteArrayOutputStream();
      nodeB.copy(job.id(), file);
      assertThat(file.toByteArray()).isEqualTo(content);
      assertThat(jdbc.queryForObject("select count(*) from fm_export_chunk where job_id = ?",
          Integer.class, job.id())).isEqualTo(3);
      assertThat(nodeB.find(job.id(), "someone-else")).isEmpty();
    } finally {
      nodeB.shutdown();
    }

    var aDayLater = new ExportJobs(jdbc, Clock.offset(clock, DAY.minusMinutes(1)), DAY);
    var overADayLater = new ExportJobs(jdbc, Clock.offset(clock, DAY.plusMinutes(1)), DAY);
    try {
      assertThat(aDayLater.find(job.id(), "owner-a")).isPresent();
      assertThat(overADayLater.find(job.id(), "owner-a")).isEmpty();
      assertThat(jdbc.queryForObject("select count(*) from fm_export_chunk where job_id = ?",
          Integer.class, job.id())).isZero();
    } finally {
      aDayLater.shutdown();
      overADayLater.shutdown();
    }
  }

  @Test
  void aJobWhoseNodeStoppedIsReportedFailedNotRunningForEver() throws Exception {
    var release = new CountDownLatch(1);
    var job = nodeA.start("owner-b", "b.xlsx", 10, (out, progress) -> {
      progress.accept(3);
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 10;
    });
    try {
      var deadline = Instant.now().plusSeconds(10);
      while (job.written() < 3 && Instant.now().isBefore(deadline)) {
        Thread.sleep(10);
      }
      var nodeB = new ExportJobs(jdbc, clock, DAY);
      var minutesLater = new ExportJobs(jdbc, Clock.offset(clock, ExportJobs.STALLED.plusSeconds(30)), DAY);
      try {
        var running = nodeB.find(job.id(), "owner-b").orElseThrow();
        assertThat(running.state()).isEqualTo(ExportJobs.State.RUNNING);
        assertThat(running.percent()).isEqualTo(30);
        var stalled = minutesLater.find(job.id(), "owner-b").orElseThrow();
        assertThat(stalled.state()).isEqualTo(ExportJobs.State.FAILED);
        assertThat(stalled.error()).contains("导出中断").contains("重新导出");
        assertThat(jdbc.queryForObject("select state from fm_export_job where id = ?", String.class,
            job.id())).isEqualTo("FAILED");
      } finally {
        nodeB.shutdown();
        minutesLater.shutdown();
      }
    } finally {
      release.countDown();
    }
  }

  static ExportJobs.Job waitUntilEnded(ExportJobs jobs, String id, String owner) throws Exception {
    var deadline = Instant.now().plusSeconds(20);
    while (true) {
      var job = jobs.find(id, owner).orElseThrow();
      if (job.state() != ExportJobs.State.RUNNING || Instant.now().isAfter(deadline)) {
        return job;
      }
      Thread.sleep(20);
    }
  }
}
