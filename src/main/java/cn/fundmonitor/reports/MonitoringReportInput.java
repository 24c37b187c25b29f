package cn.fundmonitor.reports;

import static cn.fundmonitor.common.Inputs.amountOrZero;
import static cn.fundmonitor.common.Inputs.date;
import static cn.fundmonitor.common.Inputs.optionalText;
import static cn.fundmonitor.common.Inputs.shorten;
import static cn.fundmonitor.common.Inputs.text;

import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.IndicatorTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A monitoring report as a client sends it (JSON: amounts in yuan, indicators as rows), checked in
 * full: every problem is listed in Chinese and nothing is saved until all are fixed.
 */
final class MonitoringReportInput {

  static final int MAX_TEXT = 20_000;

  private MonitoringReportInput() {}

  @SuppressWarnings("unchecked")
  static MonitoringReport parse(String unitCode, int year, LocalDate monitoringDate,
      Map<String, Object> body) {
    var problems = new ArrayList<String>();
    if (monitoringDate.getYear() != year) {
      problems.add("监控节点应在" + year + "年内");
    }
    var reportDate = text(body.get("reportDate")) == null ? null
        : date(body.get("reportDate"), "填报时间", problems);
    var arrived = amountOrZero(body.get("arrived"), "实际到位资金", problems);
    var basic = section(map(body.get("basic")), "基本支出", problems);
    var project = section(map(body.get("project")), "项目支出", problems);
    var rows = (List<Map<String, Object>>) (body.get("indicators") instanceof List<?> l ? l : List.of());
    var indicators = indicators(rows, problems);
    var extra = extra(map(body.get("extra")), problems);
    var t = map(body.get("texts"));
    var texts = new MonitoringReport.Texts(
        optionalText(t.get("organisation"), "绩效监控工作组织实施情况", MAX_TEXT, problems),
        optionalText(t.get("problems"), "存在问题及分析", MAX_TEXT, problems),
        optionalText(t.get("measures"), "下一步措施", MAX_TEXT, problems),
        optionalText(t.get("deviation"), "偏离情况及成因分析", MAX_TEXT, problems),
        optionalText(t.get("correctiveTaken"), "已采取的纠偏措施", MAX_TEXT, problems),
        optionalText(t.get("correctivePlanned"), "下一步纠偏措施", MAX_TEXT, problems),
        optionalText(t.get("suggestions"), "意见及建议", MAX_TEXT, problems),
        optionalText(t.get("other"), "其他需要说明的问题", MAX_TEXT, problems));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("监控报告有误，请修改后重新保存", problems);
    }
    return new MonitoringReport(unitCode, year, monitoringDate, reportDate, arrived, basic, project,
        indicators, extra, texts);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static MonitoringReport.Section section(Map<String, Object> s, String label,
      List<String> problems) {
    var budget = amountOrZero(s.get("budget"), label + "预算", problems);
    var fiscal = amountOrZero(s.get("fiscal"), label + "财政资金", problems);
    var other = amountOrZero(s.get("other"), label + "其他资金", problems);
    var spent = amountOrZero(s.get("spent"), label + "实际支出", problems);
    if (budget != null && fiscal != null && other != null
        && fiscal.plus(other).compareTo(budget) != 0) {
      problems.add(label + "：财政资金 " + fiscal.toWanText() + " 与其他资金 " + other.toWanText()
          + " 之和应等于预算 " + budget.toWanText());
    }
    var uses = uses((List<Map<String, Object>>) (s.get("uses") instanceof List<?> l ? l : List.of()),
        label, false, problems);
    return new MonitoringReport.Section(budget, fiscal, other, spent, uses);
  }

