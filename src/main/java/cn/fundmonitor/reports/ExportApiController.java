package cn.fundmonitor.reports;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.platform.CurrentUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Exports of quarterly filings: streamed straight to the response, or as a background job whose
 * progress a client polls (a hundred thousand rows take a while).
 */
@RestController
@RequestMapping("/api/exports")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ExportApiController {

  private final FilingExport export;
  private final ExportJobs jobs;
  private final StatisticsService statistics;
  private final ReportPeriods periods;

  /**
   * The filings of a quarter ({@code year}, {@code quarter}) or of a monitoring point
   * ({@code pointId}; MNR 第十一条: 其他填报时点，按要求执行), streamed as they are read.
   */
  @GetMapping(value = "/filings", produces = Workbooks.XLSX)
  ResponseEntity<StreamingResponseBody> filings(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
      @RequestParam(required = false) Long pointId,
      @RequestParam(required = false) String divisionCode) {
    var scope = statistics.scope(user.groupIds(), divisionCode);
    var period = periods.of(year, quarter, pointId, user.groupIds());
    StreamingResponseBody body = out -> export.write(period, scope, out, n -> { });
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName(period))).body(body);
  }

  /** Starts the export in the background; poll the Location for progress. */
  @PostMapping("/filings")
  ResponseEntity<JobView> start(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
      @RequestParam(required = false) Long pointId,
      @RequestParam(required = false) String divisionCode) {
    var scope = statistics.scope(user.groupIds(), divisionCode);
    var period = periods.of(year, quarter, pointId, user.groupIds());
    var total = export.count(period, scope);
    var job = jobs.start(user.userId(), fileName(period), total,
        (out, progress) -> export.write(period, scope, out, progress));
    return ResponseEntity.accepted().location(URI.create("/api/exports/" + job.id()))
        .body(JobView.of(job));
  }

  @GetMapping("/{id}")
  JobView progress(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
    return JobView.of(job(user, id));
  }

  /** The finished file, from the database: whichever node ran the export. */
  @GetMapping("/{id}/file")
  ResponseEntity<StreamingResponseBody> file(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String id) {
    var job = job(user, id);
    switch (job.state()) {
      case RUNNING -> throw new ConflictException("导出尚未完成（已写出 " + job.written() + " / " + job.total()
          + " 行），请稍后再下载");
      case FAILED -> throw new ConflictException(job.error());
      default -> { }
    }
    StreamingResponseBody body = out -> jobs.copy(job.id(), out);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .contentLength(job.size())
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(job.fileName())).body(body);
  }

  private ExportJobs.Job job(CurrentUser user, String id) {
    return jobs.find(id, user.userId())
        .orElseThrow(() -> new NotFoundException("导出任务不存在或已过期：" + id));
  }

  static String fileName(int year, int quarter) {
    return fileName(new cn.fundmonitor.filing.Quarter(year, quarter));
  }

  /** 2026年第3季度填报明细.xlsx; a point's: 2026年1—8月监测时点（截至2026-08-31）填报明细.xlsx. */
  static String fileName(cn.fundmonitor.filing.FilingPeriod period) {
    return period.label() + "填报明细.xlsx";
  }

  static String attachment(String fileName) {
    return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build()
        .toString();
  }

  record JobView(String id, String state, long written, long total, int percent, String error,
      String file) {
    static JobView of(ExportJobs.Job job) {
      return new JobView(job.id(), job.state().name(), job.written(), job.total(), job.percent(),
          job.error(), job.state() == ExportJobs.State.DONE ? "/api/exports/" + job.id() + "/file"
              : null);
    }
  }
}
