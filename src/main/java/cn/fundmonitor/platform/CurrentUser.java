package cn.fundmonitor.platform;

import java.util.List;

/** The authenticated caller of the project's API, with its Camunda groups. */
public record CurrentUser(String userId, List<String> groupIds) {
  public CurrentUser {
    groupIds = List.copyOf(groupIds);
  }
}