  private static List<MonitoringReport.Use> uses(List<Map<String, Object>> rows, String label,
      boolean withPaid, List<String> problems) {
    var uses = new ArrayList<MonitoringReport.Use>();
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var prefix = label + "第" + (i + 1) + "项用途：";
      var rowProblems = new ArrayList<String>();
      var name = text(row.get("name"));
      if (name == null) {
        rowProblems.add("请填写用途");
      } else if (name.length() > 200) {
        rowProblems.add("用途不能超过200个字");
      }
      var amount = amountOrZero(row.get(withPaid ? "arrived" : "amount"), withPaid ? "到位金额" : "金额", rowProblems);
      var paid = withPaid ? amountOrZero(row.get("paid"), "已支付金额", rowProblems) : null;
      if (withPaid && amount != null && paid != null && paid.compareTo(amount) > 0) {
        rowProblems.add("已支付 " + paid.toWanText() + " 超过到位 " + amount.toWanText());
      }
      rowProblems.forEach(p -> problems.add(prefix + p));
      if (rowProblems.isEmpty()) {
        uses.add(new MonitoringReport.Use(name, amount, paid));
      }
    }
    return uses;
  }

  @SuppressWarnings("unchecked")
  private static MonitoringReport.Extra extra(Map<String, Object> e, List<String> problems) {
    var total = amountOrZero(e.get("total"), "追加资金", problems);
    var own = amountOrZero(e.get("ownFunds"), "本级财力安排", problems);
    var superior = amountOrZero(e.get("superiorFunds"), "上级专项资金", problems);
    var arrived = amountOrZero(e.get("arrived"), "追加资金到位金额", problems);
    var paid = amountOrZero(e.get("paid"), "追加资金执行数", problems);
    if (total != null && own != null && superior != null && own.plus(superior).compareTo(total) != 0) {
      problems.add("追加资金：本级财力安排与上级专项资金之和应等于追加资金 " + total.toWanText());
    }
    var uses = uses((List<Map<String, Object>>) (e.get("uses") instanceof List<?> l ? l : List.of()),
        "追加资金", true, problems);
    var extra = new MonitoringReport.Extra(total, own, superior, arrived, paid, uses);
    if (total != null && problems.isEmpty() && extra.arrived().compareTo(total) > 0) {
      problems.add("追加资金：到位 " + extra.arrived().toWanText() + " 超过追加总额 " + total.toWanText());
    }
    return extra;
  }

  private static List<MonitoringReport.UnitIndicator> indicators(List<Map<String, Object>> rows,
      List<String> problems) {
    var indicatorProblems = new ArrayList<String>();
    var parsed = IndicatorRows.parse(rows, "请至少填写一项三级指标", indicatorProblems);
    problems.addAll(indicatorProblems);
    if (!indicatorProblems.isEmpty()) {
      return List.of();
    }
    var result = new ArrayList<MonitoringReport.UnitIndicator>();
    for (int i = 0; i < parsed.size(); i++) {
      var ind = parsed.get(i);
      var row = rows.get(i);
      var label = "第" + (i + 1) + "条指标“" + ind.name() + "”";
      var notYet = Boolean.parseBoolean(String.valueOf(row.get("notYetDue")));
      var cause = text(row.get("cause"));
      if (cause != null && cause.length() > 2000) {
        problems.add(label + "：偏离原因不能超过2000个字");
      }
      Integer rate = null;
      var rateText = text(row.get("rate"));
      if (rateText != null) {
        try {
          if (Inputs.tooLongForANumber(rateText)) {
            throw new NumberFormatException();
          }
          var r = new BigDecimal(rateText.replace("%", "").strip());
          if (r.signum() < 0 || r.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new NumberFormatException();
          }
          rate = r.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
        } catch (RuntimeException e) {
          problems.add(label + "：完成率应为0至100之间的数，收到“" + shorten(rateText) + "”");
          continue;
        }
      }
      if (notYet) {
        result.add(new MonitoringReport.UnitIndicator(ind, null, true, null, cause));
        continue;
      }
      var actualText = text(row.get("actual"));
      if (actualText == null) {
        problems.add(label + "：请填写实际完成值，或标明“未达监控节点”");
        continue;
      }
      var parseProblems = new ArrayList<String>();
      IndicatorTarget actual = FilingService.actual(ind, actualText, label, parseProblems);
      if (!parseProblems.isEmpty() || actual == null) {
        // the value is not of the target's kind (e.g. "6个月" against a deadline): the unit gives
        // the rate itself, as the Qiemo report does
        if (rate == null) {
          problems.add(label + "：实际完成值“" + shorten(actualText) + "”无法与目标值比较，请同时填写完成率");
          continue;
        }
        actual = new IndicatorTarget.Qualitative(actualText);
      }
      var entry = new MonitoringReport.UnitIndicator(ind, actual, false, rate, cause);
      if (!entry.computable(actual) && rate == null) {
        problems.add(label + "：定性指标请填写完成率（0至100）");
        continue;
      }
      result.add(entry);
    }
    return result;
  }

  static Yuan orZero(Yuan y) {
    return y == null ? Yuan.ZERO : y;
  }
}
