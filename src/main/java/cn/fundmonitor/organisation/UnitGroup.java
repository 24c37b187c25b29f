package cn.fundmonitor.organisation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One department of one authority, named {@code <division code>-<role>} (e.g. {@code 450102-eco}).
 * This naming is a public contract: task candidate groups and authorizations use it.
 */
public record UnitGroup(String divisionCode, Role role) {

  private static final Pattern ID = Pattern.compile("(\\d{6})-([a-z]+)");

  public String id() {
    return divisionCode + "-" + role.id();
  }

  public static UnitGroup of(String divisionCode, Role role) {
    return new UnitGroup(divisionCode, role);
  }

  /** The unit group named by a group id, or empty for other groups (e.g. camunda-admin). */
  public static Optional<UnitGroup> parse(String groupId) {
    var m = ID.matcher(groupId == null ? "" : groupId);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Role.byId(m.group(2)).map(role -> new UnitGroup(m.group(1), role));
  }

  @Override
  public String toString() {
    return id();
  }
}
