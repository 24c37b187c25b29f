package cn.fundmonitor.warehousing;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectStatus;
import cn.fundmonitor.project.ProjectTargets;
import cn.fundmonitor.project.YearTargets;
import cn.fundmonitor.project.StatusChange;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project reserve over HTTP: a unit sees its own and its subordinates' projects only. */
@RestController
@RequestMapping("/api/projects")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProjectApiController {

  private final ProjectCatalogue catalogue;
  private final ProjectTargets projectTargets;
  private final ApplicationStarter starter;
  private final OrganisationService organisation;

  @GetMapping
  List<ProjectSummary> list(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) String status) {
    return catalogue.visibleTo(user.groupIds(), Optional.ofNullable(status).map(this::status))
        .stream().map(this::summary).toList();
  }

  @GetMapping("/{code}")
  ProjectDetail get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
    var p = catalogue.visibleProject(code, user.groupIds());
    return new ProjectDetail(summary(p), p.description(),
        p.indicators().stream().map(IndicatorView::of).toList(),
        catalogue.history(code).stream().map(HistoryView::of).toList());
  }

  /**
   * The targets the project's year is measured against (GX 第二十五条、第二十六条): the year's annual
   * targets, or the overall ones where none were issued; and the years annual targets exist for.
   */
  @GetMapping("/{code}/targets")
  YearTargetsView targets(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
      @RequestParam int year) {
    var p = catalogue.visibleProject(code, user.groupIds());
    return YearTargetsView.of(catalogue.targetsFor(p.code(), year), catalogue.annualTargetYears(p.code()));
  }

  /** The province issues the year's annual targets with the year's task (GX 第二十六条). */
  @PutMapping("/{code}/annual-targets/{year}")
  YearTargetsView issueAnnualTargets(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String code, @PathVariable int year, @RequestBody AnnualTargetsRequest request) {
    var targets = projectTargets.issueAnnualTargets(code, year, request.indicators(), user.userId(),
        user.groupIds());
    return YearTargetsView.of(targets, catalogue.annualTargetYears(code));
  }

  record AnnualTargetsRequest(List<java.util.Map<String, Object>> indicators) {}

  record YearTargetsView(String projectCode, int year, boolean annual, String label,
      List<IndicatorView> indicators, List<Integer> annualTargetYears) {
    static YearTargetsView of(YearTargets t, List<Integer> years) {
      return new YearTargetsView(t.projectCode(), t.year(), t.annual(), t.label(),
          t.indicators().stream().map(IndicatorView::of).toList(), years);
    }
  }

  /** Applies for warehousing as the caller, exactly as the Tasklist start form does. */
  @PostMapping("/applications")
  ResponseEntity<ProjectSummary> apply(@RequestBody ApplicationRequest request) {
    var project = starter.apply(request);
    return ResponseEntity.created(URI.create("/api/projects/" + project.code()))
        .body(summary(project));
  }

  private ProjectStatus status(String text) {
    try {
      return ProjectStatus.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("查询条件有误", "未知的项目状态：" + text);
    }
  }

  private ProjectSummary summary(Project p) {
    return new ProjectSummary(p.code(), p.name(), p.regionCode(),
        organisation.find(p.regionCode()).map(d -> d.name()).orElse(null), p.applicantUnitCode(),
        p.direction().name(), p.direction().label(), p.fundClass().name(), p.fundClass().label(),
        p.requestedAmount().amount().toPlainString(), p.requestedAmount().toWanText(),
        p.status().name(), p.status().label(), p.processInstanceId(), p.appliedBy(),
        p.appliedAt(), p.updatedAt());
  }

  record ProjectSummary(String code, String name, String regionCode, String regionName,
      String applicantUnitCode, String direction, String directionName, String fundClass,
      String fundClassName, String requestedAmountYuan, String requestedAmountWan, String status,
      String statusName, String processInstanceId, String appliedBy, OffsetDateTime appliedAt,
      OffsetDateTime updatedAt) {}

  record ProjectDetail(ProjectSummary project, String description, List<IndicatorView> indicators,
      List<HistoryView> history) {}

  record IndicatorView(String level1, String level1Name, String level2, String level2Name,
      String name, String comparator, String target, String unit) {
    static IndicatorView of(Indicator i) {
      return new IndicatorView(i.level().name(), i.level().label(), i.category().name(),
          i.category().label(), i.name(), i.comparator().symbol(), i.target().text(), i.unit());
    }
  }

  record HistoryView(String from, String to, String toName, String actor, OffsetDateTime at,
      String reason) {
    static HistoryView of(StatusChange c) {
      return new HistoryView(c.from() == null ? null : c.from().name(), c.to().name(),
          c.to().label(), c.actor(), c.occurredAt(), c.reason());
    }
  }
}
