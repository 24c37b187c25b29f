package cn.fundmonitor.reports;

import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.IndicatorLevel;
import cn.fundmonitor.project.IndicatorTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;

/**
 * The monitoring report as a Word document (POI XWPF), in the sections of the Qiemo report:
 * organisation, budget execution (basic and project spending), the indicators by level 1 and
 * level 2 with target, actual and completion rate, deviations and their causes, corrective
 * measures, suggestions, and the extra (追加) money. Every figure is computed from the entries.
 */
@Component
public class MonitoringReportDocument {

  static final String FONT = "宋体";
  static final String[] CIRCLED = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"};
  static final String[] CHINESE = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

  public byte[] write(MonitoringReport r, String unitName) {
    try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
      var w = new Writer(doc);
      w.title(unitName + "整体支出绩效监控报告");
      w.text("部门单位名称（公章）：" + unitName);
      w.text("填报时间：" + (r.reportDate() == null ? "" : chineseDate(r.reportDate())));

      w.heading("一、绩效监控工作组织实施情况");
      w.subheading("（一）基本情况");
      w.paragraphs(r.texts().organisation());
      w.subheading("（二）存在问题及分析");
      w.paragraphs(r.texts().problems());
      w.subheading("（三）下一步措施");
      w.paragraphs(r.texts().measures());

      w.heading("二、部门单位年度预算执行情况");
      w.text("我部门 " + r.year() + " 年预算 " + wan(r.budget()) + "，实际到位资金 " + wan(r.arrived())
          + "，到位率 " + pct(r.arrivalRate()) + "。截至" + chineseDate(r.monitoringDate()) + "资金执行数 "
          + wan(r.executed()) + "，预算执行率 " + pct(r.executionRate()) + "。");
      w.subheading("（一）基本支出绩效目标完成情况");
      section(w, "基本支出", r.basic());
      w.subheading("（二）项目支出绩效目标完成情况");
      section(w, "项目支出", r.project());

      w.heading("三、部门单位整体绩效目标情况");
      w.subheading("（一）绩效目标完成情况");
      w.text("共设置一级指标 " + r.level1Count() + " 个，二级指标 " + r.level2Count() + " 个，三级指标 "
          + r.level3Count() + " 个。截止到监控节点，" + r.level3Count() + " 个三级指标的完成情况如下：");
      indicators(w, r);
      w.text("表1 三级指标完成情况");
      table(doc, r);
      w.subheading("（二）偏离情况及成因分析");
      w.paragraphs(r.texts().deviation());
      var causes = r.indicators().stream().filter(i -> i.cause() != null).toList();
      for (var i : causes) {
        w.text(i.indicator().name() + "：" + i.cause());
      }
      w.subheading("（三）纠偏措施");
      w.text("1、已采取的纠正绩效目标偏离措施及效果：");
      w.paragraphs(r.texts().correctiveTaken());
      w.text("2、下一步计划开展的纠正绩效目标偏离措施及预期效果：");
      w.paragraphs(r.texts().correctivePlanned());

      w.heading("四、意见及建议");
      w.paragraphs(r.texts().suggestions());

      w.heading("五、其他需要说明的问题");
      extra(w, r);
      w.paragraphs(r.texts().other());

      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void section(Writer w, String label, MonitoringReport.Section s) {
    w.text("本年度" + label + "预算安排总额为 " + wan(s.budget()) + "，其中财政资金 " + wan(s.fiscal())
        + "，其他资金 " + wan(s.other()) + "。");
    var sentence = new StringBuilder("截止到监控节点，" + label + "实际支出资金 " + wan(s.spent())
        + "，预算执行率 " + pct(MonitoringReport.percent(s.spent(), s.budget())) + "。");
    if (!s.uses().isEmpty()) {
      sentence.append(s.usesAreSpending() ? "其中用于：" : "主要用于：");
      sentence.append(s.uses().stream().map(u -> u.name() + " " + wan(u.amount()))
          .collect(Collectors.joining("、"))).append("。");
    }
    w.text(sentence.toString());
  }

  private static void indicators(Writer w, MonitoringReport r) {
    int level = 0;
    for (var byLevel : r.grouped().entrySet()) {
      level++;
      w.subheading(level + "、" + byLevel.getKey().label() + (byLevel.getKey() == IndicatorLevel.SATISFACTION
          ? "指标" : "情况"));
      int category = 0;
      for (var byCategory : byLevel.getValue().entrySet()) {
        w.text(CIRCLED[category++] + byCategory.getKey().label()
            + (byCategory.getKey().label().endsWith("满意度") ? "" : "指标") + "：");
        int n = 0;
        for (var i : byCategory.getValue()) {
          w.text("指标 " + (++n) + "：" + i.indicator().name() + "，预期指标值："
              + MonitoringReport.targetText(i.indicator()) + "，" + actualSentence(i) + "；");
        }
      }
    }
  }

  private static String actualSentence(MonitoringReport.UnitIndicator i) {
    if (i.notYetDue()) {
      return "实际完成值未达监控节点，指标完成率未达监控节点";
    }
    return "实际完成值 " + actualText(i) + "，指标完成率 " + i.rate().getAsInt() + "%";
  }

  static String actualText(MonitoringReport.UnitIndicator i) {
    if (i.notYetDue()) {
      return "未达监控节点";
    }
    var a = i.actual();
    var unit = i.indicator().unit() == null ? "" : i.indicator().unit();
    if (a instanceof IndicatorTarget.Numeric) {
      return a.text() + (unit.equals("%") || unit.isEmpty() ? unit : " " + unit);
    }
    return a.text();
  }

  private static void table(XWPFDocument doc, MonitoringReport r) {
    var rows = new ArrayList<List<String>>();
    rows.add(List.of("一级指标", "二级指标", "三级指标", "预期指标值", "实际完成值", "指标完成率"));
    r.grouped().forEach((level, byCategory) -> byCategory.forEach((category, list) -> list.forEach(i ->
        rows.add(List.of(level.label(), category.label(), i.indicator().name(),
            MonitoringReport.targetText(i.indicator()), actualText(i),
            i.notYetDue() ? "未达监控节点" : i.rate().getAsInt() + "%")))));
    XWPFTable table = doc.createTable(rows.size(), 6);
    table.setWidth("100%");
    for (int r0 = 0; r0 < rows.size(); r0++) {
      for (int c = 0; c < 6; c++) {
        var cell = table.getRow(r0).getCell(c);
        var run = cell.getParagraphs().get(0).createRun();
        run.setFontFamily(FONT);
        run.setFontSize(10);
        run.setBold(r0 == 0);
        run.setText(rows.get(r0).get(c));
      }
    }
  }

  private static void extra(Writer w, MonitoringReport r) {
    var e = r.extra();
    if (e.total() == null || !e.total().isPositive()) {
      w.text("我单位" + r.year() + "年无追加资金。");
      return;
    }
    var text = new StringBuilder("我单位 " + r.year() + " 年追加资金 " + wan(e.total()) + "（其中：本级财力安排 "
        + wan(e.ownFunds()) + "，上级专项资金 " + wan(e.superiorFunds()) + "），实际到位资金 " + wan(e.arrived())
        + "，到位率 " + pct(MonitoringReport.percent(e.arrived(), e.total())) + "。截至"
        + chineseDate(r.monitoringDate()) + "追加资金执行数 " + wan(e.paid()) + "，执行率 "
        + pct(MonitoringReport.percent(e.paid(), e.arrived())) + "（占到位资金）。");
    if (!e.uses().isEmpty()) {
      text.append("其中：").append(e.uses().stream().map(u -> u.name() + " " + wan(u.amount())
          + "，已支付 " + wan(u.paid() == null ? Yuan.ZERO : u.paid())).collect(Collectors.joining("；")))
          .append("。");
    }
    w.text(text.toString());
  }

  static String wan(Yuan yuan) {
    return (yuan == null ? Yuan.ZERO : yuan).toWanText();
  }

  static String pct(java.util.Optional<Integer> rate) {
    return rate.map(r -> r + "%").orElse("—");
  }

  static String chineseDate(java.time.LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  /** Paragraph helpers in the report's fonts. */
  private static final class Writer {
    private final XWPFDocument doc;

    Writer(XWPFDocument doc) {
      this.doc = doc;
    }

    void title(String text) {
      var p = doc.createParagraph();
      p.setAlignment(ParagraphAlignment.CENTER);
      var run = p.createRun();
      run.setFontFamily("黑体");
      run.setFontSize(18);
      run.setBold(true);
      run.setText(text);
    }

    void heading(String text) {
      run(text, "黑体", 14, true);
    }

    void subheading(String text) {
      run(text, "楷体", 12, true);
    }

    void text(String text) {
      run(text, FONT, 12, false);
    }

    void paragraphs(String text) {
      if (text == null || text.isBlank()) {
        text("（无）");
        return;
      }
      for (var line : text.split("\\R")) {
        if (!line.isBlank()) {
          text(line.strip());
        }
      }
    }

    private void run(String text, String font, int size, boolean bold) {
      var p = doc.createParagraph();
      var run = p.createRun();
      run.setFontFamily(font);
      run.setFontSize(size);
      run.setBold(bold);
      run.setText(text);
    }
  }
}
