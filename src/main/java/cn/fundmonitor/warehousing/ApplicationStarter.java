package cn.fundmonitor.warehousing;

import cn.fundmonitor.project.Project;
import cn.fundmonitor.project.ProjectCatalogue;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts {@code projectWarehousing} for an application on behalf of the engine's authenticated
 * user (Camunda authorizations decide whether that user may apply).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ApplicationStarter {

  private final RuntimeService runtime;
  private final ProjectCatalogue catalogue;

  /** Files the application; returns the project as filed, after the eligibility check. */
  public Project apply(ApplicationRequest request) {
    var instance = runtime.startProcessInstanceByKey(ProjectWarehousingProcess.KEY,
        request.toVariables());
    return catalogue.get(instance.getBusinessKey());
  }
}
