package cn.fundmonitor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * Decision tables as the repository has them, for tests that deploy a changed version: they put
 * the repository's version back as the latest afterwards, so other tests see the rules in force.
 */
@Component
class PolicyVersions {

  private final RepositoryService repository;

  PolicyVersions(RepositoryService repository) {
    this.repository = repository;
  }

  static String original(String file) {
    try (var in = Objects.requireNonNull(PolicyVersions.class.getResourceAsStream("/decisions/" + file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int latestVersion(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  /** Deploys a changed table as the newest version. */
  void deploy(String file, String xml) {
    repository.createDeployment().name("test-change").addString("decisions/" + file, xml).deploy();
  }

  /** Deploys the repository's file again, as the newest version. */
  void restore(String file) {
    repository.createDeployment().name("test-restore")
        .addString("decisions/" + file, original(file)).deploy();
  }
}
