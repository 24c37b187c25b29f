package cn.fundmonitor.allocation;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Indicator;
import java.util.List;
import java.util.function.Function;

/** What the allocation forms show read-only: the money and the targets, in words. */
final class AllocationTexts {

  private AllocationTexts() {}

  static String money(Yuan y) {
    return y.toWanText() + "（" + y.amount().toPlainString() + " 元）";
  }

  static String allocation(Allocation a, Function<String, String> names) {
    var text = new StringBuilder()
        .append("批复文号：").append(a.documentNo()).append('\n')
        .append("登记单位：").append(names.apply(a.provinceCode())).append('\n')
        .append("资金类型：").append(a.fundClass().label()).append('\n')
        .append("资金方向：").append(a.direction().label()).append('\n')
        .append("分配方式：").append(a.method().label()).append("（GX 第十四条）\n")
        .append("资金年度：").append(a.budgetYear()).append('\n')
        .append("中央财政资金：").append(money(a.centralAmount())).append('\n')
        .append(AllocationService.localLabel(a.fundClass())).append("：")
        .append(money(a.provincialAmount())).append('\n')
        .append("到位日期：").append(a.receivedOn()).append("，应于 ").append(a.issueDueOn())
        .append(" 前下达（30日内，节假日顺延；MNR 第九条）\n")
        .append("批复绩效目标（与资金同步下达，MNR 第十条）：\n");
    indicators(text, a.targets());
    return text.toString();
  }

  static String part(RecipientPart part, List<MoneyLine> lines, List<DecomposedTarget> targets,
      Function<String, String> names) {
    var text = new StringBuilder()
        .append("下达单位：").append(names.apply(part.recipientCode())).append('\n')
        .append("中央财政资金：").append(money(part.central())).append('\n')
        .append("省级财政资金：").append(money(part.provincial())).append('\n')
        .append("下达项目：\n");
    for (var l : lines) {
      text.append("  ").append(l.projectCode()).append("：中央 ").append(l.central().toWanText())
          .append("，省级 ").append(l.provincial().toWanText()).append('\n');
    }
    text.append("分解下达的绩效目标：\n");
    indicators(text, targets.stream().map(DecomposedTarget::asIndicator).toList());
    return text.toString();
  }

  static String refinement(RecipientPart part, List<MoneyLine> lines) {
    var text = new StringBuilder("细化日期：").append(part.refinedOn()).append("，应于 ")
        .append(part.filingDueOn()).append(" 前报备（30日内，节假日顺延；MNR 第九条）\n细化到项目：\n");
    for (var l : lines) {
      text.append("  ").append(l.projectCode()).append("：中央 ").append(l.central().toWanText())
          .append("，省级 ").append(l.provincial().toWanText()).append('\n');
    }
    return text.toString();
  }

  private static void indicators(StringBuilder text, List<Indicator> indicators) {
    for (int i = 0; i < indicators.size(); i++) {
      var ind = indicators.get(i);
      text.append("  ").append(i + 1).append(". ").append(ind.level().label()).append("/")
          .append(ind.category().label()).append("：").append(ind.describe()).append('\n');
    }
  }
}
