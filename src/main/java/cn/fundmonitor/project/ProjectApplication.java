package cn.fundmonitor.project;

import cn.fundmonitor.money.Yuan;
import java.util.List;

/** A validated application for the project reserve: what the applicant fills in. */
public record ProjectApplication(String name, String regionCode, Direction direction,
    FundClass fundClass, Yuan requestedAmount, String description, List<Indicator> indicators) {

  public ProjectApplication {
    indicators = List.copyOf(indicators);
  }

  public long count(IndicatorLevel level) {
    return indicators.stream().filter(i -> i.level() == level).count();
  }

  public long countQualitative(IndicatorLevel level) {
    return indicators.stream().filter(i -> i.level() == level && !i.isQuantified()).count();
  }
}
