package cn.fundmonitor.rules;

import cn.fundmonitor.common.ConflictException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The factors and weights of GX 第十六条 from the latest deployed {@code allocationFactorWeights}:
 * a policy owner changes the 5:3:2, sets weights per budget year or adds a factor (e.g. 财政困难程度)
 * by deploying a new version; the next calculation uses it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FactorWeights {

  public static final String DECISION = "allocationFactorWeights";

  private final RepositoryService repository;
  private final DecisionService decisions;

  /** The policy in force for a budget year, with the version of the table that said so. */
  public record Policy(int decisionVersion, List<Factor> factors) {}

  public Policy forYear(int budgetYear) {
    var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new ConflictException("决策表“因素法分配权重”（" + DECISION + "）尚未部署");
    }
    var rows = decisions.evaluateDecisionTableById(latest.getId())
        .variables(Variables.createVariables().putValue("budgetYear", budgetYear))
        .evaluate().getResultList();
    var factors = new ArrayList<Factor>();
    for (var row : rows) {
      var code = row.get("factor");
      var weight = row.get("weight");
      if (code == null || weight == null) {
        throw new ConflictException("决策表“因素法分配权重”第" + latest.getVersion()
            + "版有规则缺少因素代码或权重，请修正后重新部署");
      }
      var label = row.get("label");
      factors.add(new Factor(code.toString(), label == null ? code.toString() : label.toString(),
          weight instanceof BigDecimal d ? d : new BigDecimal(weight.toString())));
    }
    return new Policy(latest.getVersion(), factors);
  }
}
