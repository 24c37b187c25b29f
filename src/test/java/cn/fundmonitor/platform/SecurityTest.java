package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.WarehousingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.support.Applications;
import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.TestUsers;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Authentication everywhere, and units seeing only their own tasks (MNR 第二十三条): a county sees
 * and completes its own, a province sees its subordinates' review tasks, no one else does.
 */
@FundMonitorTest
class SecurityTest {

  @LocalServerPort int port;
  @Autowired ApplicationStarter starter;
  @Autowired TaskService tasks;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private String apply(String user, String name, String region) {
    return users.as(user, () -> starter.apply(
        Applications.withRegion(Applications.xingningRestoration(name), region)).code());
  }

  private String reviewTaskId(String projectCode) {
    return tasks.createTaskQuery().processInstanceBusinessKey(projectCode)
        .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVIEW).singleResult().getId();
  }

  /** Returns the application to its applicant, so the applicant's unit has a task. */
  private String returned(String applicant, String name, String region) {
    var code = apply(applicant, name, region);
    var taskId = reviewTaskId(code);
    users.run(GUANGXI_ECO, () -> tasks.complete(taskId,
        REVIEW_OUTCOME.putInto(REVIEW_COMMENT.with("请补充材料"), ReviewOutcome.RETURN)));
    return tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
  }

  private List<String> visibleTaskIds(String user) throws Exception {
    var response = http.get("/engine-rest/task?maxResults=1000", user, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(200);
    var ids = new ArrayList<String>();
    json.readTree(response.body()).forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  @Test
  void engineRestRequiresAuthentication() {
    assertThat(http.get("/engine-rest/task", null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
    // (a failed login locks that user for a moment, so the wrong password is tried on another)
    assertThat(http.get("/engine-rest/task", WRONG_PASSWORD_USER, "wrong").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", XINGNING_ECO, PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/engine", null, null).statusCode())
        .as("the engine list stays open by Camunda's design").isEqualTo(200);
  }

  @Test
  void projectApiRequiresAuthenticationAndAnswersWithProblemJson() throws Exception {
    var response = http.get("/api/projects", null, null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Basic"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("title").asText()).isEqualTo("未登录");
    assertThat(problem.get("status").asInt()).isEqualTo(401);
  }

  @Test
  void webappsRequireLogin() {
    assertThat(http.get("/camunda/api/engine/engine/default/task/count", null, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aCountySeesAndCompletesOnlyItsOwnTasks() throws Exception {
    var own = returned(XINGNING_ECO, "兴宁区项目（本单位任务）", "450102");
    var other = returned(QINGXIU_ECO, "青秀区项目（他单位任务）", "450103");

    assertThat(visibleTaskIds(XINGNING_ECO)).contains(own).doesNotContain(other);
    assertThat(visibleTaskIds(QINGXIU_ECO)).contains(other).doesNotContain(own);
    assertThat(http.get("/engine-rest/task/" + other, XINGNING_ECO, PASSWORD).statusCode())
        .isIn(403, 404);

    var complete = http.post("/engine-rest/task/" + other + "/complete",
        "{\"variables\":{\"revisionAction\":{\"value\":\"WITHDRAW\"}}}", XINGNING_ECO, PASSWORD);
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(other).count()).as("the task is still open").isEqualTo(1);

    var claim = http.post("/engine-rest/task/" + own + "/claim", "{\"userId\":\"" + XINGNING_ECO + "\"}",
        XINGNING_ECO, PASSWORD);
    assertThat(claim.statusCode()).isEqualTo(204);
    var ownComplete = http.post("/engine-rest/task/" + own + "/complete",
        "{\"variables\":{\"revisionAction\":{\"value\":\"WITHDRAW\"}}}", XINGNING_ECO, PASSWORD);
    assertThat(ownComplete.statusCode()).isEqualTo(204);
  }

  @Test
  void theProvinceSeesItsSubordinatesReviewTasksAndNoOneElseDoes() throws Exception {
    var review = reviewTaskId(apply(XINGNING_ECO, "兴宁区项目（待省审核）", "450102"));

    assertThat(visibleTaskIds(GUANGXI_ECO)).contains(review);
    assertThat(visibleTaskIds(GUANGXI_GEOHAZARD)).as("another department of the province")
        .doesNotContain(review);
    assertThat(visibleTaskIds(NANNING_ECO)).as("the city in between").doesNotContain(review);
    assertThat(visibleTaskIds(XINGNING_ECO)).as("the applicant").doesNotContain(review);
    assertThat(visibleTaskIds(XINJIANG_ECO)).as("another province").doesNotContain(review);
    assertThat(visibleTaskIds(QIEMO_ECO)).as("another province's county").doesNotContain(review);
    assertThat(visibleTaskIds(MINISTRY_FINANCE)).as("the ministry supervises in Cockpit")
        .doesNotContain(review);
  }

  @Test
  void onlyCitiesAndCountiesMayApply() {
    var body = "{\"variables\":{\"projectName\":{\"value\":\"省级项目\"}}}";
    var response = http.post("/engine-rest/process-definition/key/" + ProjectWarehousingProcess.KEY
        + "/start", body, GUANGXI_ECO, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(403);
  }
}
