package cn.fundmonitor.filing;

import cn.fundmonitor.money.Yuan;
import java.util.List;
import java.util.Map;

/** What the filing forms show read-only, in words. */
final class FilingTexts {

  private FilingTexts() {}

  static String context(QuarterlyFiling f, String projectName, Yuan previousPaid) {
    return "项目：" + f.projectCode() + " " + projectName + "\n"
        + "填报期：" + f.quarter().label() + "（监控时点已过 " + f.quarter().monthsElapsed() + " 个月，时序进度 "
        + (f.quarter().monthsElapsed() * 100 / 12) + "%）\n"
        + "到位资金：" + f.receivedAmount().toWanText() + "（" + f.receivedAmount().amount().toPlainString() + " 元）\n"
        + (f.quarter() instanceof Quarter
            ? "上季度累计支付：" + previousPaid.toWanText() + "\n"
                + "填报截止：" + f.dueOn() + "（每季度首月15日前，节假日顺延；MNR 第十一条）"
            : "此前最近一次季度填报累计支付：" + previousPaid.toWanText() + "\n"
                + "填报截止：" + f.dueOn() + "（监测时点填报：其他填报时点，按要求执行；MNR 第十一条）");
  }

  static String summary(QuarterlyFiling f, Map<FundSource, Yuan> payments,
      List<IndicatorActual> actuals) {
    var text = new StringBuilder("累计支付：").append(f.paidToDate().toWanText()).append("（到位 ")
        .append(f.receivedAmount().toWanText()).append("）\n");
    payments.forEach((source, amount) -> text.append("  ").append(source.label()).append("：")
        .append(amount.toWanText()).append('\n'));
    text.append("实物工作量进度：").append(f.physicalProgress().stripTrailingZeros().toPlainString())
        .append("%\n绩效指标完成情况：\n");
    for (var a : actuals) {
      text.append("  ").append(a.position()).append(". ").append(a.indicator().describe())
          .append("；实际 ").append(a.actualText()).append("；完成率 ")
          .append(a.notYetDue() ? "未达监控节点" : a.completionRate() == null ? "待审核人选定"
              : a.completionRate() + "%")
          .append('\n');
    }
    if (f.warningLevel() != null) {
      text.append("执行监控预警（").append(level(f.warningLevel())).append("）：")
          .append(f.warningReason()).append('\n');
    }
    return text.toString();
  }

  static String level(String level) {
    return switch (level) {
      case "RED" -> "红色";
      case "YELLOW" -> "黄色";
      case "BLUE" -> "蓝色";
      default -> level;
    };
  }
}
