package cn.fundmonitor.filing;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring points over HTTP (监测时点; MNR 第十一条: 其他填报时点，按要求执行): a province's or the
 * ministry's finance department opens one; the units of its region see it with its filings' counts.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MonitoringPointApiController {

  private final MonitoringPointWaves waves;
  private final MonitoringPointService points;
  private final OrganisationService organisation;

  /** {asOf: "2026-08-31", dueOn: "2026-09-15", regionCode?: "450000", projectCodes?: [...], basis?} */
  record OpenRequest(Object asOf, Object dueOn, Object regionCode, List<Object> projectCodes,
      Object basis) {}

  record PointView(long id, String label, LocalDate asOf, LocalDate dueOn, String regionCode,
      String regionName, String scope, String scopeLabel, List<String> projectCodes, String basis,
      String openedBy, OffsetDateTime openedAt, String waveId, Map<String, Integer> filings) {}

  @PostMapping("/api/monitoring-points")
  @ResponseStatus(HttpStatus.CREATED)
  PointView open(@AuthenticationPrincipal CurrentUser user, @RequestBody OpenRequest request) {
    var point = waves.open(new MonitoringPointService.Request(request.asOf(), request.dueOn(),
        request.regionCode(), request.projectCodes(), request.basis()), user.userId(),
        user.groupIds());
    return view(point);
  }

  @GetMapping("/api/monitoring-points")
  List<PointView> list(@AuthenticationPrincipal CurrentUser user) {
    return points.visibleTo(user.groupIds()).stream().map(this::view).toList();
  }

  @GetMapping("/api/monitoring-points/{id}")
  PointView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
    return view(points.visible(id, user.groupIds()));
  }

  private PointView view(MonitoringPoint p) {
    return new PointView(p.id(), p.period().label(), p.asOf(), p.dueOn(), p.regionCode(),
        organisation.find(p.regionCode()).map(d -> d.name()).orElse(p.regionCode()), p.scope().name(),
        p.scope() == MonitoringPoint.Scope.REGION ? "本辖区全部已下达资金项目" : "指定项目清单",
        p.projects(), p.basis(), p.openedBy(), p.openedAt(), p.waveId(), points.counts(p.id()));
  }
}
