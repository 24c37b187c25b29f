package cn.fundmonitor.warehousing;

import static cn.fundmonitor.warehousing.WarehousingVariables.*;

import cn.fundmonitor.platform.JsonVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * An application as the API, the demo data and the tests submit it: the same fields as the start
 * form, turned into the same process variables Tasklist would send.
 */
public record ApplicationRequest(String projectName, String regionCode, String direction,
    String fundClass, Object requestedAmount, String projectDescription,
    List<Map<String, Object>> indicators) {

  public VariableMap toVariables() {
    var vars = Variables.createVariables();
    PROJECT_NAME.putInto(vars, projectName);
    REGION_CODE.putInto(vars, regionCode);
    DIRECTION.putInto(vars, direction);
    FUND_CLASS.putInto(vars, fundClass);
    REQUESTED_AMOUNT.putInto(vars, requestedAmount);
    PROJECT_DESCRIPTION.putInto(vars, projectDescription);
    INDICATORS.putInto(vars, JsonVariables.json(indicators == null ? List.of() : indicators));
    return vars;
  }

  /** One indicator row as the form's dynamic list holds it. */
  public static Map<String, Object> indicator(String level1, String level2, String name,
      String comparator, String target, String unit) {
    return Map.of("level1", level1, "level2", level2, "name", name, "comparator", comparator,
        "target", target, "unit", unit == null ? "" : unit);
  }
}
