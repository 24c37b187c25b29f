package cn.fundmonitor.architecture.seeded.platform;

import java.util.List;

/** Not a violation: naming problemEscalation (to grant access to it) is not starting it. */
public class GrantList {
  public List<String> keys() {
    return List.of("problemEscalation");
  }
}
