package cn.fundmonitor.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Who supervises a unit's work in Cockpit below the ministry (issue 17): MNR 第六条 has the
 * province "指导、督促下级部门按期完成填报任务", 第七条 the city "负责统筹推进本区域资金监测监管工作".
 * The supervisors of a unit group are, at each province and city above its division, the
 * department of the same role (生态保护修复处 above 生态保护修复股) and the finance department
 * (财务与资金运用处, which coordinates fund monitoring as 部财务与资金运用司 does, MNR 第五条).
 * A fiscal department's work (财政局) is supervised by the finance departments above it only: the
 * fiscal authorities above are not part of the natural-resources line.
 *
 * <p>The ministry is not among them: it reads every instance through its grants on all process
 * definitions ({@code CamundaOrganisationSync}); no unit's tasks are its to read (MNR 第二十三条).
 */
public final class Supervision {

  private Supervision() {}

  /** The unit groups that supervise the work of {@code unit}, nearest division first. */
  public static List<String> supervisorsOf(UnitGroup unit, OrganisationService organisation) {
    var result = new LinkedHashSet<String>();
    Optional<Division> d = organisation.find(unit.divisionCode())
        .flatMap(x -> organisation.find(x.parentCode()));
    var depth = 0;
    while (d.isPresent() && depth++ < 8) {
      var above = d.get();
      if (above.level() == DivisionLevel.PROVINCE || above.level() == DivisionLevel.CITY) {
        if (unit.role().isNaturalResources()) {
          result.add(UnitGroup.of(above.code(), unit.role()).id());
        }
        result.add(UnitGroup.of(above.code(), Role.FINANCE).id());
      }
      d = organisation.find(above.parentCode());
    }
    return new ArrayList<>(result);
  }

  /**
   * Whether a supervising unit group reads a whole instance it supervises work in (issue 17): the
   * instance must lie in its region — started by a unit of its own division or below. An instance
   * of a higher unit (the ministry's inspection with a finding for a county of Guangxi, the
   * province's allocation with a step for a county of Nanning) is not the supervisor's to read in
   * full: it reads the task of its subtree alone. Who started an instance is known from its start
   * user's unit groups ({@code ownerDivisions}); an instance the system started (a timer, a wave)
   * names no owner, and the work in it — the task of the supervised unit — decides, as before.
   */
  public static boolean readsInstance(String supervisorGroup, java.util.Collection<String>
      ownerDivisions, OrganisationService organisation) {
    var supervisor = UnitGroup.parse(supervisorGroup);
    if (supervisor.isEmpty()) {
      return false;
    }
    return ownerDivisions.isEmpty() || ownerDivisions.stream()
        .anyMatch(d -> organisation.isWithin(d, supervisor.get().divisionCode()));
  }

  /**
   * Whether a unit's own group needs a READ grant on an instance it works in: not the ministry's,
   * which reads every instance through its definition grants.
   */
  public static boolean needsInstanceGrant(UnitGroup unit, OrganisationService organisation) {
    return organisation.find(unit.divisionCode())
        .map(d -> d.level() != DivisionLevel.MINISTRY).orElse(false);
  }

  /** Whether a level's units supervise anyone in Cockpit (provinces and cities; the ministry reads all). */
  public static boolean supervisesInCockpit(DivisionLevel level, Role role) {
    return (level == DivisionLevel.PROVINCE || level == DivisionLevel.CITY)
        && role.isNaturalResources();
  }
}
