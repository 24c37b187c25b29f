package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.ADMIN;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A policy owner may publish decision tables, nothing else, and no deployed model runs code as the
 * engine: the attacks of issue 13 (a timer making its deployer administrator, a JDBC update of a
 * filed figure) fail, while every model of the repository keeps its delegates and schedules.
 */
@FundMonitorTest
class ModelSandboxTest {

  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @Test
  void everyBeanTheRepositorysModelsNameIsVisibleToThem() throws Exception {
    var named = new TreeSet<String>();
    try (var files = Files.list(Path.of("processes"))) {
      for (var file : files.toList()) {
        var m = EXPRESSION.matcher(Files.readString(file));
        while (m.find()) {
          if (context.containsBean(m.group(1))) {
            named.add(m.group(1));
          }
        }
      }
    }
    assertThat(named).contains("recordOverdueDelegate", "quarterlyFilingSchedule",
        "decisionInputListener");
    assertThat(named).allMatch(name -> ModelSandbox.allowed(context, name),
        "visible to the models that name it");
  }

  @Test
  void theEnginesServicesJdbcAndRepositoriesAreInvisibleToModels() {
    for (var name : new String[] {"identityService", "jdbcTemplate", "jdbcClient", "dataSource",
        "runtimeService", "repositoryService", "taskService", "managementService",
        "authorizationService", "projectCatalogue", "projectWarehousing", "projectTargets", "filingService",
        "organisationService", "modelSandbox"}) {
      assertThat(context.containsBean(name)).as(name + " exists").isTrue();
      assertThat(ModelSandbox.allowed(context, name)).as(name).isFalse();
    }
  }

  @Test
  void aPolicyOwnerCannotDeployAProcessModelThroughTheRestApi() {
    var before = repository.createDeploymentQuery().count();
    var answer = deploy(POLICY_OWNER, "escalate.bpmn", timerProcess("policyEscalation",
        "${identityService.createMembership('t-policy-owner','camunda-admin')}"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
        .contains("规则维护人只能部署决策表").doesNotContain("Exception", "at org.");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(identity.createUserQuery().userId(POLICY_OWNER).memberOfGroup("camunda-admin")
        .count()).isZero();
  }

  @Test
  void evenAnAdministratorsModelCannotReachTheIdentityServiceOrJdbc() {
    assertThat(deploy(ADMIN, "escalate-admin.bpmn", timerProcess("adminEscalation",
        "${identityService.createMembership('t-policy-owner','camunda-admin')}")).statusCode())
        .isEqualTo(200);
    var instance = runtime.startProcessInstanceByKey("adminEscalation");
    var job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .hasMessageContaining("identityService");
    assertThat(identity.createUserQuery().userId(POLICY_OWNER).memberOfGroup("camunda-admin")
        .count()).isZero();
  }

  @Test
  void aPolicyOwnersDecisionTableMustBeFeelWithoutDoctype() {
    var juel = decision("juelRule", "expressionLanguage=\"juel\"", "${jdbcTemplate}");
    var answer = deploy(POLICY_OWNER, "juel-rule.dmn", juel);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("只能使用 FEEL");

    var doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + decision("doctypeRule", "", "amount").substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
    answer = deploy(POLICY_OWNER, "doctype-rule.dmn", doctype);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("DOCTYPE");

    answer = deploy(POLICY_OWNER, "feel-rule.dmn", decision("feelRule", "", "amount"));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("feelRule")
        .count()).isOne();
  }

  private java.net.http.HttpResponse<byte[]> deploy(String user, String fileName, String xml) {
    return new Http(port).upload("/engine-rest/deployment/create", "data", fileName,
        xml.getBytes(StandardCharsets.UTF_8), Map.of("deployment-name", fileName),
        "application/json", user, PASSWORD);
  }

  static String timerProcess(String key, String expression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="attack">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Start"/>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait"/>
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Run"/>
            <bpmn:serviceTask id="Run" camunda:expression="%s"/>
            <bpmn:sequenceFlow id="F3" sourceRef="Run" targetRef="End"/>
            <bpmn:endEvent id="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, expression).strip();
  }

  static String decision(String key, String languageAttribute, String input) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d_%1$s" name="%1$s" namespace="t">
          <decision id="%1$s" name="测试" camunda:historyTimeToLive="1">
            <decisionTable id="t_%1$s" hitPolicy="FIRST">
              <input id="i_%1$s" label="金额">
                <inputExpression id="e_%1$s" typeRef="number" %2$s><text>%3$s</text></inputExpression>
              </input>
              <output id="o_%1$s" name="ok" typeRef="boolean"/>
              <rule id="r_%1$s"><inputEntry id="ie_%1$s"><text>&gt; 0</text></inputEntry>
                <outputEntry id="oe_%1$s"><text>true</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, languageAttribute, input).strip();
  }
}
