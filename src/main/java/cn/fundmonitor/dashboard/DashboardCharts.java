package cn.fundmonitor.dashboard;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.overdue.OverdueBoard;
import cn.fundmonitor.reports.Figures;
import cn.fundmonitor.reports.StatisticsService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The statistics dashboard's charts (issue 17), each a small table computed from the same
 * {@link StatisticsService} as {@code /api/statistics} (and, for late steps, {@link OverdueBoard}),
 * within what the user may see: execution rate against the reference progress (时序进度) by region
 * with drill-down, by quarter, warnings by colour, late steps and open problems by region, and
 * target achievement. Each chart exports as a workbook with exactly the numbers it draws.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DashboardCharts {

  public static final List<String> NAMES = List.of("execution", "quarters", "warnings",
      "overdue", "targets");

  private final StatisticsService statistics;
  private final OverdueBoard overdue;
  private final OrganisationService organisation;

  /** A chart's data: its rows (a region, a quarter, a category) and one value per column. */
  public record Chart(String name, String title, String unit, List<String> columns,
      List<ChartRow> rows) {}

  /** {@code drill}: the row is a region with regions below it, opened by clicking it. */
  public record ChartRow(String key, String label, boolean drill, List<BigDecimal> values) {}

  public record Dashboard(int year, int quarter, List<String> scope, String divisionCode,
      String divisionName, String parentCode, List<Chart> charts) {}

  public Dashboard all(Collection<String> groupIds, int year, int quarter, String divisionCode) {
    if (divisionCode != null && !divisionCode.isBlank()
        && !divisionCode.matches("\\d{6}")) {
      // checked before the statistics' own check, which names the code it did not find
      throw new InvalidInputException("查询条件有误", "行政区划代码应为6位数字");
    }
    var scope = statistics.scope(groupIds, divisionCode);
    var s = statistics.compute(year, quarter, scope);
    var board = overdue.of(groupIds, divisionCode, null);
    var region = s.region();
    var children = region.rows().stream().filter(r -> r.depth() == 1).toList();
    var regions = children.isEmpty()
        ? region.rows().stream().filter(r -> r.depth() == 0).toList() : children;
    var lateByRegion = new HashMap<String, Integer>();
    board.regions().forEach(r -> lateByRegion.put(r.code(), r.count()));

    var charts = new ArrayList<Chart>();
    charts.add(new Chart("execution", "预算执行率与时序进度（按地区）", "%",
        List.of("预算执行率（%）", "时序进度（%）", "到位资金（万元）", "累计支出（万元）"),
        rows(regions, true, f -> values(percent(f.executionRate()), percent(f.timeProgress()),
            f.received().inWan(), f.paid().inWan()))));
    charts.add(new Chart("quarters", "预算执行率与时序进度（按季度）", "%",
        List.of("预算执行率（%）", "时序进度（%）", "累计支出（万元）"),
        rows(s.quarters().rows(), false, f -> values(percent(f.executionRate()),
            percent(f.timeProgress()), f.paid().inWan()))));
    charts.add(new Chart("warnings", "执行预警（按颜色、地区）", "项",
        List.of("红色预警", "黄色预警", "蓝色预警"),
        rows(regions, true, f -> values(count(f.red()), count(f.yellow()), count(f.blue())))));
    var late = new ArrayList<ChartRow>();
    for (var r : regions) {
      late.add(new ChartRow(r.key(), r.label(), drillable(r.key()), values(
          count(lateByRegion.getOrDefault(r.key(), 0)), count(r.figures().openProblems()),
          count(r.figures().overdueFilings()))));
    }
    charts.add(new Chart("overdue", "逾期事项与未办结问题（按地区）", "项",
        List.of("逾期事项", "未办结问题", "逾期未填报"), late));
    charts.add(new Chart("targets", "绩效目标完成情况（按指标类别）", "项",
        List.of("三级指标数", "有完成率的指标", "已达标指标", "平均完成率（%）"),
        rows(s.targets().rows().stream().filter(r -> r.depth() == 1).toList(), false,
            f -> values(count(f.indicators()), count(f.indicatorsRated()),
                count(f.indicatorsMet()), f.averageCompletion()))));
    var code = scope.roots().size() == 1 ? scope.roots().get(0) : null;
    var parent = code == null ? null : organisation.get(code).parentCode();
    if (parent != null) {
      try {
        statistics.scope(groupIds, parent);
      } catch (RuntimeException outside) {
        parent = null; // the user's own unit: nothing above to go back to
      }
    }
    return new Dashboard(year, quarter, s.scope(), code,
        code == null ? null : organisation.nameOf(code), parent, charts);
  }

  /** One chart of a dashboard by name; an unknown name answers 404. */
  public static Chart one(Dashboard dashboard, String name) {
    return dashboard.charts().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new NotFoundException("没有该名称的图表。"));
  }

  /** The chart as a workbook: a title row, a header row, one row per bar or point. */
  public byte[] workbook(Dashboard dashboard, Chart chart) {
    var wb = new XSSFWorkbook();
    var sheet = wb.createSheet(chart.title().replaceAll("[\\\\/?*\\[\\]:]", "-"));
    sheet.createRow(0).createCell(0).setCellValue(dashboard.year() + "年第" + dashboard.quarter()
        + "季度 " + chart.title() + "（" + String.join("、", dashboard.scope()) + "）");
    var header = sheet.createRow(1);
    header.createCell(0).setCellValue(chart.name().equals("quarters") ? "季度"
        : chart.name().equals("targets") ? "指标类别" : "地区");
    for (int c = 0; c < chart.columns().size(); c++) {
      header.createCell(c + 1).setCellValue(chart.columns().get(c));
    }
    int r = 2;
    for (var row : chart.rows()) {
      var line = sheet.createRow(r++);
      TextCells.set(line.createCell(0), row.label());
      for (int c = 0; c < row.values().size(); c++) {
        var v = row.values().get(c);
        if (v != null) {
          line.createCell(c + 1).setCellValue(v.doubleValue());
        }
      }
    }
    sheet.createFreezePane(0, 2);
    for (int c = 0; c <= chart.columns().size(); c++) {
      sheet.setColumnWidth(c, 20 * 256);
    }
    return Workbooks.bytes(wb);
  }

  private List<ChartRow> rows(List<StatisticsService.Row> rows, boolean regions,
      Function<Figures, List<BigDecimal>> values) {
    return rows.stream().map(r -> new ChartRow(r.key(), r.label(),
        regions && drillable(r.key()), values.apply(r.figures()))).toList();
  }

  private boolean drillable(String code) {
    return organisation.find(code).map(d -> d.level() != DivisionLevel.COUNTY).orElse(false)
        && organisation.all().stream().anyMatch(d -> code.equals(d.parentCode()));
  }

  /** A row's values; a rate with nothing to divide by is null (no bar, an empty cell). */
  static List<BigDecimal> values(BigDecimal... values) {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(values));
  }

  static BigDecimal percent(BigDecimal fraction) {
    return fraction == null ? null : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal count(int n) {
    return BigDecimal.valueOf(n);
  }
}
