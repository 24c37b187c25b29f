package cn.fundmonitor.problems;

/** What the problem forms show read-only. */
final class ProblemTexts {

  private ProblemTexts() {}

  /** The summary a person reads: names of the unit and the project, levels in Chinese. */
  static String summary(Problem p, String unitName, String projectName) {
    return "问题编号：" + p.problemNo() + "\n"
        + "问题类型：" + p.kind().label() + "\n"
        + (p.projectCode() == null ? "" : "涉及项目：" + p.projectCode()
            + (projectName == null ? "" : " " + projectName) + "\n")
        + "问题单位：" + unitName + "\n"
        + (p.amount() == null ? "" : "涉及金额：" + p.amount().toWanText() + "\n")
        + "来源：" + ("MONITORING".equals(p.source()) ? "执行监控预警（" + p.sourceRef() + "，"
            + warningLevel(p.warningLevel()) + "）" : "用户反馈") + "\n"
        + "严重程度：" + (p.isMajor() ? "重大问题（已报部）" : "一般问题") + "。" + p.severityReason() + "\n"
        + "问题描述：" + p.description();
  }

  /** RED → 红色预警: the level as the monitoring rules name it (资阳 三(三)). */
  static String warningLevel(String level) {
    if (level == null) {
      return "";
    }
    return switch (level) {
      case "RED" -> "红色预警";
      case "YELLOW" -> "黄色预警";
      case "BLUE" -> "蓝色预警";
      default -> level;
    };
  }
}
