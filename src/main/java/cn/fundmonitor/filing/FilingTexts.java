package cn.fundmonitor.filing;

import cn.fundmonitor.money.Yuan;
import java.util.List;
import java.util.Map;

/** What the filing forms show read-only, in words. */
final class FilingTexts {

  private FilingTexts() {}

  /**
   * 季度填报, or 监测时点填报 for a monitoring point's filing (MNR 第十一条: 其他填报时点，按要求执行):
   * a point is not a quarter, and no text a unit reads calls it one.
   */
  static String noun(FilingPeriod period) {
    return period instanceof Quarter ? "季度填报" : "监测时点填报";
  }

  /** 本季度, or 本期 for a monitoring point. */
  static String thisPeriod(FilingPeriod period) {
    return period instanceof Quarter ? "本季度" : "本期";
  }

  /** The filing whose cumulative payment a new one may not undercut. */
  static String previousFiling(FilingPeriod period) {
    return period instanceof Quarter ? "上季度填报" : "此前最近一次季度填报";
  }

  /**
   * The name a user task of the filing process shows: the model's for a quarter, the point's
   * wording for a monitoring point (the diagram keeps the quarterly names).
   */
  static String taskName(String taskDefinitionKey, String modelName, boolean monitoringPoint) {
    if (!monitoringPoint) {
      return modelName;
    }
    return switch (taskDefinitionKey) {
      case QuarterlyFilingProcess.TASK_FILE -> "填报监测时点执行情况";
      case QuarterlyFilingProcess.TASK_FOLLOW_UP -> "催办：监测时点填报逾期";
      case QuarterlyFilingProcess.TASK_REVIEW -> "省级审核监测时点填报";
      default -> modelName;
    };
  }

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
