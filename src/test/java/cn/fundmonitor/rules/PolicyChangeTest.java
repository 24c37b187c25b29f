package cn.fundmonitor.rules;

import static cn.fundmonitor.support.TestUsers.ADMIN;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static cn.fundmonitor.support.TestUsers.XINGNING_ECO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A policy owner deploys a new version of a decision from Camunda Modeler (a REST deployment) and
 * the next check uses it, without a restart; nobody else may deploy.
 */
@FundMonitorTest
class PolicyChangeTest {

  static final String FILE = "expenditure-prohibition.dmn";

  @LocalServerPort int port;
  @Autowired ExpenseChecker checker;
  @Autowired PolicyVersions versions;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void restore() {
    versions.restore(FILE);
  }

  /** What Camunda Modeler's Deploy button sends. */
  int deployFromModeler(String user, String xml) {
    var response = http.upload("/engine-rest/deployment/create", "data", FILE,
        xml.getBytes(StandardCharsets.UTF_8),
        Map.of("deployment-name", "modeler", "deployment-source", "Camunda Modeler"),
        "application/json", user, PASSWORD);
    return response.statusCode();
  }

  static Expense vehicle() {
    return Expenses.of(Expenses.clean()).category(ExpenseCategory.VEHICLE).build();
  }

  @Test
  void aNewVersionFromModelerDecidesTheNextCheck_gxArticle8Item7() {
    assertThat(checker.check(vehicle()).prohibitions()).extracting(ExpenseVerdict.Prohibition::item)
        .containsExactly("第八条第七项");
    var before = versions.latestVersion(ExpenseChecker.PROHIBITION);
    var changed = PolicyVersions.original(FILE)
        .replace("<text>\"VEHICLE\",\"UNRELATED_EQUIPMENT\"", "<text>\"UNRELATED_EQUIPMENT\"");
    assertThat(deployFromModeler(POLICY_OWNER, changed)).isEqualTo(200);
    assertThat(versions.latestVersion(ExpenseChecker.PROHIBITION)).isEqualTo(before + 1);
    assertThat(checker.check(vehicle()).prohibitions()).isEmpty();
    var equipment = Expenses.of(Expenses.clean()).category(ExpenseCategory.UNRELATED_EQUIPMENT).build();
    assertThat(checker.check(equipment).prohibitions()).extracting(ExpenseVerdict.Prohibition::item)
        .containsExactly("第八条第七项");
  }

  @Test
  void onlyPolicyOwnersMayDeploy() {
    var before = versions.latestVersion(ExpenseChecker.PROHIBITION);
    var changed = PolicyVersions.original(FILE).replace("\"VEHICLE\",", "");
    assertThat(deployFromModeler(XINGNING_ECO, changed)).isEqualTo(403);
    assertThat(deployFromModeler(null, changed)).isEqualTo(401);
    assertThat(versions.latestVersion(ExpenseChecker.PROHIBITION)).isEqualTo(before);
    assertThat(checker.check(vehicle()).prohibitions()).hasSize(1);
  }

  /**
   * A deployment is the record of a rule change and of every decision taken under it: the policy
   * owner who deployed a version reads it but may not delete it (Camunda's default would let it, with
   * {@code cascade=true} taking the decisions' history along); the administrator may.
   */
  @Test
  void aPolicyOwnerCannotDeleteTheVersionItDeployed() throws Exception {
    var changed = PolicyVersions.original(FILE).replace("\"VEHICLE\",", "");
    var response = http.upload("/engine-rest/deployment/create", "data", FILE,
        changed.getBytes(StandardCharsets.UTF_8), Map.of("deployment-name", "modeler"),
        "application/json", POLICY_OWNER, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    var id = json.readTree(response.body()).get("id").asText();

    assertThat(http.get("/engine-rest/deployment/" + id, POLICY_OWNER, PASSWORD).statusCode())
        .as("the deployer reads its deployment").isEqualTo(200);
    var delete = http.delete("/engine-rest/deployment/" + id + "?cascade=true", POLICY_OWNER, PASSWORD);
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
    assertThat(delete.body()).doesNotContain("Exception", "ACT_");
    assertThat(repository.createDeploymentQuery().deploymentId(id).count()).isOne();
    assertThat(http.delete("/engine-rest/deployment/" + id + "?cascade=true", ADMIN, PASSWORD)
        .statusCode()).as("the administrator may").isEqualTo(204);
  }

  @Test
  void aRuleWrittenInFullFeelIsEvaluatedWithFeelScala() {
    // legacy FEEL has no functions; a policy owner may still use them: the checker falls back
    var changed = PolicyVersions.original(FILE).replace("<text>\"ILLEGAL_ACT_RECTIFICATION\"</text>",
        "<text>starts with(?, \"ILLEGAL_\")</text>");
    assertThat(changed).contains("starts with");
    assertThat(deployFromModeler(POLICY_OWNER, changed)).isEqualTo(200);
    var illegal = Expenses.of(Expenses.clean()).category(ExpenseCategory.ILLEGAL_ACT_RECTIFICATION)
        .build();
    assertThat(checker.check(illegal).prohibitions()).extracting(ExpenseVerdict.Prohibition::item)
        .containsExactly("第八条第九项");
    assertThat(checker.check(Expenses.clean()).prohibitions()).isEmpty();
    assertThat(checker.check(vehicle()).prohibitions()).extracting(ExpenseVerdict.Prohibition::item)
        .containsExactly("第八条第七项");
  }

  @Test
  void theCheckIsAlsoAvailableOverHttpToEveryUnit() throws Exception {
    var response = http.post("/api/expenses/check", json.writeValueAsString(Map.of(
        "direction", "ECO_RESTORATION", "expenseCategory", "ABANDONED_MINE_RESTORATION",
        "liablePartyExists", "是")), XINGNING_ECO, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("reasons").asText())
        .contains("GX 第八条第八项");
  }
}
