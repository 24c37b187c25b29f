package cn.fundmonitor.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The division hierarchy: who is whose superior. Divisions change rarely (MNR 第十七条 asks for
 * changes to be reported), so the tree is read once and re-read on {@link #reload()}.
 */
@Service
public class OrganisationService {

  /** How often a node asks whether another node changed the divisions (MNR 第十七条). */
  static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(30);

  private final DivisionRepository repository;
  private final long refreshNanos;
  private volatile Map<String, Division> byCode;
  private volatile String version;
  private volatile long checkedAt;

  @org.springframework.beans.factory.annotation.Autowired
  OrganisationService(DivisionRepository repository) {
    this(repository, REFRESH);
  }

  OrganisationService(DivisionRepository repository, java.time.Duration refresh) {
    this.repository = repository;
    this.refreshNanos = refresh.toNanos();
  }

  public void reload() {
    var v = repository.version();
    byCode = repository.findAll().stream()
        .collect(Collectors.toUnmodifiableMap(Division::code, Function.identity()));
    version = v;
    checkedAt = System.nanoTime();
  }

  /**
   * Adds a division (a renamed county's new code, MNR 第十七条). The cached tree is re-read by the
   * caller's {@link CamundaOrganisationSync#synchronise()} or {@link #reload()}.
   */
  public void add(Division division) {
    repository.insert(division);
  }

  /** Marks a division abolished since {@code on}, its work taken over by {@code successorCode}. */
  public void abolish(String code, String successorCode, java.time.LocalDate on) {
    repository.abolish(code, successorCode, on);
  }

  /**
   * The cached tree; every 30 seconds one cheap query tells whether another engine node sharing
   * the database recorded a division change, and the tree is re-read if so.
   */
  private Map<String, Division> divisions() {
    var current = byCode;
    if (current == null) {
      reload();
      return byCode;
    }
    if (System.nanoTime() - checkedAt >= refreshNanos) {
      checkedAt = System.nanoTime();
      if (!repository.version().equals(version)) {
        reload();
        return byCode;
      }
    }
    return current;
  }

  public Optional<Division> find(String code) {
    return Optional.ofNullable(code).map(divisions()::get);
  }

  public Division get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("未知的行政区划代码：" + code));
  }

  public Collection<Division> all() {
    return divisions().values();
  }

  /** The province a division belongs to (itself for a province); empty for the ministry. */
  public Optional<Division> provinceOf(String code) {
    var d = find(code);
    while (d.isPresent() && d.get().level() != DivisionLevel.PROVINCE) {
      d = find(d.get().parentCode());
    }
    return d;
  }

  /**
   * Whether {@code code} is {@code ancestor} itself or lies beneath it. An abolished division lies
   * beneath its old parent and beneath its successor: what it filed stays visible to both.
   */
  public boolean isWithin(String code, String ancestor) {
    var seen = new java.util.HashSet<String>();
    var queue = new ArrayList<String>();
    queue.add(code);
    while (!queue.isEmpty()) {
      var d = find(queue.remove(queue.size() - 1));
      if (d.isEmpty() || !seen.add(d.get().code())) {
        continue;
      }
      if (d.get().code().equals(ancestor)) {
        return true;
      }
      if (d.get().parentCode() != null) {
        queue.add(d.get().parentCode());
      }
      if (d.get().successorCode() != null) {
        queue.add(d.get().successorCode());
      }
    }
    return false;
  }

  /**
   * The codes of a division and all divisions beneath it, including divisions merged into or
   * renamed to one of them (their history belongs to their successor).
   */
  public Set<String> subtree(String code) {
    // one pass to index who lies directly beneath whom: the ministry's subtree is the whole
    // national tree (3,200 divisions), scanned once rather than once per division
    var beneath = new java.util.HashMap<String, List<String>>();
    for (var d : divisions().values()) {
      for (var above : new String[] {d.parentCode(), d.successorCode()}) {
        if (above != null) {
          beneath.computeIfAbsent(above, k -> new ArrayList<>()).add(d.code());
        }
      }
    }
    var result = new LinkedHashSet<String>();
    var queue = new ArrayList<>(List.of(code));
    while (!queue.isEmpty()) {
      var next = queue.remove(queue.size() - 1);
      if (result.add(next)) {
        queue.addAll(beneath.getOrDefault(next, List.of()));
      }
    }
    return result;
  }

  /** The division that does a division's work today: itself, or its (last) successor. */
  public Division current(String code) {
    var d = get(code);
    var seen = new java.util.HashSet<String>();
    while (d.successorCode() != null && seen.add(d.code())) {
      d = get(d.successorCode());
    }
    return d;
  }

  /**
   * Why a code may not be used for new records, or empty when it may: unknown codes and divisions
   * that were renamed or merged (MNR 第十七条) are refused with the code to use instead.
   */
  public Optional<String> unusable(String code) {
    var d = find(code);
    if (d.isEmpty()) {
      return Optional.of("未知的行政区划代码：" + code);
    }
    if (d.get().active()) {
      return Optional.empty();
    }
    var now = current(code);
    return Optional.of(d.get().name() + "（" + code + "）已于 " + d.get().abolishedOn() + " 撤销，其工作由"
        + now.name() + "（" + now.code() + "）承接，请使用新的行政区划代码 " + now.code());
  }

  /** The unit groups among a user's group ids, ignoring technical groups. */
  /**
   * The name a person reads for a group: a unit group's authority and department (兴宁区自然资源局
   * 生态保护修复股), any other group's id as it is.
   */
  public String groupName(String groupId) {
    return UnitGroup.parse(groupId)
        .flatMap(g -> find(g.divisionCode()).map(d -> d.unitName(g.role())))
        .orElse(groupId);
  }

  /** A division's name for people, or the code itself when it is unknown. */
  public String nameOf(String code) {
    return code == null ? null : find(code).map(Division::name).orElse(code);
  }

  /** The divisions a user's units look after: each unit and everything beneath it. */
  public Set<String> jurisdiction(Collection<String> groupIds) {
    var result = new LinkedHashSet<String>();
    unitGroups(groupIds).forEach(g -> result.addAll(subtree(g.divisionCode())));
    return result;
  }

  public static List<UnitGroup> unitGroups(Collection<String> groupIds) {
    return groupIds.stream().map(UnitGroup::parse).flatMap(Optional::stream).toList();
  }
}
