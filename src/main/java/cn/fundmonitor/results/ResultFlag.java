package cn.fundmonitor.results;

import java.math.BigDecimal;

/**
 * A result of one year that flags the next year's money of the project's city or county
 * (GX 第二十二条: 中途撤销或者中止; GX 第二十九条: 绩效考评结果差): its kind, the year of the result,
 * the reduction the {@code resultReduction} table gives, and the province's override, if any.
 */
public record ResultFlag(String projectCode, String projectName, String regionCode, Kind kind,
    int resultYear, boolean geohazardEmergency, BigDecimal reductionPercent, String ruleLabel,
    Override override) {

  /** The kinds the decision table knows. */
  public enum Kind {
    POOR_EVALUATION("绩效自评结果差"), TERMINATED("项目终止"), CANCELLED("项目因不可抗力撤销");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The province decided this flag does not cut the money, and why. */
  public record Override(String reason, String decidedBy, java.time.OffsetDateTime decidedAt) {}

  /** The reduction that applies: none once overridden. */
  public BigDecimal effectivePercent() {
    return override != null ? BigDecimal.ZERO : reductionPercent;
  }

  /** In words, for the selection's checklist and the calculation table. */
  public String describe() {
    var text = resultYear + "年 " + projectCode + " " + kind.label() + "：" + ruleLabel;
    if (override != null) {
      return text + "；省级已决定不扣减（" + override.reason() + "）";
    }
    return reductionPercent.signum() > 0 ? text + "，扣减" + reductionPercent.toPlainString() + "%"
        : text;
  }
}
