package cn.fundmonitor.rules;

import java.util.Arrays;
import java.util.Optional;

/** Who answers for a geological hazard (GX 第八条第二、三项). */
public enum HazardParty {
  NATURAL_RESOURCES("自然资源部门"),
  OTHER_DEPARTMENT("发展改革、水利、住建、交通等其他部门"),
  ENTERPRISE("厂矿企业"),
  NONE("不涉及");

  private final String label;

  HazardParty(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<HazardParty> parse(String text) {
    return Arrays.stream(values())
        .filter(p -> p.name().equalsIgnoreCase(text) || p.label.equals(text)).findFirst();
  }
}
