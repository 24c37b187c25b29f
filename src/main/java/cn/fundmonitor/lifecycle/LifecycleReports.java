package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.lifecycle.ProjectLifecycleService.ForceMajeure;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.project.ProjectCatalogue;
import java.util.Collection;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a project unit reports about its running project outside a task: a force majeure (the
 * province then approves suspension or cancellation) and the resumption after a suspension.
 * Only the project's own unit may report; the messages are delivered by the system, which records
 * the reporting user.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LifecycleReports {

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ProjectCatalogue catalogue;

  /** {@code kind} null when the client's was none of the choices. */
  public void reportForceMajeure(String code, ForceMajeure kind, String reason, String userId,
      Collection<String> groups) {
    requireUnit(code, groups);
    // checked here too, so that a client's answer points at its body's fields
    var problems = new Problems();
    ProjectLifecycleService.checkForceMajeure(kind, reason, problems, "kind", "reason");
    problems.throwIfAny(ProjectLifecycleService.INVALID);
    deliver(code, MESSAGE_FORCE_MAJEURE, false, ProcessVariables.builder()
        .set(FORCE_MAJEURE_KIND, kind).set(FORCE_MAJEURE_REASON, reason)
        .set(FORCE_MAJEURE_DECISION, null).set(REPORTED_BY, userId).build());
  }

  public void resume(String code, String userId, Collection<String> groups) {
    requireUnit(code, groups);
    deliver(code, MESSAGE_RESUMED, true, REPORTED_BY.with(userId));
  }

  private void requireUnit(String code, Collection<String> groups) {
    var project = catalogue.get(code);
    if (OrganisationService.unitGroups(groups).stream()
        .noneMatch(g -> g.divisionCode().equals(project.applicantUnitCode()))) {
      throw new AccessDeniedException("only the project's unit reports");
    }
  }

  private String instance(String code) {
    var pi = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(code).singleResult();
    if (pi == null) {
      throw new NotFoundException("项目 " + code + " 没有进行中的实施跟踪（尚未获得资金或已结束）");
    }
    return pi.getId();
  }

  /** Delivers as the system: units may not read or update the lifecycle instance themselves. */
  private void deliver(String code, String message, boolean mustBeWaiting,
      org.camunda.bpm.engine.variable.VariableMap vars) {
    Actors.asSystem(identity, () -> {
      var id = instance(code);
      if (mustBeWaiting && runtime.createEventSubscriptionQuery().eventName(message)
          .processInstanceId(id).count() == 0) {
        throw new ConflictException("项目 " + code + " 未中止，无需恢复");
      }
      runtime.createMessageCorrelation(message).processInstanceId(id).setVariables(vars).correlate();
      return null;
    });
  }
}
