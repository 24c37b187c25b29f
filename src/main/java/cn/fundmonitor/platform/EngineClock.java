package cn.fundmonitor.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}, so domain code stays free of Camunda and tests that move
 * time with {@code ClockUtil} move the domain's time too.
 */
@RequiredArgsConstructor
public final class EngineClock extends Clock {

  private final ZoneId zone;

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
