package cn.fundmonitor.project;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A warehoused project's performance targets, changed after it entered the reserve: the overall
 * targets by an approved plan adjustment (GX 第二十一条) and the annual targets the province issues
 * with each year's task (GX 第二十六条). Read them through {@link ProjectCatalogue#targetsFor}.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProjectTargets {

  private final ProjectRepository projects;
  private final ProjectCatalogue catalogue;
  private final ProjectTeams teams;
  private final Clock clock;

  /**
   * Checks an adjusted plan's indicators against the warehoused ones (GX 第二十一条): parsed as
   * an application's, never lower; returns them, or refuses with every problem named.
   */
  @Transactional(readOnly = true)
  public List<Indicator> checkAdjustment(String code, List<Map<String, Object>> rows) {
    var p = catalogue.get(code);
    if (p.status() != ProjectStatus.WAREHOUSED) {
      throw new ConflictException("项目“" + p.name() + "”当前状态为“" + p.status().label() + "”，只有已入库项目可调整实施方案");
    }
    var problems = new ArrayList<String>();
    var adjusted = IndicatorRows.parse(rows, "请填写调整后的全部绩效指标（原有指标不得删除）", problems);
    if (problems.isEmpty()) {
      problems.addAll(TargetAdjustment.problems(p.indicators(), adjusted));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("实施方案调整有误", problems);
    }
    return adjusted;
  }

  /** The province approved an adjusted plan: the new indicators replace the old, with the reason. */
  public void adjustTargets(String code, List<Indicator> adjusted, String actor, String reason) {
    var p = catalogue.get(code);
    var now = now();
    projects.replaceIndicators(code, adjusted, now);
    projects.addHistory(code, new StatusChange(p.status(), p.status(), actor, now,
        StatusChange.truncate(reason)));
  }

  /**
   * The province issues a warehoused project's targets for one budget year with the year's task
   * (GX 第二十六条: 自治区下达项目任务时，同步下达项目年度绩效目标和总体绩效目标): the department that
   * reviews the project or the province's finance office. Once a quarterly filing of the year is
   * open its actuals are kept against the year's targets, so they can no longer be replaced (a
   * change then goes through the plan adjustment, GX 第二十一条).
   */
  public YearTargets issueAnnualTargets(String code, int year, List<Map<String, Object>> rows,
      String actor, Collection<String> callerGroups) {
    var p = catalogue.get(code);
    var reviewers = teams.reviewGroup(p);
    var allowed = Set.of(reviewers.id(), UnitGroup.of(reviewers.divisionCode(), Role.FINANCE).id());
    if (callerGroups.stream().noneMatch(allowed::contains)) {
      throw new AccessDeniedException("annual targets of " + code);
    }
    return recordAnnualTargets(code, year, rows, actor);
  }

  /**
   * Records a project's annual targets issued together with the year's money (GX 第二十六条), in
   * the fund allocation's issue step: the allocation checked who issues it and the 财政厅 reviewed
   * it, so no group check here. Same rules as {@link #issueAnnualTargets}.
   */
  public YearTargets recordAnnualTargets(String code, int year, List<Map<String, Object>> rows,
      String actor) {
    var p = catalogue.get(code);
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("年度绩效目标有误", "预算年度应为 2000 至 2100 年之间的四位年份");
    }
    if (p.status() != ProjectStatus.WAREHOUSED) {
      throw new ConflictException("项目“" + p.name() + "”当前状态为“" + p.status().label()
          + "”，只有已入库项目可下达年度绩效目标");
    }
    var problems = new ArrayList<String>();
    var targets = IndicatorRows.parse(rows, "请填写该年度的绩效指标（年度绩效目标）", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("年度绩效目标有误", problems);
    }
    if (projects.filingOpened(code, year)) {
      throw new ConflictException("项目“" + p.name() + "” " + year
          + " 年度的季度填报已经开始，年度绩效目标不能再更改；如需调整请走实施方案调整（GX 第二十一条）");
    }
    var now = now();
    projects.replaceAnnualIndicators(code, year, targets, actor, now);
    projects.addHistory(code, new StatusChange(p.status(), p.status(), actor, now,
        StatusChange.truncate("下达 " + year + " 年度绩效目标（GX 第二十六条）：" + String.join("；",
            targets.stream().map(Indicator::describe).toList()))));
    return catalogue.targetsFor(code, year);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
