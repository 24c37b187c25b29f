package cn.fundmonitor.allocation;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.StaleRecordException;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.project.Direction;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.IndicatorTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue, refinement and decomposed-target data once sent (MNR 第二十二条 covers all data): the
 * province's issue to one recipient is sent when it is issued, a recipient's refinement when it
 * is filed (报备) with its superior; from then on {@link AllocationService} refuses to change it
 * and only an approved data correction does, through the fields below. Every change keeps the
 * rules the data was first checked against: money moves between projects of the same recipient
 * and the totals stay what was issued; a decomposed target is never lowered below the approval
 * (MNR 第十条; GX 第二十一条).
 *
 * <p>A record is {@code <批复文号>/<recipient code>}; its fields:
 * <ul>
 *   <li>{@code LINES}: some projects' money, {@code 项目编码=中央/省级;…} (yuan);
 *   <li>{@code TARGET_<n>} (issue): the recipient's target of the n-th approved indicator;
 *   <li>{@code TARGET_<项目编码>_<n>} (refinement): a project's target of the n-th indicator.
 * </ul>
 */
@Service
@Transactional
public class AllocationCorrections {

  public static final String ISSUE = "ALLOCATION_ISSUE";
  public static final String REFINEMENT = "ALLOCATION_REFINEMENT";
  public static final String LINES_FIELD = "LINES";
  public static final String TARGET_FIELD = "TARGET_";

  private static final Pattern RECIPIENT = Pattern.compile("\\d{6}");
  private static final Pattern LINE = Pattern.compile(
      "\\s*([0-9A-Za-z-]{1,40})\\s*=\\s*([0-9]{1,14}(?:\\.[0-9]{1,2})?)\\s*/\\s*([0-9]{1,14}(?:\\.[0-9]{1,2})?)\\s*");

