package cn.fundmonitor.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models from the repository's top-level {@code processes/}, {@code decisions/} and
 * {@code forms/} folders (put on the classpath by Maven) under stable relative names, so that the
 * jar, {@code mvn spring-boot:run} and the tests deploy the same resources, and unchanged models
 * are not deployed again on restart. Two deployments, because the two kinds change differently:
 * <ul>
 *   <li>Processes and forms go together, as a whole, whenever any of them changes: every user task
 *       binds its form with {@code camunda:formRefBinding="deployment"}, so a running instance
 *       keeps the form it started with and a new form never meets an old instance's variables.
 *   <li>Decisions go on their own, only the changed files: a decision a policy owner deployed from
 *       Modeler stays the latest until the repository's file itself changes. This deployment keeps
 *       the name all models had before processes and forms moved out ({@value #DECISIONS}), so an
 *       existing database compares the files with what it already holds and deploys nothing new.
 * </ul>
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  /** The processes and their forms, redeployed together when any of them changes. */
  public static final String PROCESSES = "fund-monitor-processes";
  /** The decision tables, each redeployed only when its own file changes. */
  public static final String DECISIONS = "fund-monitor";
  static final List<String> PROCESS_FOLDERS = List.of("processes/*.bpmn", "forms/*.form");
  static final List<String> DECISION_FOLDERS = List.of("decisions/*.dmn");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var repository = engine.getRepositoryService();
    deploy(repository, PROCESSES, read(PROCESS_FOLDERS), false);
    deploy(repository, DECISIONS, read(DECISION_FOLDERS), true);
  }

  /**
   * Deploys the resources under the name (also the source, so deployments from elsewhere never
   * count as the previous one): only the changed ones, or all of them if any changed.
   */
  static Deployment deploy(RepositoryService repository, String name, Map<String, byte[]> resources,
      boolean changedOnly) {
    var builder = repository.createDeployment().name(name).source(name)
        .enableDuplicateFiltering(changedOnly);
    resources.forEach((resource, bytes) -> builder.addInputStream(resource,
        new ByteArrayInputStream(bytes)));
    var deployment = builder.deployWithResult();
    LOG.info("Models {} checked; deployment {} ({}) holds {}", resources.keySet(),
        deployment.getId(), name, changedOnly ? "the changed ones" : "all, if any changed");
    return deployment;
  }

  /** The models of the folders, by their name relative to the repository ("forms/x.form"). */
  static Map<String, byte[]> read(List<String> folders) {
    var resolver = new PathMatchingResourcePatternResolver(ModelDeployment.class.getClassLoader());
    var result = new TreeMap<String, byte[]>();
    for (var pattern : folders) {
      for (Resource resource : resources(resolver, pattern)) {
        var name = pattern.substring(0, pattern.indexOf('/') + 1) + resource.getFilename();
        try (var in = resource.getInputStream()) {
          result.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read model " + name, e);
        }
      }
    }
    return result;
  }

  private static Resource[] resources(PathMatchingResourcePatternResolver resolver, String pattern) {
    try {
      return resolver.getResources("classpath*:" + pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list models " + pattern, e);
    }
  }
}
