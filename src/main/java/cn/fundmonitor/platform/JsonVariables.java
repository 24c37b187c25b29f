package cn.fundmonitor.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Lists of records travel in process variables as JSON (Tasklist submits a Camunda Form's dynamic
 * list as a {@code Json} variable). This reads whatever form they arrive in and writes them the way
 * Tasklist expects to read them back.
 */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private JsonVariables() {}

  /** A list of objects from a Spin JSON node, a JSON string or a Java list; null stays empty. */
  public static List<Map<String, Object>> rows(Object value) {
    if (value == null) {
      return List.of();
    }
    try {
      if (value instanceof SpinJsonNode node) {
        return MAPPER.readValue(node.toString(), ROWS);
      }
      if (value instanceof String text) {
        return text.isBlank() ? List.of() : MAPPER.readValue(text, ROWS);
      }
      return MAPPER.convertValue(value, ROWS);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("无法读取列表数据：应为 JSON 数组", e);
    }
  }

  /** A list of strings (e.g. a checklist's chosen values) in any of the forms above. */
  public static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    try {
      var text = value instanceof SpinJsonNode node ? node.toString()
          : value instanceof String s ? s : MAPPER.writeValueAsString(value);
      return text.isBlank() ? List.of() : List.of(MAPPER.readValue(text, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("无法读取列表数据：应为字符串 JSON 数组", e);
    }
  }

  /** A list as a {@code Json} variable, which Tasklist's Camunda Forms render. */
  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