  private final AllocationService allocations;
  private final AllocationRepository repository;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AllocationCorrections(AllocationService allocations, AllocationRepository repository,
      JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.allocations = allocations;
    this.repository = repository;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  public static boolean handles(String recordType) {
    return ISSUE.equals(recordType) || REFINEMENT.equals(recordType);
  }

  /**
   * What a correction of this record concerns.
   *
   * @param ownerUnit the unit that produced the data and may ask to correct it (MNR 第二十条)
   * @param sent whether it was sent upward (issued, or filed with the superior)
   * @param notSent why it cannot be corrected yet, in words, when not sent
   */
  public record Subject(String documentNo, String recipient, String stage, String ownerUnit,
      boolean sent, String notSent, Direction direction, String title) {}

  @Transactional(readOnly = true)
  public Subject subject(String recordType, String recordKey) {
    var cut = recordKey == null ? -1 : recordKey.lastIndexOf('/');
    var recipient = cut < 0 ? null : recordKey.substring(cut + 1);
    if (!handles(recordType) || recipient == null || !RECIPIENT.matcher(recipient).matches()) {
      throw new InvalidInputException("变更申请有误",
          "资金下达、细化记录应写作“批复文号/下达单位代码”，如“财资环〔2026〕9号/450102”");
    }
    var documentNo = recordKey.substring(0, cut);
    var a = find(documentNo);
    var part = repository.part(documentNo, recipient).orElseThrow(() -> new InvalidInputException(
        "变更申请有误", "资金“" + documentNo + "”未下达给 " + recipient));
    var name = allocations.name(recipient);
    if (ISSUE.equals(recordType)) {
      return new Subject(documentNo, recipient, AllocationRepository.ISSUE, a.provinceCode(),
          a.status() != AllocationStatus.RECEIVED,
          "资金尚未下达，没有可变更的下达数据：请在资金下达任务中直接修改", a.direction(),
          "资金 " + documentNo + " 下达给" + name);
    }
    var filed = part.status() == PartStatus.FILED || part.status() == PartStatus.ACKNOWLEDGED;
    return new Subject(documentNo, recipient, AllocationRepository.REFINEMENT, recipient, filed,
        name + "的细化当前为“" + part.status().label() + "”，尚未报备上级，没有可变更的报备数据：请在细化任务中直接修改",
        a.direction(), "资金 " + documentNo + " " + name + "的细化");
  }

  /** The field's current value as text, for the projects or target the new value names. */
  @Transactional(readOnly = true)
  public String fieldValue(String recordType, String recordKey, String field, String newValue) {
    var s = subject(recordType, recordKey);
    if (LINES_FIELD.equals(field)) {
      var wanted = parseLines(newValue, new ArrayList<>());
      var current = lines(s);
      var text = new StringBuilder();
      for (var project : wanted.keySet()) {
        var line = current.get(project);
        text.append(text.isEmpty() ? "" : ";").append(project).append('=')
            .append(line == null ? "—" : line.central().amount().setScale(2).toPlainString() + "/"
                + line.provincial().amount().setScale(2).toPlainString());
      }
      return text.toString();
    }
    var target = target(s, field);
    return currentTargets(s).stream()
        .filter(t -> t.unitCode().equals(target.unit()) && t.position() == target.position())
        .findFirst().map(t -> t.target().text()).orElse(null);
  }

  /** Checks a proposed value; returns it as it will be stored. */
  @Transactional(readOnly = true)
  public String checkCorrection(String recordType, String recordKey, String field, String value) {
    var s = subject(recordType, recordKey);
    var problems = new ArrayList<String>();
    String normalised;
    if (LINES_FIELD.equals(field)) {
      var wanted = parseLines(value, problems);
      var current = lines(s);
      var central = BigDecimal.ZERO;
      var provincial = BigDecimal.ZERO;
      for (var e : wanted.entrySet()) {
        var line = current.get(e.getKey());
        if (line == null) {
          problems.add("项目 " + e.getKey() + " 不在" + s.title() + "明细中：更正只能在已" + stageVerb(s)
              + "的项目之间调整金额");
          continue;
        }
        central = central.add(e.getValue()[0].subtract(line.central().amount()));
        provincial = provincial.add(e.getValue()[1].subtract(line.provincial().amount()));
      }
      if (problems.isEmpty() && (central.signum() != 0 || provincial.signum() != 0)) {
        problems.add("更正后所列项目的中央资金合计" + signed(central) + "、省级资金合计" + signed(provincial)
            + "：更正只能在项目之间调整金额，合计须与" + stageVerb(s) + "金额一致");
      }
      normalised = format(wanted);
    } else {
      var target = target(s, field);
      var approved = approved(s);
      var ind = approved.get(target.position() - 1);
      var parsed = IndicatorRows.target(ind.comparator(), value == null ? "" : value.strip(),
          problems);
      normalised = parsed == null ? null : parsed.text();
      if (parsed != null) {
        // the whole decomposition, with the corrected value, must pass the rule it was issued under
        var rows = new ArrayList<Map<String, Object>>();
        var replaced = false;
        for (var t : currentTargets(s)) {
          var same = t.unitCode().equals(target.unit()) && t.position() == target.position();
          replaced |= same;
          rows.add(row(t.unitCode(), approved.get(t.position() - 1).name(),
              same ? parsed.text() : t.target().text()));
        }
        if (!replaced) {
          rows.add(row(target.unit(), ind.name(), parsed.text()));
        }
        TargetDecomposition.decompose(approved, units(s), rows, allocations::name,
            s.stage().equals(AllocationRepository.ISSUE) ? "下达单位" : "项目", problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("变更内容有误", problems);
    }
    return normalised;
  }

  /** Applies an approved correction, if the field still holds the value it was asked against. */
  public void applyCorrection(String recordType, String recordKey, String field, String expected,
      String value, String actor) {
    var s = subject(recordType, recordKey);
    var current = fieldValue(recordType, recordKey, field, value);
    if (!Objects.equals(current, expected)) {
      throw new StaleRecordException("记录已在申请后被修改（申请时为“" + expected + "”，现为“" + current
          + "”），本次变更不予执行，请按现值重新申请");
    }
    if (LINES_FIELD.equals(field)) {
      var lines = parseLines(value, new ArrayList<>());
      for (var e : lines.entrySet()) {
        jdbc.sql("update fm_allocation_line set central_amount = ?, provincial_amount = ? "
                + "where document_no = ? and stage = ? and recipient_code = ? and project_code = ?")
            .params(e.getValue()[0], e.getValue()[1], s.documentNo(), s.stage(), s.recipient(),
                e.getKey())
            .update();
      }
      // figures stay right after a correction: a filing not yet filed checks payments against
      // the corrected money received (filing/ answers the event in this transaction)
      events.publishEvent(new ReceivedMoneyCorrected(Set.copyOf(lines.keySet())));
    } else {
      var target = target(s, field);
      var parsed = IndicatorRows.target(approved(s).get(target.position() - 1).comparator(), value,
          new ArrayList<>());
      var updated = jdbc.sql("update fm_decomposed_target set target_value = ?, target_date = ?, "
              + "target_text = ?, inherited = false where document_no = ? and stage = ? and "
              + "recipient_code = ? and unit_code = ? and position = ?")
          .params(IndicatorTable.value(parsed), IndicatorTable.date(parsed), parsed.text(),
              s.documentNo(), s.stage(), s.recipient(), target.unit(), target.position())
          .update();
      if (updated == 0) {
        jdbc.sql("insert into fm_decomposed_target (document_no, stage, recipient_code, unit_code, "
                + "position, target_value, target_date, target_text, inherited) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, false)")
            .params(s.documentNo(), s.stage(), s.recipient(), target.unit(), target.position(),
                IndicatorTable.value(parsed), IndicatorTable.date(parsed), parsed.text())
            .update();
      }
    }
    repository.addEvent(s.documentNo(), new AllocationEvent(s.recipient(), "CORRECTED", actor,
        OffsetDateTime.now(clock), "数据变更（MNR 第二十二条）：" + field + "：" + expected + " → " + value));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Allocation find(String documentNo) {
    try {
      return allocations.get(documentNo);
    } catch (NotFoundException e) {
      throw new InvalidInputException("变更申请有误", "资金批复文号不存在：" + shorten(documentNo));
    }
  }

  private record TargetRef(String unit, int position) {}

  /** Which unit's target of which approved indicator a TARGET_ field names. */
  private TargetRef target(Subject s, String field) {
    var problem = new InvalidInputException("变更内容有误", s.stage().equals(AllocationRepository.ISSUE)
        ? "可变更的字段为 LINES（项目金额）或 TARGET_序号（下达单位的分解目标）"
        : "可变更的字段为 LINES（项目金额）或 TARGET_项目编码_序号（项目的分解目标）");
    if (field == null || !field.startsWith(TARGET_FIELD)) {
      throw problem;
    }
    var rest = field.substring(TARGET_FIELD.length());
    String unit;
    String position;
    if (s.stage().equals(AllocationRepository.ISSUE)) {
      unit = s.recipient();
      position = rest;
    } else {
      var cut = rest.lastIndexOf('_');
      if (cut < 1) {
        throw problem;
      }
      unit = rest.substring(0, cut);
      position = rest.substring(cut + 1);
      if (!units(s).contains(unit)) {
        throw new InvalidInputException("变更内容有误", "项目 " + shorten(unit) + " 不在" + s.title() + "中");
      }
    }
    int n;
    try {
      n = Integer.parseInt(position);
    } catch (NumberFormatException e) {
      throw problem;
    }
    if (n < 1 || n > approved(s).size()) {
      throw new InvalidInputException("变更内容有误", "没有第" + n + "项绩效目标");
    }
    return new TargetRef(unit, n);
  }

  /** The targets handed to this stage: the approval (issue) or the recipient's share (refinement). */
  private List<cn.fundmonitor.project.Indicator> approved(Subject s) {
    var a = allocations.get(s.documentNo());
    if (s.stage().equals(AllocationRepository.ISSUE)) {
      return a.targets();
    }
    return repository.targets(s.documentNo(), AllocationRepository.ISSUE, s.recipient(),
        a.targets()).stream().map(DecomposedTarget::asIndicator).toList();
  }

  /** The stage's units: every recipient (issue) or the recipient's projects (refinement). */
  private TreeSet<String> units(Subject s) {
    var units = new TreeSet<String>();
    if (s.stage().equals(AllocationRepository.ISSUE)) {
      repository.parts(s.documentNo()).forEach(p -> units.add(p.recipientCode()));
    } else {
      units.addAll(lines(s).keySet());
    }
    return units;
  }

  /** The stage's decomposed targets as stored (for the issue, every recipient's). */
  private List<DecomposedTarget> currentTargets(Subject s) {
    var a = allocations.get(s.documentNo());
    if (s.stage().equals(AllocationRepository.REFINEMENT)) {
      return repository.targets(s.documentNo(), s.stage(), s.recipient(), a.targets());
    }
    var all = new ArrayList<DecomposedTarget>();
    for (var p : repository.parts(s.documentNo())) {
      all.addAll(repository.targets(s.documentNo(), s.stage(), p.recipientCode(), a.targets()));
    }
    return all;
  }

  private Map<String, MoneyLine> lines(Subject s) {
    var result = new TreeMap<String, MoneyLine>();
    repository.lines(s.documentNo(), s.stage()).stream()
        .filter(l -> l.recipientCode().equals(s.recipient()))
        .forEach(l -> result.put(l.projectCode(), l));
    return result;
  }

  /** 项目编码=中央/省级;… as amounts in yuan, by project code. */
  private static Map<String, BigDecimal[]> parseLines(String value, List<String> problems) {
    var result = new TreeMap<String, BigDecimal[]>();
    if (value == null || value.isBlank()) {
      problems.add("请按“项目编码=中央资金/省级资金;…”填写更正后的项目金额（元）");
      return result;
    }
    for (var item : value.split("[;；]")) {
      if (item.isBlank()) {
        continue;
      }
      var m = LINE.matcher(item);
      if (!m.matches()) {
        problems.add("“" + shorten(item.strip()) + "”应写作“项目编码=中央资金/省级资金”（元，最多两位小数）");
        continue;
      }
      if (result.put(m.group(1), new BigDecimal[] {new BigDecimal(m.group(2)).setScale(2),
          new BigDecimal(m.group(3)).setScale(2)}) != null) {
        problems.add("项目 " + m.group(1) + " 重复填写");
      }
    }
    if (result.isEmpty() && problems.isEmpty()) {
      problems.add("请按“项目编码=中央资金/省级资金;…”填写更正后的项目金额（元）");
    }
    return result;
  }

  private static String format(Map<String, BigDecimal[]> lines) {
    var text = new StringBuilder();
    lines.forEach((project, amounts) -> text.append(text.isEmpty() ? "" : ";").append(project)
        .append('=').append(amounts[0].toPlainString()).append('/').append(amounts[1].toPlainString()));
    return text.toString();
  }

  private static Map<String, Object> row(String unit, String name, String target) {
    var row = new HashMap<String, Object>();
    row.put("unitCode", unit);
    row.put("indicatorName", name);
    row.put("target", target);
    return row;
  }

  private static String stageVerb(Subject s) {
    return s.stage().equals(AllocationRepository.ISSUE) ? "下达" : "细化";
  }

  private static String signed(BigDecimal delta) {
    return delta.signum() == 0 ? "不变" : (delta.signum() > 0 ? "增加 " : "减少 ")
        + Yuan.of(delta.abs()).amount().toPlainString() + " 元";
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
