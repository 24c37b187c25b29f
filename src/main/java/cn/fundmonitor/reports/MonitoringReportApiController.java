package cn.fundmonitor.reports;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.platform.CurrentUser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring reports over HTTP: the draft (saved entries, or the unit's data), saving, the
 * computed figures, and the Word document. Addressed by unit, budget year and monitoring date,
 * e.g. /api/monitoring-reports/652825/2021/2021-06-30.
 */
@RestController
@RequestMapping("/api/monitoring-reports/{unitCode}/{year}/{date}")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MonitoringReportApiController {

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final MonitoringReportService reports;

  @GetMapping("/draft")
  Map<String, Object> draft(@AuthenticationPrincipal CurrentUser user, @PathVariable String unitCode,
      @PathVariable int year, @PathVariable String date) {
    return reports.draft(unitCode, year, date(date), user.groupIds());
  }

  @PutMapping
  Summary save(@AuthenticationPrincipal CurrentUser user, @PathVariable String unitCode,
      @PathVariable int year, @PathVariable String date, @RequestBody Map<String, Object> body) {
    return Summary.of(reports.save(unitCode, year, date(date), body, user.userId(), user.groupIds()));
  }

  @GetMapping
  Summary get(@AuthenticationPrincipal CurrentUser user, @PathVariable String unitCode,
      @PathVariable int year, @PathVariable String date) {
    return Summary.of(reports.get(unitCode, year, date(date), user.groupIds()));
  }

  @GetMapping(value = "/document", produces = DOCX)
  ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String unitCode, @PathVariable int year, @PathVariable String date) {
    var bytes = reports.document(unitCode, year, date(date), user.groupIds());
    var name = reports.authorityName(unitCode) + year + "年整体支出绩效监控报告（" + date + "）.docx";
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(DOCX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name, StandardCharsets.UTF_8).build().toString())
        .body(bytes);
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("查询条件有误", "监控节点应为 yyyy-MM-dd 格式的日期，收到“" + text + "”");
    }
  }

  /** The computed figures: what the document states. */
  record Summary(String unitCode, int year, LocalDate monitoringDate, BigDecimal budgetWan,
      BigDecimal arrivedWan, BigDecimal executedWan, Integer arrivalRate, Integer executionRate,
      SectionView basic, SectionView project, long level1, long level2, int level3,
      List<IndicatorView> indicators, ExtraView extra) {

    static Summary of(MonitoringReport r) {
      return new Summary(r.unitCode(), r.year(), r.monitoringDate(), wan(r.budget()), wan(r.arrived()),
          wan(r.executed()), r.arrivalRate().orElse(null), r.executionRate().orElse(null),
          SectionView.of(r.basic()), SectionView.of(r.project()), r.level1Count(), r.level2Count(),
          r.level3Count(), r.indicators().stream().map(IndicatorView::of).toList(), ExtraView.of(r.extra()));
    }
  }

  record SectionView(BigDecimal budgetWan, BigDecimal spentWan, Integer executionRate) {
    static SectionView of(MonitoringReport.Section s) {
      return new SectionView(wan(s.budget()), wan(s.spent()),
          MonitoringReport.percent(s.spent(), s.budget()).orElse(null));
    }
  }

  record IndicatorView(String level1, String level2, String name, String target, String actual,
      Integer rate, boolean notYetDue) {
    static IndicatorView of(MonitoringReport.UnitIndicator i) {
      var rate = i.rate();
      return new IndicatorView(i.indicator().level().label(), i.indicator().category().label(),
          i.indicator().name(), MonitoringReport.targetText(i.indicator()),
          MonitoringReportDocument.actualText(i), rate.isPresent() ? rate.getAsInt() : null, i.notYetDue());
    }
  }

  record ExtraView(BigDecimal totalWan, BigDecimal arrivedWan, BigDecimal paidWan,
      Integer arrivalRate, Integer executionRate) {
    static ExtraView of(MonitoringReport.Extra e) {
      return new ExtraView(wan(e.total()), wan(e.arrived()), wan(e.paid()),
          MonitoringReport.percent(e.arrived(), e.total()).orElse(null),
          MonitoringReport.percent(e.paid(), e.arrived()).orElse(null));
    }
  }

  static BigDecimal wan(Yuan y) {
    return y == null ? BigDecimal.ZERO : y.inWan();
  }
}
