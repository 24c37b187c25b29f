package cn.fundmonitor.platform;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the running processes' text variables whose value contains a fragment. The engine's API
 * searches variables by name only, so this is one read of the engine's variable table; it lives in
 * platform/, the one package that touches the engine's tables. Callers change what they find through
 * the engine's API.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RunningTextVariables {

  /** One text variable of a running execution, local to a task when {@code taskId} is set. */
  public record TextVariable(String name, String processInstanceId, String executionId,
      String taskId, String text) {}

  private final JdbcClient jdbc;

  public List<TextVariable> containing(String fragment) {
    return jdbc.sql("select NAME_, PROC_INST_ID_, EXECUTION_ID_, TASK_ID_, TEXT_ from ACT_RU_VARIABLE "
            + "where TYPE_ = 'string' and TEXT_ like ? and EXECUTION_ID_ is not null")
        .param("%" + fragment + "%")
        .query((rs, i) -> new TextVariable(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)))
        .list();
  }
}
