package cn.fundmonitor.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models from the repository's top-level {@code processes/}, {@code decisions/} and
 * {@code forms/} folders (put on the classpath by Maven) under stable relative names, so that the
 * jar, {@code mvn spring-boot:run} and the tests deploy the same resources, and an unchanged model
 * is not deployed again on restart. Only changed files make new versions, so a decision a policy
 * owner deployed from Modeler stays the latest until the repository's file itself changes.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "fund-monitor";
  static final List<String> FOLDERS = List.of("processes/*.bpmn", "decisions/*.dmn", "forms/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
    var builder = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    var names = new ArrayList<String>();
    for (var pattern : FOLDERS) {
      for (Resource resource : resources(resolver, pattern)) {
        var name = pattern.substring(0, pattern.indexOf('/') + 1) + resource.getFilename();
        try (var in = resource.getInputStream()) {
          builder.addInputStream(name, in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read model " + name, e);
        }
        names.add(name);
      }
    }
    var deployment = builder.deployWithResult();
    LOG.info("Models {} checked; deployment {} holds the new or changed ones", names,
        deployment.getId());
  }

  private static Resource[] resources(PathMatchingResourcePatternResolver resolver, String pattern) {
    try {
      return resolver.getResources("classpath*:" + pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list models " + pattern, e);
    }
  }
}
