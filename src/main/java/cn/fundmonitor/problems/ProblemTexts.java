package cn.fundmonitor.problems;

import java.util.List;

/** What the problem forms show read-only. */
final class ProblemTexts {

  private ProblemTexts() {}

  static String summary(Problem p, List<String> events) {
    return "问题编号：" + p.problemNo() + "\n"
        + "问题类型：" + p.kind().label() + "\n"
        + (p.projectCode() == null ? "" : "涉及项目：" + p.projectCode() + "\n")
        + "问题单位：" + p.unitCode() + "\n"
        + (p.amount() == null ? "" : "涉及金额：" + p.amount().toWanText() + "\n")
        + "来源：" + ("MONITORING".equals(p.source()) ? "执行监控预警（" + p.sourceRef() + "，"
            + p.warningLevel() + "）" : "用户反馈") + "\n"
        + "严重程度：" + (p.isMajor() ? "重大问题（已报部）" : "一般问题") + "。" + p.severityReason() + "\n"
        + "问题描述：" + p.description();
  }
}
