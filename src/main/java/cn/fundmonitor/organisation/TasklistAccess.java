package cn.fundmonitor.organisation;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What one process offers in Tasklist: who reads its definition (diagram and forms) and which
 * departments start it. The feature that owns the process declares it as a {@code @Bean}, naming
 * the process by its constants class's key; {@link CamundaOrganisationSync} collects every
 * declaration and grants it to the level-and-role groups ({@link GrantGroups}), so the sync
 * holds no feature's process key (issue 18: features contribute, the foundation collects).
 *
 * @param starters the departments, each at its level, that start the process from Tasklist
 */
public record TasklistAccess(String processKey, Readers readers, Set<Starter> starters) {

  /** Who reads the definition. */
  public enum Readers {
    /** Every unit: the diagram and forms of work any unit may be given. */
    EVERY_UNIT,
    /** Only the departments that start it. */
    ITS_STARTERS,
    /** The policy owners ({@link CamundaOrganisationSync#POLICY_OWNERS}), no unit. */
    POLICY_OWNERS
  }

  /** One department at one level, e.g. a province's finance office. */
  public record Starter(DivisionLevel level, Role role) {}

  /** The departments of the natural-resources authority: every role but the fiscal department. */
  public static final Set<Role> NATURAL_RESOURCES = Set.copyOf(Arrays.stream(Role.values())
      .filter(Role::isNaturalResources).toList());

  public TasklistAccess {
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(readers, "readers");
    starters = Set.copyOf(starters);
    for (var starter : starters) {
      // a fiscal department reviews, issues and approves what the natural-resources side brings
      // (GX 第五条第二项、第四项); it starts no workflow of its own
      if (!starter.role().isNaturalResources()) {
        throw new IllegalArgumentException(processKey + ": a fiscal department starts no process");
      }
    }
    if (readers == Readers.POLICY_OWNERS && !starters.isEmpty()) {
      throw new IllegalArgumentException(processKey + ": the policy owners' processes have no "
          + "starting unit");
    }
  }

  /** Every unit reads it; no unit starts it until {@link #startedBy} says so. */
  public static TasklistAccess readByEveryUnit(String processKey) {
    return new TasklistAccess(processKey, Readers.EVERY_UNIT, Set.of());
  }

  /** Only the departments it is {@link #startedBy} read it. */
  public static TasklistAccess readByItsStarters(String processKey) {
    return new TasklistAccess(processKey, Readers.ITS_STARTERS, Set.of());
  }

  /** The policy owners read it (and work its tasks); units do not see it. */
  public static TasklistAccess readByPolicyOwners(String processKey) {
    return new TasklistAccess(processKey, Readers.POLICY_OWNERS, Set.of());
  }

  /** These departments at each of these levels start it as well. */
  public TasklistAccess startedBy(Collection<Role> roles, DivisionLevel... levels) {
    var more = new HashSet<>(starters);
    for (var level : levels) {
      roles.forEach(role -> more.add(new Starter(level, role)));
    }
    return new TasklistAccess(processKey, readers, more);
  }

  /** Whether this department at this level starts the process. */
  public boolean startableBy(DivisionLevel level, Role role) {
    return starters.contains(new Starter(level, role));
  }

  /** Whether every unit reads it, or the department at this level, which starts it. */
  public boolean readableBy(DivisionLevel level, Role role) {
    return readers == Readers.EVERY_UNIT || startableBy(level, role);
  }
}
