package cn.fundmonitor.project;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.common.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's implementation plan by monitoring point (项目实施进度, 资阳 三(三): 项目支出以项目实施
 * 进度或资金分配进度为参照), entered with the application: by each date, the budget execution (累计支付
 * ÷ 到位资金) and the physical progress the project plans to have reached. Between two points the
 * plan is read as a straight line; before the first point there is no plan to measure against.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProgressPlans {

  /** A plan of more points than a project has monitoring points in ten years is a mistake. */
  static final int MAX_POINTS = 40;

  /**
   * Planned progress at a monitoring point, in percent; as JSON, a row of the application form's
   * list {@code progressPlan} (its keys {@code plannedExecution} and {@code plannedPhysical}).
   */
  public record PlannedProgress(LocalDate pointOn,
      @JsonProperty("plannedExecution") BigDecimal execution,
      @JsonProperty("plannedPhysical") BigDecimal physical) {}

  private final JdbcClient jdbc;

  /**
   * Checks the rows of the form's list {@code progressPlan} ({pointOn, plannedExecution,
   * plannedPhysical}); an empty or missing list is no plan. Cumulative figures never go down.
   */
  public static List<PlannedProgress> check(List<Map<String, Object>> rows) {
    var problems = new ArrayList<String>();
    var plan = new ArrayList<PlannedProgress>();
    if (rows.size() > MAX_POINTS) {
      throw new InvalidInputException("实施进度计划有误", "监控时点不能超过" + MAX_POINTS + "个");
    }
    var seen = new HashSet<LocalDate>();
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var label = "实施进度计划第" + (i + 1) + "行";
      if (row.values().stream().allMatch(v -> text(v) == null)) {
        continue;
      }
      var point = date(row.get("pointOn"), label + "的监控时点", problems);
      var execution = percent(row.get("plannedExecution"), label + "的计划预算执行率（%）", problems);
      var physical = percent(row.get("plannedPhysical"), label + "的计划实物工作量进度（%）", problems);
      if (point != null && !seen.add(point)) {
        problems.add(label + "：监控时点 " + point + " 重复");
      }
      if (point != null && execution != null && physical != null) {
        plan.add(new PlannedProgress(point, execution, physical));
      }
    }
    plan.sort(Comparator.comparing(PlannedProgress::pointOn));
    for (int i = 1; i < plan.size(); i++) {
      var before = plan.get(i - 1);
      var p = plan.get(i);
      if (p.execution().compareTo(before.execution()) < 0 || p.physical().compareTo(before.physical()) < 0) {
        problems.add("实施进度计划为累计数，" + p.pointOn() + " 的计划进度不能低于 " + before.pointOn() + " 的");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("实施进度计划有误", problems);
    }
    return plan;
  }

  /** Replaces the project's plan with the rows given (checked by {@link #check}). */
  public List<PlannedProgress> record(String projectCode, List<Map<String, Object>> rows) {
    var plan = check(rows);
    jdbc.sql("delete from fm_progress_plan where project_code = ?").param(projectCode).update();
    for (var p : plan) {
      jdbc.sql("insert into fm_progress_plan (project_code, point_on, planned_execution, "
              + "planned_physical) values (?, ?, ?, ?)")
          .params(projectCode, p.pointOn(), p.execution(), p.physical()).update();
    }
    return plan;
  }

  @Transactional(readOnly = true)
  public List<PlannedProgress> of(String projectCode) {
    return jdbc.sql("select point_on, planned_execution, planned_physical from fm_progress_plan "
            + "where project_code = ? order by point_on")
        .param(projectCode)
        .query((rs, n) -> new PlannedProgress(rs.getObject("point_on", LocalDate.class),
            rs.getBigDecimal("planned_execution"), rs.getBigDecimal("planned_physical")))
        .list();
  }

  /**
   * The planned progress at a monitoring point: a point of the plan itself, a straight line between
   * the two around it, or the last point's once the plan has ended; empty before the plan's first
   * point (nothing planned to measure against).
   */
  @Transactional(readOnly = true)
  public Optional<PlannedProgress> at(String projectCode, LocalDate point) {
    return at(of(projectCode), point);
  }

  static Optional<PlannedProgress> at(List<PlannedProgress> plan, LocalDate point) {
    PlannedProgress before = null;
    for (var p : plan) {
      if (!p.pointOn().isAfter(point)) {
        before = p;
      } else if (before == null) {
        return Optional.empty();
      } else {
        var share = BigDecimal.valueOf(ChronoUnit.DAYS.between(before.pointOn(), point))
            .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(before.pointOn(), p.pointOn())), 6,
                RoundingMode.HALF_UP);
        return Optional.of(new PlannedProgress(point, between(before.execution(), p.execution(), share),
            between(before.physical(), p.physical(), share)));
      }
    }
    return Optional.ofNullable(before).map(b -> b.pointOn().equals(point) ? b
        : new PlannedProgress(point, b.execution(), b.physical()));
  }

  private static BigDecimal between(BigDecimal from, BigDecimal to, BigDecimal share) {
    return from.add(to.subtract(from).multiply(share)).setScale(2, RoundingMode.HALF_UP);
  }
}
