package cn.fundmonitor.lifecycle;

import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.lifecycle.ProjectLifecycleService.ForceMajeure;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import cn.fundmonitor.project.ProjectCatalogue;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A project's life after the money over HTTP: where it stands, force majeure and resumption. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LifecycleApiController {

  private final ProjectLifecycleService lifecycles;
  private final LifecycleReports reports;
  private final ProjectCatalogue catalogue;
  private final OrganisationService organisation;

  @GetMapping("/api/projects/{code}/lifecycle")
  LifecycleView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
    catalogue.visibleProject(code, user.groupIds());
    return LifecycleView.of(lifecycles.get(code), lifecycles.events(code));
  }

  /** {"kind": "SUSPEND" or "CANCEL", "reason": "…"} */
  @PostMapping("/api/projects/{code}/force-majeure")
  ResponseEntity<Void> forceMajeure(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String code, @RequestBody Map<String, Object> body) {
    var kind = Inputs.text(body.get("kind"));
    reports.reportForceMajeure(code, Arrays.stream(ForceMajeure.values())
        .filter(k -> k.name().equals(kind)).findFirst().orElse(null), Inputs.text(body.get("reason")),
        user.userId(), user.groupIds());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/api/projects/{code}/resumption")
  ResponseEntity<Void> resume(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
    reports.resume(code, user.userId(), user.groupIds());
    return ResponseEntity.accepted().build();
  }

  /** Projects ended early whose regions get less money next year (GX 第二十二条), in the caller's units. */
  @GetMapping("/api/lifecycles/flagged")
  List<LifecycleView> flagged(@AuthenticationPrincipal CurrentUser user) {
    var scope = organisation.jurisdiction(user.groupIds());
    return lifecycles.flagged().stream()
        .filter(l -> scope.contains(catalogue.get(l.projectCode()).regionCode()))
        .map(l -> LifecycleView.of(l, List.of())).toList();
  }

  record LifecycleView(String projectCode, String status, String statusLabel, LocalDate startedOn,
      LocalDate implementationDueOn, LocalDate completedOn, LocalDate acceptedOn, String acceptanceKind,
      LocalDate settledOn, LocalDate finalAccountsApprovedOn, int suspendedDays, String leftoverYuan,
      boolean flagged, String flagReason, List<String> events) {

    static LifecycleView of(Lifecycle l, List<String> events) {
      return new LifecycleView(l.projectCode(), l.status().name(), l.status().label(), l.startedOn(),
          l.implementationDueOn(), l.completedOn(), l.acceptedOn(),
          l.acceptanceKind() == null ? null : l.acceptanceKind().label(), l.settledOn(),
          l.finalAccountsApprovedOn(), l.suspendedDays(),
          l.leftover() == null ? null : l.leftover().amount().toPlainString(), l.flagged(),
          l.flagReason(), events);
    }
  }
}
