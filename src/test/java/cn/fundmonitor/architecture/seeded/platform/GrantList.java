package cn.fundmonitor.architecture.seeded.platform;

import java.util.List;

/**
 * Naming problemEscalation (to grant access to it) is not starting it; it is the foundation naming
 * a feature's process all the same (the feature declares its Tasklist access as a bean instead).
 */
public class GrantList {
  public List<String> keys() {
    return List.of("problemEscalation");
  }
}
