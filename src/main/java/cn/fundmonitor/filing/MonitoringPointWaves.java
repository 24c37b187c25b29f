package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import cn.fundmonitor.platform.Actors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a monitoring point and, in the same transaction, starts its wave and records it with the
 * point: the quarterly filing's wave ({@code quarterlyFilingWave}, entered at its planning step,
 * which is asynchronous, so the opening returns at once) fixes the point's projects into batches in
 * a job of its own, the batches open one {@code quarterlyFiling} each, and the reconciliation
 * catches the projects funded meanwhile — as for a quarter.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MonitoringPointWaves {

  private final MonitoringPointService points;
  private final RuntimeService runtime;
  private final IdentityService identity;

  @Transactional
  public MonitoringPoint open(MonitoringPointService.Request request, String actor,
      Collection<String> groupIds) {
    var point = points.open(request, actor, groupIds);
    start(point);
    return points.get(point.id());
  }

  @Transactional
  public Optional<MonitoringPoint> openScheduled(String region, LocalDate asOf, LocalDate dueOn,
      String basis) {
    var point = points.openScheduled(region, asOf, dueOn, basis);
    point.ifPresent(this::start);
    return point.map(p -> points.get(p.id()));
  }

  /**
   * The caller was checked by {@link MonitoringPointService#open} (a province or the ministry); the
   * wave is the system's work, as when the quarter's timer starts it.
   */
  private void start(MonitoringPoint point) {
    var wave = Actors.asSystem(identity, () -> runtime.createProcessInstanceByKey(WAVE_KEY)
        .startBeforeActivity(WAVE_PLAN).setVariables(MONITORING_POINT_ID.with(point.id()))
        .execute());
    points.waveStarted(point.id(), wave.getId());
  }
}
