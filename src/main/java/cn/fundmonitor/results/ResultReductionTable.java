package cn.fundmonitor.results;

import cn.fundmonitor.common.ConflictException;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The reduction of next year's money for a flag, from the latest deployed {@code resultReduction}
 * (a policy owner changes the percentages by deploying a new version; the seeds only say
 * 少安排或不安排).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ResultReductionTable {

  static final String DECISION = "resultReduction";

  private final DecisionService decisions;

  record Reduction(BigDecimal percent, String label) {}

  Reduction evaluate(ResultFlag.Kind kind, boolean geohazardEmergency) {
    var result = decisions.evaluateDecisionTableByKey(DECISION)
        .variables(Variables.createVariables().putValue("flagKind", kind.name())
            .putValue("geohazardEmergency", geohazardEmergency))
        .evaluate().getSingleResult();
    if (result == null || result.get("reductionPercent") == null) {
      throw new ConflictException("决策表“结果应用：下一年度资金扣减”（" + DECISION + "）没有适用于“"
          + kind.label() + "”的规则，请策略负责人补充后重新部署");
    }
    var percent = new BigDecimal(result.get("reductionPercent").toString());
    if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new ConflictException("决策表“结果应用：下一年度资金扣减”的扣减比例应在0至100之间，现为 " + percent);
    }
    var label = result.get("label");
    return new Reduction(percent, label == null ? kind.label() : label.toString());
  }
}
