package cn.fundmonitor.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one way tests act as a person in Tasklist: {@code tasklist.as(GUANGXI_FISCAL)
 * .complete(pi, TASK_REVIEW_PLAN, vars)}. Like Tasklist, it finds the step among the tasks the user
 * may see (offered to one of their groups, or assigned to them), so a test that completes a step as
 * a user who would never be offered it fails, claims it as the user and completes it under the
 * user's authentication, so the engine's authorizations and the delegates' "who did it" apply.
 */
@Component
public class Tasklist {

  private final TaskService tasks;
  private final TestUsers users;

  Tasklist(TaskService tasks, TestUsers users) {
    this.tasks = tasks;
    this.users = users;
  }

  public As as(String userId) {
    return new As(userId);
  }

  /** One user at work. */
  public final class As {
    private final String user;

    private As(String user) {
      this.user = user;
    }

    /** The user's task at this step of the instance; fails when the user is not offered it. */
    public Task task(ProcessInstance pi, String taskKey) {
      return single(offered().processInstanceId(pi.getId()).taskDefinitionKey(taskKey), taskKey);
    }

    /** The same, the instance found by its business key (a project code, a document number …). */
    public Task task(String businessKey, String taskKey) {
      return single(offered().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey),
          businessKey + " " + taskKey);
    }

    /** Whether the user is offered the step (for tests that prove another unit is not). */
    public boolean isOffered(ProcessInstance pi, String taskKey) {
      return offered().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() > 0;
    }

    public void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
      complete(task(pi, taskKey), variables);
    }

    public void complete(String businessKey, String taskKey, Map<String, Object> variables) {
      complete(task(businessKey, taskKey), variables);
    }

    /**
     * Tries the step as the user although Tasklist never offers it to them, as a client would by
     * the task's id: the engine must refuse with an {@link AuthorizationException} and the task
     * stays open.
     */
    public void cannotComplete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
      assertThat(isOffered(pi, taskKey)).as(user + " is not offered " + taskKey).isFalse();
      var task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
          .singleResult();
      assertThat(task).as("the step " + taskKey + " is open").isNotNull();
      assertThatThrownBy(() -> users.run(user, () -> tasks.complete(task.getId(), variables)))
          .as(user + " may not complete " + taskKey).isInstanceOf(AuthorizationException.class);
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("still open").isOne();
    }

    /** Claims the task when nobody has, and completes it with the variables, as the user. */
    public void complete(Task task, Map<String, Object> variables) {
      users.run(user, () -> {
        if (task.getAssignee() == null) {
          tasks.claim(task.getId(), user);
        }
        tasks.complete(task.getId(), variables == null ? Variables.createVariables() : variables);
      });
    }

    private TaskQuery offered() {
      return tasks.createTaskQuery().taskCandidateUser(user).includeAssignedTasks();
    }

    private Task single(TaskQuery query, String what) {
      var found = query.list();
      assertThat(found).as(user + " is offered the task " + what + " in Tasklist").hasSize(1);
      return found.get(0);
    }
  }
}
