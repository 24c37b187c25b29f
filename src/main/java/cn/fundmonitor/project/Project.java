package cn.fundmonitor.project;

import cn.fundmonitor.money.Yuan;
import java.time.OffsetDateTime;
import java.util.List;

/** A project in the reserve (项目储备库) with its performance targets. */
public record Project(String code, String name, String regionCode, String applicantUnitCode,
    Direction direction, FundClass fundClass, Yuan requestedAmount, String description,
    ProjectStatus status, String processInstanceId, String appliedBy, OffsetDateTime appliedAt,
    OffsetDateTime updatedAt, List<Indicator> indicators) {

  public Project {
    indicators = List.copyOf(indicators);
  }
}
