package cn.fundmonitor.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a unit may do in the engine depends only on its level and its department (role): every
 * county's 生态保护修复股 may start the same processes. Those grants are held once, by one
 * authorization group per level and role ({@code fm-county-eco}; one per level and role that exists there, 19 in all), not repeated for each
 * of the nation's 3,200 divisions (issue 16: 237,000 authorization rows, which every task query's
 * authorization check read through). Nobody is a member of these groups: the engine derives them
 * from a user's unit groups whenever it checks an authorization
 * ({@code platform/AuthorizedGroupsPlugin}), so a user added to {@code 450102-eco} in Admin has
 * what every county's eco department has, at once.
 *
 * <p>Which tasks and records a unit sees stays with its own unit group: a task's candidate group
 * and the engine's grant on that task name {@code 450102-eco}, never a level group.
 */
public final class GrantGroups {

  private GrantGroups() {}

  /** The authorization group of a level and role, e.g. {@code fm-county-eco}. */
  public static String of(DivisionLevel level, Role role) {
    return "fm-" + level.name().toLowerCase(java.util.Locale.ROOT) + "-" + role.id();
  }

  /** All of them. */
  public static List<String> all() {
    var result = new ArrayList<String>();
    for (var level : DivisionLevel.values()) {
      for (var role : Role.values()) {
        if (role.existsAt(level)) {
          result.add(of(level, role));
        }
      }
    }
    return result;
  }

  /** The user's groups and, for each unit group among them, its level's authorization group. */
  public static List<String> withGrantGroups(Collection<String> groupIds,
      OrganisationService organisation) {
    var result = new LinkedHashSet<String>(groupIds);
    for (var id : groupIds) {
      UnitGroup.parse(id).ifPresent(g -> organisation.find(g.divisionCode())
          .ifPresent(d -> result.add(of(d.level(), g.role()))));
    }
    return new ArrayList<>(result);
  }
}
