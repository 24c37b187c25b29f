package cn.fundmonitor.organisation;

import java.util.Collection;

/**
 * The grants earlier releases gave each division's groups one by one, now held by the
 * level-and-role groups ({@link GrantGroups}): 17 rows a group, 218,000 for the national tree.
 * They are removed in bulk by SQL, which only {@code platform/} writes against the engine's tables
 * (issue 18); {@link CamundaOrganisationSync} calls it at every synchronisation.
 */
public interface LegacyUnitGrants {

  /**
   * Removes what real unit groups ({@code 450102-eco}, not {@code policy-owners}) are granted on
   * Tasklist and Cockpit, on these process definitions, and on every process instance, deployment
   * and decision. A task's grant to its candidate group and anything else given to a unit group
   * stay.
   *
   * @return how many grants were removed
   */
  int remove(Collection<String> processKeys);
}
