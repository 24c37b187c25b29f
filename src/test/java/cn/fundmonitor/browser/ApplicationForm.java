package cn.fundmonitor.browser;

/**
 * The 项目入库申报 start form as a county fills it for an eco-restoration project: one 产出 and one
 * 效益 indicator, the minimum the eligibility check accepts (MNR 第十条: quantifiable outputs).
 */
final class ApplicationForm {

  private ApplicationForm() {}

  static Tasklist fillEcoRestoration(Tasklist tasklist, String name, String amount,
      String description) {
    return tasklist
        .fill("项目名称", name)
        .choose("申报方向", "国土综合整治与生态修复")
        .choose("资金类型", "中央财政支持专项相关资金")
        .fill("申报金额（元）", amount)
        .fill("项目简介（建设内容、实施期限）", description)
        .choose("一级指标", 0, "产出").choose("二级指标", 0, "数量（产出）")
        .fill("三级指标", 0, "修复治理面积").choose("比较符", 0, "≥")
        .fill("目标值", 0, "120").fill("计量单位", 0, "公顷")
        .choose("一级指标", 1, "效益").choose("二级指标", 1, "生态效益（效益）")
        .fill("三级指标", 1, "生态环境").choose("比较符", 1, "定性")
        .fill("目标值", 1, "有效改善");
  }
}
