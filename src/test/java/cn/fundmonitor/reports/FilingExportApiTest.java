package cn.fundmonitor.reports;

import static cn.fundmonitor.support.TestUsers.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Sheets;
import cn.fundmonitor.support.ReportsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Quarterly filings exported as Excel: streamed, or as a background job with progress. */
@ReportsTest
class FilingExportApiTest {

  @LocalServerPort int port;
  @Autowired ReportsFixture fixture;
  @Autowired ExportJobs jobs;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void seed() {
    fixture.ensure();
    http = new Http(port);
  }

  @Test
  void theQuartersFilingsStreamAsOneSheet() {
    var response = http.download("/api/exports/filings?year=2026&quarter=2", Workbooks.XLSX,
        GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    var rows = Sheets.read(response.body());
    assertThat(rows.get(0)).isEqualTo(FilingExport.HEADERS);
    assertThat(rows).hasSize(4);
    var a = rows.stream().filter(r -> r.get(0).equals(fixture.a())).findFirst().orElseThrow();
    assertThat(a.subList(2, 10)).containsExactly("450102", "兴宁区", "国土综合整治与生态修复",
        "中央财政支持专项相关资金", "2026", "2", "待省级审核", "2026-07-15");
    assertThat(a.get(10)).isEqualTo("100.00");
    assertThat(a.get(11)).isEqualTo("30.00");
    assertThat(a.get(12)).isEqualTo("30.00");
    assertThat(a.get(16)).isEqualTo("30.00%");
    assertThat(a.get(17)).isEqualTo("40.00");
    assertThat(a.get(18)).isEqualTo("红色");
    var c = rows.stream().filter(r -> r.get(0).equals(fixture.c())).findFirst().orElseThrow();
    assertThat(c.get(8)).isEqualTo("待填报");

    var county = Sheets.read(http.download(
        "/api/exports/filings?year=2026&quarter=2", Workbooks.XLSX, XINGNING_ECO, PASSWORD).body());
    assertThat(county).hasSize(2);
    assertThat(county.get(1).get(0)).isEqualTo(fixture.a());
  }

  JsonNode poll(String id, String user) throws Exception {
    var deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      var status = json.readTree(http.get("/api/exports/" + id, user, PASSWORD).body());
      if (!status.get("state").asText().equals("RUNNING") || Instant.now().isAfter(deadline)) {
        return status;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aBackgroundExportReportsProgressAndIsItsOwnersOnly() throws Exception {
    var started = http.post("/api/exports/filings?year=2026&quarter=2", "", GUANGXI_FINANCE, PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    var job = json.readTree(started.body());
    assertThat(job.get("total").asInt()).isEqualTo(3);
    assertThat(started.headers().firstValue("Location")).hasValue("/api/exports/" + job.get("id").asText());

    var done = poll(job.get("id").asText(), GUANGXI_FINANCE);
    assertThat(done.get("state").asText()).isEqualTo("DONE");
    assertThat(done.get("written").asInt()).isEqualTo(3);
    assertThat(done.get("percent").asInt()).isEqualTo(100);
    var file = http.download(done.get("file").asText(), Workbooks.XLSX, GUANGXI_FINANCE, PASSWORD);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(Sheets.read(file.body())).hasSize(4);

    assertThat(http.get("/api/exports/" + job.get("id").asText(), XINGNING_ECO, PASSWORD).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRunningExportCannotBeDownloadedYetAndAFailedOneSaysSo() throws Exception {
    var release = new CountDownLatch(1);
    var running = jobs.start(GUANGXI_FINANCE, "x.xlsx", 10, (out, progress) -> {
      progress.accept(4);
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write(new byte[] {1});
      return 10;
    });
    var deadline = Instant.now().plusSeconds(5);
    while (running.written() < 4 && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    var status = json.readTree(http.get("/api/exports/" + running.id(), GUANGXI_FINANCE, PASSWORD).body());
    assertThat(status.get("state").asText()).isEqualTo("RUNNING");
    assertThat(status.get("percent").asInt()).isEqualTo(40);
    var early = http.get("/api/exports/" + running.id() + "/file", GUANGXI_FINANCE, PASSWORD);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(json.readTree(early.body()).get("detail").asText()).contains("导出尚未完成（已写出 4 / 10 行）");
    release.countDown();
    assertThat(poll(running.id(), GUANGXI_FINANCE).get("state").asText()).isEqualTo("DONE");

    var failing = jobs.start(GUANGXI_FINANCE, "y.xlsx", 1, (out, progress) -> {
      throw new IllegalStateException("disk full");
    });
    var failed = poll(failing.id(), GUANGXI_FINANCE);
    assertThat(failed.get("state").asText()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).contains("导出失败");
    assertThat(http.get("/api/exports/" + failing.id() + "/file", GUANGXI_FINANCE, PASSWORD).statusCode())
        .isEqualTo(409);
    assertThat(http.get("/api/exports/no-such-job", GUANGXI_FINANCE, PASSWORD).statusCode()).isEqualTo(404);
  }
}
