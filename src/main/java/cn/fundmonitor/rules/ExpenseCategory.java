package cn.fundmonitor.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an expense pays for: the spending of GX 第六条 and 第九条至第十三条, and the prohibited
 * spending of 第八条. The DMN tables decide; this list names the codes in Chinese for forms and
 * sheets.
 */
public enum ExpenseCategory {
  ENGINEERING("工程性支出"), SURVEY("调查费"), EXPLORATION("勘查费"), PLANNING_DESIGN("规划设计费"),
  FEASIBILITY_STUDY("可行性研究报告编制费"), IMPLEMENTATION_PLAN("实施方案编制费"),
  TEMPORARY_RELOCATION("治理施工临时搬迁费"), TENDER_AGENCY("招标代理费"),
  CONSTRUCTION_SUPERVISION("工程监理费"), CROP_COMPENSATION("青苗补偿费"),
  COMPLETION_ACCEPTANCE("竣工验收费"), OWNER_MANAGEMENT("业主管理费"),
  ECO_PROTECTION_RESTORATION("国土空间生态保护修复工程"), INTEGRATED_ECO_RESTORATION("山水林田湖草海湿地生态保护修复工程"),
  LAND_CONSOLIDATION("全域土地综合整治工程"), ABANDONED_MINE_RESTORATION("历史遗留矿山生态修复工程"),
  CARBON_SINK("生态碳汇相关工作"), OTHER_ECO_RESTORATION("其他国土综合整治与生态修复支出"),
  MINERAL_EXPLORATION("基础性公益性地质调查和矿产勘查"), REGIONAL_GEOLOGY_SURVEY("区域、水文、工程、环境地质调查评价"),
  MARINE_GEOLOGY_SURVEY("海洋基础地质及矿产资源调查评价"), MAJOR_GEOLOGICAL_PROJECT("其他重大地质勘查项目"),
  HAZARD_SURVEY("地质灾害调查评价"), HAZARD_TREATMENT("地质灾害综合治理工程"), HAZARD_MONITORING("地质灾害监测预警与信息化"),
  HAZARD_EQUIPMENT("地质灾害防治技术装备现代化"), MASS_PREVENTION("地质灾害群测群防"), TRAINING_DRILL("地质灾害培训演练"),
  HERITAGE_SURVEY("地质遗迹调查"), HERITAGE_PROTECTION("地质遗迹保护工程"), HERITAGE_EDUCATION("地质遗迹科普宣传"),
  HERITAGE_SPECIMENS("地质遗迹标本收集展示"),
  OFFICE_PREMISES("办公场所改扩建、租赁"), SALARY_BONUS("发放工资奖金津贴"), WORKING_FUNDS("补充工作经费"),
  MANAGEMENT_FEE("计提管理费"), BUDGET_BALANCING("平衡公共预算"), INVESTMENT("对外投资"),
  SPONSORSHIP_DONATION("赞助和捐赠"), LATE_FEE_FINE("滞纳金、罚款、违约金、赔偿金"), VEHICLE("购置车辆"),
  UNRELATED_EQUIPMENT("与项目实施无关的设备、装备"), UNRELATED_INFRASTRUCTURE("与项目实施无关的房屋、道路、通信、电力"),
  ILLEGAL_ACT_RECTIFICATION("违法行为整改经费"), OTHER("其他");

  private final String label;

  ExpenseCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ExpenseCategory> parse(String text) {
    return Arrays.stream(values())
        .filter(c -> c.name().equalsIgnoreCase(text) || c.label.equals(text)).findFirst();
  }
}
