package cn.fundmonitor.platform;

import cn.fundmonitor.organisation.OrganisationService;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jurisdiction on every way in (MNR 第二十三条: data only within one's duties). Whatever a user
 * hands the engine — a process started by REST, message or start form, a task completed or its
 * variables set — may name only projects and units its own units cover; otherwise the command is
 * refused (403) before anything is started or stored. Camunda's authorizations say which process a
 * group may start; they cannot see that {@code projectCode} names another county's project.
 *
 * <p>Checked: the top-level commands of an authenticated user who is not an administrator. Work the
 * application does itself (a delegate correlating a message, the system actor) runs inside a
 * command already checked, or without a user. Variables the engine sets only for monitoring
 * ({@code sourceRef}, {@code warningLevel}, {@code reporter}) cannot come from a user at all.
 * Staff never execute jobs by hand (no unit holds a right on instances), and a refused attempt is
 * not counted as the job's failure.
 */
@Component
public class JurisdictionGuard extends AbstractProcessEnginePlugin {

  static final String ADMIN_GROUP = "camunda-admin";

  /** Variables naming one unit by its division code. */
  static final Set<String> UNIT_VARIABLES = Set.of("regionCode", "unitCode", "recipientCode",
      "divisionCode", "applicantUnitCode");
  /** Variables naming a project (its region and applicant unit must be covered). */
  static final Set<String> PROJECT_VARIABLES = Set.of("projectCode");
  /** Variables naming a record whose business key starts with the project code (450102-2026-0001-…). */
  static final Set<String> RECORD_VARIABLES = Set.of("recordKey");
  /** Lists (JSON) whose rows name units or projects: money issued or refined, a sample of units. */
  static final Set<String> LIST_VARIABLES = Set.of("issueLines", "decomposedTargets",
      "refinementLines", "projectTargets", "sampleUnits");
  /** Set by the application itself (a monitoring warning), never by a user's request. */
  static final Set<String> SYSTEM_VARIABLES = Set.of("sourceRef", "warningLevel", "reporter");

  private static final Pattern PROJECT_PREFIX = Pattern.compile("^(\\d{6}-\\d{4}-\\d{4})(-.*)?$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private final OrganisationService organisation;
  private final ProjectUnits projects;

  JurisdictionGuard(@Lazy OrganisationService organisation, @Lazy ProjectUnits projects) {
    this.organisation = organisation;
    this.projects = projects;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor(configuration));
  }

  final class Interceptor extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Interceptor(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // a command running inside another is the application's own work, checked at its start
      if (Context.getCommandContext() == null) {
        if (command instanceof ExecuteJobsCmd && isStaff(configuration.getIdentityService())) {
          // refused before the command starts: the engine's own refusal comes from inside the
          // job's execution, which counts as a failure and takes one of the job's retries — a
          // user without any right on the job could otherwise burn its retries into an incident
          throw new AuthorizationException("只有系统管理员可以手动执行作业。");
        }
        if (command instanceof FailedJobListener
            && isStaff(configuration.getIdentityService())) {
          // the failure of a job execution the user was refused (above, or by the engine's own
          // authorization check): not the job's failure, so it costs the job no retry
          return null;
        }
        var variables = variablesOf(command);
        if (variables != null && !variables.isEmpty()) {
          IdentityService identity = configuration.getIdentityService();
          var authentication = identity.getCurrentAuthentication();
          if (authentication != null && authentication.getUserId() != null
              && (authentication.getGroupIds() == null
                  || !authentication.getGroupIds().contains(ADMIN_GROUP))) {
            check(variables, authentication.getGroupIds() == null ? List.of()
                : authentication.getGroupIds());
          }
        }
        var taskId = taskIdOf(command);
        if (taskId != null) {
          try {
            return next.execute(command);
          } catch (AuthorizationException refused) {
            // two users working one task at once: the winner's completion removed the task and
            // its grants between the loser's reading the task and checking its grant; for the
            // loser the task is gone (404), not forbidden
            if (taskGone(taskId)) {
              // "Cannot find task": the words the REST layer's translation knows for a 404
              // (Camunda's task resource wraps this exception in a 400 of its own)
              throw new org.camunda.bpm.engine.exception.NotFoundException(
                  "Cannot find task " + taskId + "（任务不存在或已由他人办理完成）");
            }
            throw refused;
          }
        }
      }
      return next.execute(command);
    }

    private boolean taskGone(String taskId) {
      return configuration.getCommandExecutorTxRequired().execute(context ->
          context.getTaskManager().findTaskById(taskId) == null);
    }
  }

  /** The task a user works on with this command (complete, submit its form, claim), or null. */
  static String taskIdOf(Command<?> command) {
    if (command instanceof CompleteTaskCmd) {
      return (String) read(command, CompleteTaskCmd.class, "taskId");
    }
    if (command instanceof SubmitTaskFormCmd) {
      return (String) read(command, SubmitTaskFormCmd.class, "taskId");
    }
    if (command instanceof org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd) {
      return (String) read(command, org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd.class, "taskId");
    }
    return null;
  }

  /** An authenticated user who is not an administrator (the job executor runs as no one). */
  private static boolean isStaff(IdentityService identity) {
    var authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null
        && (authentication.getGroupIds() == null
            || !authentication.getGroupIds().contains(ADMIN_GROUP));
  }

  /** The variables a user hands over with this command, or null when it hands over none. */
  static Map<String, ?> variablesOf(Command<?> command) {
    if (command instanceof StartProcessInstanceCmd start) {
      return ((ProcessInstantiationBuilderImpl) read(start, StartProcessInstanceCmd.class,
          "instantiationBuilder")).getVariables();
    }
    if (command instanceof AbstractCorrelateMessageCmd correlate) {
      var builder = (MessageCorrelationBuilderImpl) read(correlate,
          AbstractCorrelateMessageCmd.class, "builder");
      var all = new java.util.HashMap<String, Object>();
      if (builder.getPayloadProcessInstanceVariables() != null) {
        all.putAll(builder.getPayloadProcessInstanceVariables());
      }
      if (builder.getPayloadProcessInstanceVariablesLocal() != null) {
        all.putAll(builder.getPayloadProcessInstanceVariablesLocal());
      }
      return all;
    }
    if (command instanceof SubmitStartFormCmd submit) {
      return cast(read(submit, SubmitStartFormCmd.class, "variables"));
    }
    if (command instanceof CompleteTaskCmd complete) {
      return cast(read(complete, CompleteTaskCmd.class, "variables"));
    }
    if (command instanceof SubmitTaskFormCmd submit) {
      return cast(read(submit, SubmitTaskFormCmd.class, "properties"));
    }
    if (command instanceof AbstractSetVariableCmd set) {
      return cast(read(set, AbstractSetVariableCmd.class, "variables"));
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> cast(Object value) {
    return (Map<String, ?>) value;
  }

  private static Object read(Object target, Class<?> owner, String name) {
    var field = FIELDS.computeIfAbsent(owner.getName() + "#" + name, k -> {
      try {
        var f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("Camunda changed " + k, e);
      }
    });
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Variables that route work: candidate groups ({@code …Group}, {@code …Groups}) and the like. */
  static boolean isRouting(String name) {
    return name.endsWith("Group") || name.endsWith("Groups") || ROUTING_VARIABLES.contains(name);
  }

  static final Set<String> ROUTING_VARIABLES = Set.of("major", "handlingUnit", "reviewUnit",
      "lifecycleUnit", "evaluationUnit");

  /** Refuses the request when a variable names what the caller's units do not cover. */
  void check(Map<String, ?> variables, Collection<String> groups) {
    for (var entry : variables.entrySet()) {
      var name = entry.getKey();
      var value = plain(entry.getValue());
      if (value == null) {
        continue;
      }
      if (SYSTEM_VARIABLES.contains(name)) {
        throw new AuthorizationException("变量“" + name + "”由系统根据监控结果设置，不能在请求中提交。");
      }
      if (isRouting(name)) {
        // who works the next step (a candidate group, the handling unit, the severity) is the
        // delegates' to set: a user naming another unit's group would send the step there
        throw new AuthorizationException("变量“" + name + "”由系统确定办理单位，不能在请求中提交。");
      }
      if (UNIT_VARIABLES.contains(name)) {
        requireUnit(value.toString().strip(), groups);
      } else if (PROJECT_VARIABLES.contains(name)) {
        requireProject(value.toString().strip(), groups);
      } else if (RECORD_VARIABLES.contains(name)) {
        var m = PROJECT_PREFIX.matcher(value.toString().strip());
        if (m.matches()) {
          requireProject(m.group(1), groups);
        }
      } else if (LIST_VARIABLES.contains(name)) {
        for (var row : rows(value)) {
          if (row.isTextual()) {
            requireUnit(row.asText().strip(), groups);
            continue;
          }
          for (var unitField : UNIT_VARIABLES) {
            if (row.hasNonNull(unitField) && !row.get(unitField).asText().isBlank()) {
              requireUnit(row.get(unitField).asText().strip(), groups);
            }
          }
          if (row.hasNonNull("projectCode") && !row.get("projectCode").asText().isBlank()) {
            requireProject(row.get("projectCode").asText().strip(), groups);
          }
        }
      }
    }
  }

  private void requireUnit(String code, Collection<String> groups) {
    // an unknown code is the domain's to refuse, with every other problem of the request
    // (division codes are public: GB/T 2260, /api/divisions); a known one must be covered
    if (code.isEmpty() || organisation.find(code).isEmpty()) {
      return;
    }
    if (!covers(code, groups)) {
      throw new AuthorizationException("行政区划“" + code + "”不在本单位及下级单位范围内，不能办理。");
    }
  }

  private void requireProject(String code, Collection<String> groups) {
    if (code.isEmpty()) {
      return;
    }
    var project = projects.of(code).orElse(null);
    // the same answer for a project that does not exist and one of another unit: nothing leaks
    if (project == null || !(covers(project.regionCode(), groups)
        || covers(project.applicantUnitCode(), groups))) {
      throw new AuthorizationException("项目“" + code + "”不存在或不属于本单位及下级单位，不能办理。");
    }
  }

  private boolean covers(String code, Collection<String> groups) {
    return OrganisationService.unitGroups(groups).stream()
        .anyMatch(g -> organisation.isWithin(code, g.divisionCode()));
  }

  private static Object plain(Object value) {
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  /** The rows of a list variable: JSON (a form's dynamic list) or codes typed with commas. */
  private static List<JsonNode> rows(Object value) {
    var result = new ArrayList<JsonNode>();
    try {
      JsonNode node;
      if (value instanceof String text) {
        var t = text.strip();
        node = t.startsWith("[") || t.startsWith("{") ? JSON.readTree(t) : null;
      } else if (value instanceof SpinJsonNode spin) {
        node = JSON.readTree(spin.toString());
      } else {
        node = JSON.valueToTree(value);
      }
      if (node != null && node.isContainerNode()) {
        node.forEach(result::add);
        return result;
      }
    } catch (Exception notJson) {
      // typed text: split below
    }
    for (var part : value.toString().split("[,，、;；\\s]+")) {
      if (!part.isBlank()) {
        result.add(JSON.getNodeFactory().textNode(part));
      }
    }
    return result;
  }
}
