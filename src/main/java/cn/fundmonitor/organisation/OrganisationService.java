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

  private final DivisionRepository repository;
  private volatile Map<String, Division> byCode;

  OrganisationService(DivisionRepository repository) {
    this.repository = repository;
  }

  public void reload() {
    byCode = repository.findAll().stream()
        .collect(Collectors.toUnmodifiableMap(Division::code, Function.identity()));
  }

  private Map<String, Division> divisions() {
    var current = byCode;
    if (current == null) {
      reload();
      current = byCode;
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

  /** Whether {@code code} is {@code ancestor} itself or lies beneath it. */
  public boolean isWithin(String code, String ancestor) {
    var d = find(code);
    while (d.isPresent()) {
      if (d.get().code().equals(ancestor)) {
        return true;
      }
      d = find(d.get().parentCode());
    }
    return false;
  }

  /** The codes of a division and all divisions beneath it. */
  public Set<String> subtree(String code) {
    var result = new LinkedHashSet<String>();
    var queue = new ArrayList<>(List.of(code));
    while (!queue.isEmpty()) {
      var next = queue.remove(queue.size() - 1);
      if (result.add(next)) {
        divisions().values().stream()
            .filter(d -> next.equals(d.parentCode()))
            .forEach(d -> queue.add(d.code()));
      }
    }
    return result;
  }

  /** The unit groups among a user's group ids, ignoring technical groups. */
  public static List<UnitGroup> unitGroups(Collection<String> groupIds) {
    return groupIds.stream().map(UnitGroup::parse).flatMap(Optional::stream).toList();
  }
}
