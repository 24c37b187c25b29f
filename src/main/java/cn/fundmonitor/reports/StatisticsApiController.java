package cn.fundmonitor.reports;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.platform.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics over HTTP (MNR 第十三条): JSON for a client, Excel for people; a unit sees itself and
 * its subordinates only.
 */
@RestController
@RequestMapping("/api/statistics")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StatisticsApiController {

  private final StatisticsService statistics;
  private final StatisticsSheets sheets;
  private final ReportPeriods periods;

  /**
   * The statistics of a quarter ({@code year} and {@code quarter}) or of a monitoring point
   * ({@code pointId}; MNR 第十一条: 其他填报时点，按要求执行).
   */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  StatisticsView get(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
      @RequestParam(required = false) Long pointId,
      @RequestParam(required = false) String divisionCode,
      @RequestParam(required = false) String view) {
    var s = compute(user, year, quarter, pointId, divisionCode);
    var views = s.views().stream().filter(v -> view == null || v.name().equalsIgnoreCase(view))
        .map(ViewJson::of).toList();
    return new StatisticsView(s.year(), s.quarter(), pointId, s.period(), s.periodLabel(),
        s.scope(), views);
  }

  @GetMapping(produces = Workbooks.XLSX)
  ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
      @RequestParam(required = false) Long pointId,
      @RequestParam(required = false) String divisionCode) {
    var s = compute(user, year, quarter, pointId, divisionCode);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(s.periodLabel() + "资金监测统计.xlsx", StandardCharsets.UTF_8).build()
            .toString())
        .body(sheets.write(s));
  }

  private StatisticsService.Statistics compute(CurrentUser user, Integer year, Integer quarter,
      Long pointId, String divisionCode) {
    var scope = scope(user, divisionCode);
    if (pointId == null && year != null && quarter != null) {
      return statistics.compute(year, quarter, scope);
    }
    return statistics.compute(periods.of(year, quarter, pointId, user.groupIds()), scope);
  }

  private Scope scope(CurrentUser user, String divisionCode) {
    statistics.checkDivision(divisionCode);
    return statistics.scope(user.groupIds(), divisionCode);
  }

  record StatisticsView(int year, Integer quarter, Long pointId, String period, String periodLabel,
      List<String> scope, List<ViewJson> views) {}

  record ViewJson(String name, String title, List<RowJson> rows, FiguresJson total) {
    static ViewJson of(StatisticsService.View v) {
      return new ViewJson(v.name(), v.title(), v.rows().stream().map(RowJson::of).toList(),
          FiguresJson.of(v.total()));
    }
  }

  record RowJson(String key, String label, int depth, FiguresJson figures) {
    static RowJson of(StatisticsService.Row r) {
      return new RowJson(r.key(), r.label(), r.depth(), FiguresJson.of(r.figures()));
    }
  }

  /** Amounts in yuan and in 万元 (exact), rates in percent with two decimals. */
  record FiguresJson(String receivedYuan, BigDecimal receivedWan, String issuedYuan,
      BigDecimal issuedWan, String paidYuan, BigDecimal paidWan, BigDecimal executionRatePercent,
      BigDecimal timeProgressPercent, int projects, int filed, int overdueFilings, int redWarnings,
      int yellowWarnings, int blueWarnings, int openProblems, int indicators, int indicatorsRated,
      int indicatorsMet, BigDecimal averageCompletionPercent) {

    static FiguresJson of(Figures f) {
      return new FiguresJson(f.received().amount().toPlainString(), f.received().inWan(),
          f.issued().amount().toPlainString(), f.issued().inWan(), f.paid().amount().toPlainString(),
          f.paid().inWan(), percent(f.executionRate()), percent(f.timeProgress()), f.projects(),
          f.filed(), f.overdueFilings(), f.red(), f.yellow(), f.blue(), f.openProblems(),
          f.indicators(), f.indicatorsRated(), f.indicatorsMet(), f.averageCompletion());
    }

    static BigDecimal percent(BigDecimal fraction) {
      return fraction == null ? null : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
  }
}
