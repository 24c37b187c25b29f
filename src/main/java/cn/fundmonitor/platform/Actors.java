package cn.fundmonitor.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;

/** Who is acting in an engine command: the authenticated user, else the engine itself. */
public final class Actors {

  public static final String SYSTEM = "system";

  private Actors() {}

  public static String current(DelegateExecution execution) {
    var auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : SYSTEM;
  }

  public static String current(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
  }

  /**
   * The groups of a user: those of the current authentication when it is that user (Tasklist,
   * /engine-rest and /api all authenticate with groups), else read from the identity service.
   */
  public static List<String> groups(DelegateExecution execution, String userId) {
    var identity = execution.getProcessEngineServices().getIdentityService();
    var auth = identity.getCurrentAuthentication();
    if (auth != null && userId.equals(auth.getUserId()) && auth.getGroupIds() != null) {
      return List.copyOf(auth.getGroupIds());
    }
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .toList();
  }

  /**
   * Runs engine work as the system, without the caller's authorization checks, then restores the
   * caller: for work the caller was allowed to ask for but whose engine side is not theirs.
   */
  public static <T> T asSystem(IdentityService identity, java.util.function.Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
