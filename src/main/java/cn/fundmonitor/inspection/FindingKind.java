package cn.fundmonitor.inspection;

import java.util.List;

/** What the data-quality rules look for (MNR 第二十五条: 基本内容). */
public enum FindingKind {
  NON_WAREHOUSED_ALLOCATION("资金安排给未入库项目", "资金下达情况、项目储备管理是否符合规定（MNR 第二十五条；MNR 第九条）"),
  DECOMPOSITION_MISMATCH("绩效分解与批复不符", "绩效分解落实是否与资金批复相符（MNR 第二十五条；MNR 第十条）"),
  PAYMENT_EXCEEDS_RECEIVED("支付超过到位资金", "资金拨付、执行是否与实际一致（MNR 第二十五条）"),
  PAYMENT_BACKWARDS("累计支付减少", "资金拨付、执行是否与实际一致（MNR 第二十五条）"),
  QUARTER_NOT_FILED("季度未填报", "按季度填报执行情况（MNR 第十一条；GX 第二十七条）"),
  ACHIEVEMENT_VS_EVALUATION("目标实现与评价结果不符", "绩效目标实现情况是否与评价结果相符（MNR 第二十五条）"),
  /**
   * A check the province added (decision provinceInspectionRules): which one, the finding's
   * description says.
   */
  PROVINCE_RULE("省级补充检查内容", "省级自然资源主管部门结合实际情况补充的检查内容（MNR 第二十五条）");

  /** The basic content the ministry sets (MNR 第二十五条: 基本内容包括…), every province alike. */
  public static List<FindingKind> basic() {
    return java.util.Arrays.stream(values()).filter(k -> k != PROVINCE_RULE).toList();
  }

  private final String label;
  private final String basis;

  FindingKind(String label, String basis) {
    this.label = label;
    this.basis = basis;
  }

  public String label() {
    return label;
  }

  public String basis() {
    return basis;
  }
}
