package cn.fundmonitor.platform;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.money.Yuan;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One process variable, declared once with its name and Java type and read and written through
 * this object by delegates, controllers and tests (holunda-io camunda-bpm-data's {@code
 * VariableFactory} style). The Java type may differ from what the engine stores, so that code
 * speaks in enums, {@link LocalDate}, {@link Yuan} and records while forms, DMN and Cockpit see
 * plain values: an enum is stored by its name, a date as {@code yyyy-MM-dd}, money as a number,
 * rows as a JSON variable (what Tasklist's Camunda Forms read and submit).
 *
 * <p>A stored value a user or client entered and that cannot be read as the type (text in an
 * amount, an unknown choice) is their mistake: reading it throws {@link InvalidInputException}
 * naming the variable as the field.
 */
public final class ProcessVariable<T> {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String name;
  private final Class<T> type;
  private final String label;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Class<T> type, String label, Function<Object, T> read,
      Function<T, Object> write) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = type;
    this.label = label == null ? name : label;
    this.read = read;
    this.write = write;
  }

  /** A variable stored as it is typed (String, Integer, Boolean, Double, Long, ...). */
  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type, null, value -> cast(name, type, value), value -> value);
  }

  public static ProcessVariable<String> string(String name) {
    return of(name, String.class);
  }

  /** An enum, stored by its constant's name (forms' select values and DMN inputs are texts). */
  public static <E extends Enum<E>> ProcessVariable<E> ofEnum(String name, Class<E> type, String label) {
    return new ProcessVariable<>(name, type, label, value -> {
      if (value == null || type.isInstance(value)) {
        return type.cast(value);
      }
      var text = Inputs.text(value);
      if (text == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("输入有误", name, label + "“" + Inputs.shorten(text) + "”不是可选的值");
      }
    }, Enum::name);
  }

  /** A date, stored as {@code yyyy-MM-dd} (a form's date field; a date-time keeps its date). */
  public static ProcessVariable<LocalDate> date(String name, String label) {
    return new ProcessVariable<>(name, LocalDate.class, label, value -> {
      if (value == null || value instanceof LocalDate) {
        return (LocalDate) value;
      }
      if (value instanceof Date date) {
        return new java.sql.Date(date.getTime()).toLocalDate();
      }
      return Inputs.text(value) == null ? null : valid(name, "输入有误",
          problems -> Inputs.date(value, label, problems));
    }, LocalDate::toString);
  }

  /**
   * Money in yuan, exact to the cent: read from a number or a text (with thousands separators);
   * stored as a number, which a form's number field shows. A double holds every amount up to 1
   * 万亿元 ({@link Inputs#MAX_AMOUNT}) to the cent exactly as its shortest decimal text.
   */
  public static ProcessVariable<Yuan> yuan(String name, String label) {
    return new ProcessVariable<>(name, Yuan.class, label, value -> {
      if (value == null || value instanceof Yuan) {
        return (Yuan) value;
      }
      return Inputs.text(value) == null ? null : valid(name, "输入有误",
          problems -> Inputs.amount(value, label, problems));
    }, yuan -> yuan.amount().doubleValue());
  }

  /** A whole number (a year, a count): read from any number without a fraction, or its text. */
  public static ProcessVariable<Integer> whole(String name, String label) {
    return new ProcessVariable<>(name, Integer.class, label, value -> {
      if (value == null || value instanceof Integer) {
        return (Integer) value;
      }
      var text = Inputs.text(value);
      if (text == null) {
        return null;
      }
      try {
        return new java.math.BigDecimal(text).intValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw InvalidInputException.of("输入有误", name, label + "应为整数，收到“" + Inputs.shorten(text) + "”");
      }
    }, value -> value);
  }

  /**
   * A list of records, stored as a JSON variable (a Camunda Form's dynamic list or table); read from
   * Spin JSON, a JSON text or Java maps, unknown properties ignored.
   */
  public static <R> ProcessVariable<List<R>> rows(String name, Class<R> rowType, String label) {
    var listType = TypeFactory.defaultInstance().constructCollectionType(List.class, rowType);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<List<R>> type = (Class) List.class;
    return new ProcessVariable<>(name, type, label, value -> {
      try {
        return value == null ? List.of()
            : MAPPER.convertValue(JsonVariables.rows(value), listType);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of("输入有误", name, label + "的内容格式不对");
      }
    }, JsonVariables::json);
  }

  /** A list of texts (a multi-instance collection, a checklist), stored as a Java list. */
  public static ProcessVariable<List<String>> strings(String name) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<List<String>> type = (Class) List.class;
    return new ProcessVariable<>(name, type, null, value -> value == null ? null
        : value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
        : JsonVariables.strings(value), list -> new ArrayList<>(list));
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** What the form calls the field (for problems); the name when none was given. */
  public String label() {
    return label;
  }

  public T get(VariableScope scope) {
    return read.apply(scope.getVariable(name));
  }

  public T getLocal(VariableScope scope) {
    return read.apply(scope.getVariableLocal(name));
  }

  /** Reads the variable of a running execution (e.g. a process instance) from outside. */
  public T get(RuntimeService runtime, Execution execution) {
    return from(runtime, execution.getId());
  }

  public T from(RuntimeService runtime, String executionId) {
    return read.apply(runtime.getVariable(executionId, name));
  }

  /** Reads the variable as a task sees it (its own local value, else its execution's). */
  public T from(TaskService tasks, String taskId) {
    return read.apply(tasks.getVariable(taskId, name));
  }

  /** Reads the task's own local value (e.g. what its task card shows), not its execution's. */
  public T fromLocal(TaskService tasks, String taskId) {
    return read.apply(tasks.getVariableLocal(taskId, name));
  }

  /** Reads the variable of a process instance, running or ended, from the history. */
  public T fromHistory(HistoryService history, String processInstanceId) {
    var found = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(name).list();
    return found.isEmpty() ? null : read.apply(found.get(0).getValue());
  }

  /**
   * The value as it was submitted, unread: for a command that validates raw input itself and
   * reports every problem at once (e.g. {@code RawApplication}), rather than stopping at the first
   * value that cannot be read as the type.
   */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  /** Narrows a query to the instances whose variable holds the value. */
  public ProcessInstanceQuery whereEquals(ProcessInstanceQuery query, T value) {
    return query.variableValueEquals(name, stored(value));
  }

  /** Narrows a query of the history to the instances, running or ended, whose variable holds it. */
  public HistoricProcessInstanceQuery whereEquals(HistoricProcessInstanceQuery query, T value) {
    return query.variableValueEquals(name, stored(value));
  }

  public T from(Map<String, ?> variables) {
    return read.apply(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  public void set(TaskService tasks, String taskId, T value) {
    tasks.setVariable(taskId, name, stored(value));
  }

  public void setLocal(TaskService tasks, String taskId, T value) {
    tasks.setVariableLocal(taskId, name, stored(value));
  }

  public void set(RuntimeService runtime, String executionId, T value) {
    runtime.setVariable(executionId, name, stored(value));
  }

  /** The value as the engine stores it. */
  public Object stored(T value) {
    return value == null ? null : write.apply(value);
  }

  /** Adds the variable to a map, for starting processes or completing tasks. */
  public VariableMap with(T value) {
    return putInto(Variables.createVariables(), value);
  }

  public VariableMap putInto(VariableMap map, T value) {
    return map.putValue(name, stored(value));
  }

  /**
   * Adds the variable to a map as a transient value: the process reads it within the transaction
   * that starts it, and the engine never stores it (a value the starter read once for many
   * instances, handed to each).
   */
  public VariableMap putTransientInto(VariableMap map, T value) {
    return map.putValueTyped(name, Variables.untypedValue(stored(value), true));
  }

  /**
   * The variable with a value as a client may submit it, unread (text for a date, an unknown
   * choice): for tests of what the system answers to such input. Main code writes typed values.
   */
  public VariableMap withRaw(Object submitted) {
    return Variables.createVariables().putValue(name, submitted);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProcessVariable<?> v && v.name.equals(name) && Objects.equals(v.type, type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type);
  }

  @Override
  public String toString() {
    return "ProcessVariable[" + name + ": " + (type == null ? "?" : type.getSimpleName()) + "]";
  }

  private static <T> T cast(String name, Class<T> type, Object value) {
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException("流程变量 " + name + " 的类型应为 " + type.getSimpleName()
          + "，实际为 " + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }

  private static <V> V valid(String field, String title, Function<List<String>, V> reader) {
    var problems = new ArrayList<String>();
    var value = reader.apply(problems);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(title, problems.stream()
          .map(p -> new InvalidInputException.FieldError(field, p)).toList());
    }
    return value;
  }
}
