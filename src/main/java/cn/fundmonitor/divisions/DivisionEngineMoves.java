package cn.fundmonitor.divisions;

import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.RunningTextVariables;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The engine's side of a division change: open tasks' candidate groups, group memberships and
 * running processes' variables move from the old code to the new one, inside the change's
 * transaction (the engine shares the application's transaction manager).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DivisionEngineMoves {

  private final RunningTextVariables variables;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;

  record Moved(int tasks, int variables, int members) {}

  /** Moves the old code's open tasks, its staff and the variables naming it; renames its groups. */
  Moved move(Division from, Division to, DivisionChangeKind kind, List<DivisionChangeService.Item> items) {
    var movedTasks = new LinkedHashSet<String>();
    int members = 0;
    for (var role : Role.values()) {
      var oldGroup = UnitGroup.of(from.code(), role).id();
      var newGroup = UnitGroup.of(to.code(), role).id();
      for (var task : tasks.createTaskQuery().taskCandidateGroup(oldGroup).includeAssignedTasks().list()) {
        tasks.deleteCandidateGroup(task.getId(), oldGroup);
        tasks.addCandidateGroup(task.getId(), newGroup);
        movedTasks.add(task.getId());
        items.add(new DivisionChangeService.Item("TASK", task.getId() + " " + task.getName(), oldGroup, newGroup));
      }
      for (var user : identity.createUserQuery().memberOfGroup(oldGroup).list()) {
        if (identity.createUserQuery().userId(user.getId()).memberOfGroup(newGroup).count() == 0) {
          identity.createMembership(user.getId(), newGroup);
        }
        identity.deleteMembership(user.getId(), oldGroup);
        items.add(new DivisionChangeService.Item("MEMBER", user.getId(), oldGroup, newGroup));
        members++;
      }
      var group = identity.createGroupQuery().groupId(oldGroup).singleResult();
      if (group != null) {
        group.setName(from.name() + " " + role.label() + "（已" + kind.label()
            + (kind == DivisionChangeKind.MERGE ? "入" : "为") + to.name() + " " + to.code() + "）");
        identity.saveGroup(group);
      }
    }
    return new Moved(movedTasks.size(), moveVariables(from.code(), to.code(), items), members);
  }

  /**
   * Rewrites the running processes' text variables that name the old code or its groups (e.g.
   * {@code lifecycleGroups = "450102-finance,450102-eco"}) through the engine. They are found by
   * {@link RunningTextVariables} (the API searches by name only); the old values are kept in the
   * change's items, as the engine keeps no variable-update history here.
   */
  private int moveVariables(String from, String to, List<DivisionChangeService.Item> items) {
    int moved = 0;
    for (var row : variables.containing(from)) {
      var rewritten = DivisionChangeService.rewrite(row.text(), from, to);
      if (rewritten.isEmpty()) {
        continue;
      }
      if (row.taskId() != null) {
        tasks.setVariableLocal(row.taskId(), row.name(), rewritten.get());
      } else {
        runtime.setVariableLocal(row.executionId(), row.name(), rewritten.get());
      }
      items.add(new DivisionChangeService.Item("VARIABLE", row.processInstanceId() + " " + row.name(), row.text(),
          rewritten.get()));
      moved++;
    }
    return moved;
  }

  /** Moves as the system: the caller was authorised for the change, the engine work is not theirs. */
  <T> T asSystem(Supplier<T> work) {
    return Actors.asSystem(identity, work);
  }
}
