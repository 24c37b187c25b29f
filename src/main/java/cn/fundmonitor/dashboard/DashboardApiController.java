package cn.fundmonitor.dashboard;

import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.platform.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's charts (/dashboard/): all of them as JSON, each one as Excel — the caller's
 * units and below, or one division of them (drill-down), as /api/statistics.
 */
@RestController
@RequestMapping("/api/dashboard/charts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DashboardApiController {

  private final DashboardCharts charts;

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  DashboardCharts.Dashboard all(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
      @RequestParam int quarter, @RequestParam(required = false) String divisionCode) {
    return charts.all(user.groupIds(), year, quarter, divisionCode);
  }

  @GetMapping(path = "/{name}", produces = Workbooks.XLSX)
  ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String name, @RequestParam int year, @RequestParam int quarter,
      @RequestParam(required = false) String divisionCode) {
    if (!DashboardCharts.NAMES.contains(name)) {
      throw new cn.fundmonitor.common.NotFoundException("没有该名称的图表。");
    }
    var dashboard = charts.all(user.groupIds(), year, quarter, divisionCode);
    var chart = DashboardCharts.one(dashboard, name);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(year + "年第" + quarter + "季度" + chart.title() + ".xlsx",
                StandardCharsets.UTF_8).build().toString())
        .body(charts.workbook(dashboard, chart));
  }
}
