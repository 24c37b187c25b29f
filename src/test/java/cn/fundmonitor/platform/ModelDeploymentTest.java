package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Processes and forms are deployed together and every task binds its form to its deployment: a
 * running instance keeps the form version it started with, while a new instance gets the new one.
 */
@FundMonitorTest
class ModelDeploymentTest {

  static final String NAME = "form-binding-test";
  static final String KEY = "formBindingTest";
  static final String FORM = "formBindingTest";
  static final String TASK = "UserTask_FillForm";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;

  /** Built once: the builder gives unnamed elements new random ids each time. */
  static final String PROCESS = Bpmn.convertToString(Bpmn.createExecutableProcess(KEY)
      .name("表单绑定").camundaHistoryTimeToLive(1).startEvent()
      .userTask(TASK).name("填写").camundaFormRef(FORM).camundaFormRefBinding("deployment")
      .endEvent().done());

  static Map<String, byte[]> models(String label) {
    var form = """
        {"id": "%s", "type": "default", "schemaVersion": 16,
         "components": [{"type": "textfield", "key": "note", "label": "%s"}]}"""
        .formatted(FORM, label);
    return Map.of("processes/form-binding-test.bpmn", PROCESS.getBytes(StandardCharsets.UTF_8),
        "forms/form-binding-test.form", form.getBytes(StandardCharsets.UTF_8));
  }

  String renderedForm(String processInstanceId) throws IOException {
    var task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(TASK);
    assertThat(forms.getTaskFormData(task.getId()).getCamundaFormRef().getBinding())
        .isEqualTo("deployment");
    try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aRunningInstanceKeepsTheFormItStartedWithAndANewOneGetsTheChangedForm() throws IOException {
    var first = ModelDeployment.deploy(repository, NAME, models("旧的说明"), false);
    var old = runtime.startProcessInstanceByKey(KEY);

    // unchanged: nothing new is deployed
    assertThat(ModelDeployment.deploy(repository, NAME, models("旧的说明"), false).getId())
        .isEqualTo(first.getId());

    // only the form changed: process and form are deployed again, together
    var second = ModelDeployment.deploy(repository, NAME, models("新的说明"), false);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(repository.getDeploymentResourceNames(second.getId()))
        .containsExactlyInAnyOrder("processes/form-binding-test.bpmn", "forms/form-binding-test.form");
    var fresh = runtime.startProcessInstanceByKey(KEY);

    assertThat(renderedForm(old.getId())).contains("旧的说明").doesNotContain("新的说明");
    assertThat(renderedForm(fresh.getId())).contains("新的说明").doesNotContain("旧的说明");
    assertThat(old.getProcessDefinitionId()).isNotEqualTo(fresh.getProcessDefinitionId());
  }

  /** Every process of the repository is deployed with every form, so its tasks find theirs. */
  @Test
  void theRepositorysProcessesAreDeployedWithTheirForms() {
    var definitions = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> ModelDeployment.PROCESSES.equals(
            repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult()
                .getName()))
        .toList();
    assertThat(definitions).extracting(d -> d.getKey()).contains("quarterlyFiling", "overdueRefresh");
    var formFiles = ModelDeployment.read(ModelDeployment.PROCESS_FOLDERS).keySet().stream()
        .filter(name -> name.startsWith("forms/")).toList();
    assertThat(formFiles).contains("forms/overdue-follow-up.form");
    definitions.forEach(d -> assertThat(repository.getDeploymentResourceNames(d.getDeploymentId()))
        .as(d.getKey()).containsAll(formFiles).noneMatch(name -> name.startsWith("decisions/")));
  }
}
