package cn.fundmonitor.divisions;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NumberSequences;
import cn.fundmonitor.organisation.CamundaOrganisationSync;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Renaming or merging a county (地方行政区划调整, MNR 第十七条). In one transaction: the change is
 * validated and authorised; features may refuse it ({@link DivisionChanging}); the old division is
 * kept and marked abolished with its successor; every feature that keeps unit codes moves its own
 * open rows (its projects, open allocation filings, open problems, corrections, inspection findings
 * and overdue steps) in a handler of {@link DivisionChanged} and reports them; the open tasks, the
 * running processes' variables that name it, and its staff move to the new code's groups
 * ({@link DivisionEngineMoves}); the change is recorded (报部备案). What was finished stays as it was
 * filed, under the old code, and stays visible to the successor ({@link OrganisationService#subtree}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DivisionChangeService {

  public static final String ADMIN_GROUP = "camunda-admin";
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  private final JdbcClient jdbc;
  private final OrganisationService organisation;
  private final CamundaOrganisationSync sync;
  private final DivisionEngineMoves engineMoves;
  private final NumberSequences numbers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /** A change as filed: texts as typed, checked by {@link #record}. */
  public record RawChange(String kind, String fromCode, String toCode, String toName,
      String effectiveOn, String approvalDocument, String reason) {}

  /** Records and carries out a change; refused as a whole with every problem named. */
  @Transactional
  public DivisionChange record(RawChange raw, String actor, Collection<String> actorGroups) {
    var problems = new ArrayList<String>();
    var kind = kind(raw.kind(), problems);
    var from = from(raw.fromCode(), problems);
    var effectiveOn = effectiveOn(raw.effectiveOn(), problems);
    var document = text(raw.approvalDocument());
    if (document == null) {
      problems.add("请填写批准文件（文号）");
    } else if (document.length() > 200) {
      problems.add("批准文件不能超过 200 字");
    }
    var reason = text(raw.reason());
    if (reason != null && reason.length() > 2000) {
      problems.add("说明不能超过 2000 字");
    }
    Division target = null;
    if (kind == DivisionChangeKind.RENAME && from != null) {
      target = renamed(from, raw.toCode(), raw.toName(), problems);
    } else if (kind == DivisionChangeKind.MERGE && from != null) {
      target = mergeTarget(from, raw.toCode(), problems);
    }
    final var to = target;
    if (!problems.isEmpty()) {
      throw new InvalidInputException("区划调整有误", problems);
    }
    authorise(from, to, actorGroups);
    // the caller may file the change; the moves are the system's (groups, others' tasks)
    return engineMoves.asSystem(() -> {
      events.publishEvent(new DivisionChanging(from.code(), from.name(), to.code(), to.name(), kind));

      if (kind == DivisionChangeKind.RENAME) {
        organisation.add(to);
      }
      organisation.abolish(from.code(), to.code(), effectiveOn);
      reloadIfRolledBack();
      sync.synchronise(); // re-reads the divisions, creates the new code's groups and grants

      var changeNo = numbers.next("QH", LocalDate.now(clock).getYear());
      var changed = new DivisionChanged(from.code(), to.code(), kind);
      events.publishEvent(changed); // each feature moves its own open rows
      var items = new ArrayList<>(changed.items());
      var engine = engineMoves.move(from, to, kind, items);

      var change = new DivisionChange(changeNo, kind, from.code(), from.name(), to.code(),
          to.name(), effectiveOn, document, reason, changed.count(DivisionChanged.Tally.PROJECTS),
          changed.count(DivisionChanged.Tally.ALLOCATIONS),
          changed.count(DivisionChanged.Tally.RECORDS), engine.tasks(), engine.variables(),
          engine.members(), actor, OffsetDateTime.now(clock));
      insert(change, items);
      return change;
    });
  }

  @Transactional(readOnly = true)
  public List<DivisionChange> all() {
    return jdbc.sql("select * from fm_division_change order by recorded_at desc, change_no desc")
        .query((rs, i) -> new DivisionChange(rs.getString("change_no"),
            DivisionChangeKind.valueOf(rs.getString("kind")), rs.getString("old_code"),
            rs.getString("old_name"), rs.getString("new_code"), rs.getString("new_name"),
            rs.getObject("effective_on", LocalDate.class), rs.getString("approval_document"),
            rs.getString("reason"), rs.getInt("moved_projects"), rs.getInt("moved_allocations"),
            rs.getInt("moved_records"), rs.getInt("moved_tasks"), rs.getInt("moved_variables"),
            rs.getInt("moved_members"), rs.getString("recorded_by"),
            rs.getObject("recorded_at", OffsetDateTime.class)))
        .list();
  }

  // --- checks ---------------------------------------------------------------------------------

  private static DivisionChangeKind kind(String text, List<String> problems) {
    var t = text(text);
    if (t == null) {
      problems.add("请选择调整类型：更名（RENAME）或合并（MERGE）");
      return null;
    }
    var kind = Arrays.stream(DivisionChangeKind.values())
        .filter(k -> k.name().equalsIgnoreCase(t) || k.label().equals(t)).findFirst();
    if (kind.isEmpty()) {
      problems.add("调整类型“" + t + "”不存在，应为更名（RENAME）或合并（MERGE）");
    }
    return kind.orElse(null);
  }

  private Division from(String text, List<String> problems) {
    var code = text(text);
    if (code == null) {
      problems.add("请填写调整前的行政区划代码");
      return null;
    }
    var d = organisation.find(code);
    if (d.isEmpty()) {
      problems.add("未知的行政区划代码：" + code);
      return null;
    }
    if (!d.get().active()) {
      problems.add(organisation.unusable(code).orElseThrow() + "，不能再次调整");
      return null;
    }
    if (d.get().level() != DivisionLevel.COUNTY) {
      problems.add(d.get().name() + "是" + d.get().level().label()
          + "级，本功能办理县级区划的更名与合并；市级、省级调整请联系部级系统管理员");
      return null;
    }
    return d.get();
  }

  private LocalDate effectiveOn(String text, List<String> problems) {
    var t = text(text);
    if (t == null) {
      problems.add("请填写调整生效日期");
      return null;
    }
    try {
      var date = LocalDate.parse(t);
      if (date.isAfter(LocalDate.now(clock))) {
        problems.add("生效日期 " + t + " 晚于今天：调整生效后再办理，届时项目和待办一并转入新代码");
      }
      return date;
    } catch (DateTimeParseException e) {
      problems.add("生效日期“" + t + "”格式有误，应为 YYYY-MM-DD");
      return null;
    }
  }

  private Division renamed(Division from, String codeText, String nameText, List<String> problems) {
    var code = text(codeText);
    var name = text(nameText);
    if (code == null || !CODE.matcher(code).matches()) {
      problems.add("更名后的行政区划代码应为 6 位数字" + (code == null ? "" : "（填写的是“" + code + "”）"));
    } else if (organisation.find(code).isPresent()) {
      problems.add("代码 " + code + " 已是" + organisation.get(code).name() + "的代码，更名须使用新代码；"
          + "并入已有县区请选择合并（MERGE）");
    }
    if (name == null) {
      problems.add("请填写更名后的名称");
    } else if (name.length() > 100) {
      problems.add("名称不能超过 100 字");
    }
    return problems.isEmpty() ? new Division(code, name, from.level(), from.parentCode()) : null;
  }

  private Division mergeTarget(Division from, String codeText, List<String> problems) {
    var code = text(codeText);
    if (code == null) {
      problems.add("请填写并入的县（区）的行政区划代码");
      return null;
    }
    var unusable = organisation.unusable(code);
    if (unusable.isPresent()) {
      problems.add(unusable.get());
      return null;
    }
    var to = organisation.get(code);
    if (to.code().equals(from.code())) {
      problems.add("不能将" + from.name() + "并入自身");
      return null;
    }
    if (to.level() != DivisionLevel.COUNTY) {
      problems.add(to.name() + "不是县级区划，只能并入县（区）");
      return null;
    }
    if (!organisation.provinceOf(to.code()).equals(organisation.provinceOf(from.code()))) {
      problems.add(to.name() + "与" + from.name() + "不在同一省份，跨省调整请联系部级系统管理员");
      return null;
    }
    return to;
  }

  /** The province's finance department files its counties' changes; the ministry any. */
  private void authorise(Division from, Division to, Collection<String> groups) {
    if (groups.contains(ADMIN_GROUP)
        || groups.contains(UnitGroup.of(Division.MINISTRY_CODE, Role.FINANCE).id())) {
      return;
    }
    var province = organisation.provinceOf(from.code()).map(Division::code).orElse("");
    if (!groups.contains(UnitGroup.of(province, Role.FINANCE).id())) {
      throw new AccessDeniedException("division changes are filed by the province's finance department");
    }
  }

  // --- records ---------------------------------------------------------------------------------

  /** One thing that moved, with its value before and after. */
  public record Item(String type, String reference, String oldValue, String newValue) {}

  /**
   * The value with the old code replaced, when it is a code or a comma-separated list of codes and
   * unit groups naming it; free text that merely contains the digits is left alone.
   */
  static Optional<String> rewrite(String value, String from, String to) {
    if (value == null) {
      return Optional.empty();
    }
    var tokens = value.split(",", -1);
    boolean changed = false;
    for (int i = 0; i < tokens.length; i++) {
      var t = tokens[i].trim();
      if (t.equals(from)) {
        tokens[i] = to;
        changed = true;
      } else {
        var group = UnitGroup.parse(t);
        if (group.isPresent() && group.get().divisionCode().equals(from)) {
          tokens[i] = UnitGroup.of(to, group.get().role()).id();
          changed = true;
        } else if (!CODE.matcher(t).matches() && group.isEmpty()) {
          return Optional.empty(); // not a list of codes and groups
        }
      }
    }
    return changed ? Optional.of(String.join(",", tokens)) : Optional.empty();
  }

  private void insert(DivisionChange c, List<Item> items) {
    jdbc.sql("insert into fm_division_change (change_no, kind, old_code, old_name, new_code, new_name, "
            + "effective_on, approval_document, reason, moved_projects, moved_allocations, "
            + "moved_records, moved_tasks, moved_variables, moved_members, recorded_by, recorded_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(c.changeNo(), c.kind().name(), c.oldCode(), c.oldName(), c.newCode(), c.newName(),
            c.effectiveOn(), c.approvalDocument(), c.reason(), c.movedProjects(),
            c.movedAllocations(), c.movedRecords(), c.movedTasks(), c.movedVariables(),
            c.movedMembers(), c.recordedBy(), c.recordedAt())
        .update();
    for (var item : items) {
      jdbc.sql("insert into fm_division_change_item (change_no, item_type, reference, old_value, "
              + "new_value) values (?, ?, ?, ?, ?)")
          .params(c.changeNo(), item.type(), cut(item.reference(), 200), cut(item.oldValue(), 4000),
              cut(item.newValue(), 4000))
          .update();
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** What moved in a change, in the order it moved. */
  @Transactional(readOnly = true)
  public List<Item> items(String changeNo) {
    return jdbc.sql("select item_type, reference, old_value, new_value from fm_division_change_item "
            + "where change_no = ? order by id").param(changeNo)
        .query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** The division cache must not keep a change that was rolled back. */
  private void reloadIfRolledBack() {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          organisation.reload();
        }
      }
    });
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
