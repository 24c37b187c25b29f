package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.MonitoringPointOpeningProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.platform.ProcessVariable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegate of monitoringPointOpening: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class MonitoringPointOpeningDelegates {

  /**
   * Opens the monitoring point the start form asks for (MNR 第十一条: 其他填报时点，按要求执行) as its
   * initiator, with the same checks as {@code POST /api/monitoring-points}: only a province's or the
   * ministry's finance department, for its own region; a mistake refuses the start in Chinese.
   */
  @Bean
  JavaDelegate openMonitoringPointDelegate(MonitoringPointWaves waves) {
    return execution -> {
      var opener = OPENER.get(execution) != null ? OPENER.get(execution) : Actors.current(execution);
      var scope = SCOPE.get(execution);
      MonitoringPoint point;
      try {
        if (scope != null && !"REGION".equals(scope) && !"LIST".equals(scope)) {
          throw InvalidInputException.of("监测时点有误", "scope",
              "监测范围应为本辖区全部已下达资金项目或指定项目清单");
        }
        List<String> codes = null;
        if ("LIST".equals(scope)) {
          codes = codes(PROJECT_CODES.raw(execution));
          if (codes.isEmpty()) {
            throw InvalidInputException.of("监测时点有误", "projectCodes",
                "监测范围为指定项目清单时，请填写项目编码");
          }
        }
        point = waves.open(new MonitoringPointService.Request(AS_OF.raw(execution),
            DUE_ON.raw(execution), REGION_CODE.raw(execution), codes, BASIS.raw(execution)), opener,
            Actors.groups(execution, opener));
      } catch (InvalidInputException e) {
        throw onTheStartForm(e);
      }
      OPENED_POINT_ID.set(execution, point.id());
      OPENED_POINT_LABEL.set(execution, point.period().label());
      execution.setProcessBusinessKey(point.period().period());
    };
  }

  /** The start form's field of each request property the service's problems name. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of("asOf", AS_OF,
      "dueOn", DUE_ON, "scope", SCOPE, "regionCode", REGION_CODE, "projectCodes", PROJECT_CODES,
      "basis", BASIS);

  /**
   * The same problems pointing at the start form's keys ({@code pointAsOf}, …) rather than the
   * REST request's properties ({@code asOf}, …) the service names, so a 400 names what the user
   * filled in.
   */
  static InvalidInputException onTheStartForm(InvalidInputException e) {
    return InvalidInputException.of(e.title(), e.errors().stream().map(error -> {
      var variable = error.field() == null ? null : FORM_FIELDS.get(error.field());
      return variable == null ? error
          : new InvalidInputException.FieldError(variable.name(), error.message());
    }).toList());
  }

  /** The codes of the form's text: separated by commas (either width), blanks or line breaks. */
  static List<String> codes(Object text) {
    if (!(text instanceof String s)) {
      return List.of();
    }
    return Arrays.stream(s.split("[,，、;；\\s]+")).filter(c -> !c.isBlank()).distinct().toList();
  }
}
