package cn.fundmonitor.lifecycle;

import static cn.fundmonitor.lifecycle.ProjectLifecycleProcess.*;

import cn.fundmonitor.allocation.ProjectsFunded;
import java.util.Collection;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a project's projectLifecycle when the project first receives money (message
 * ProjectFunded, business key = project code); a project already followed is left alone. The
 * start is the system's, not the issuing user's: it runs without the caller's authorizations,
 * which do not include starting lifecycles.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LifecycleStarter {

  private final ProjectLifecycleService lifecycles;
  private final RuntimeService runtime;

  /** Money reached projects (allocation's issue or a recipient's refinement): follow them. */
  @EventListener
  void handle(ProjectsFunded funded) {
    startIfAbsent(funded.projectCodes());
  }

  public void startIfAbsent(Collection<String> projectCodes) {
    var context = Context.getCommandContext();
    var checking = context != null && context.isAuthorizationCheckEnabled();
    if (checking) {
      context.disableAuthorizationCheck();
    }
    try {
      for (var code : projectCodes) {
        if (!lifecycles.exists(code) && runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
            .processInstanceBusinessKey(code).count() == 0) {
          runtime.createMessageCorrelation(MESSAGE_FUNDED).processInstanceBusinessKey(code)
              .correlateStartMessage();
        }
      }
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
