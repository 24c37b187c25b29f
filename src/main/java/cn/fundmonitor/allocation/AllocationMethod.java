package cn.fundmonitor.allocation;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the money is split (GX 第十四条: 专项资金采取项目法和因素法两种方式分配，具体采用方法由自治区
 * 自然资源厅、财政厅按照年度部门预算编制要求协商确定). Chosen when the money is registered.
 */
public enum AllocationMethod {
  /** GX 第十五条: from the reserve, to the projects chosen for the year. */
  PROJECT("项目法"),
  /** GX 第十六条: by factors and weights; targets filed with the province within 30 days (第二十五条). */
  FACTOR("因素法");

  private final String label;

  AllocationMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the code or the Chinese name. */
  public static Optional<AllocationMethod> parse(String text) {
    return Arrays.stream(values())
        .filter(m -> m.name().equalsIgnoreCase(text) || m.label.equals(text)).findFirst();
  }
}
