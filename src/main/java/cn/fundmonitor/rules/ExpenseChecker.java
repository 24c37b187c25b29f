package cn.fundmonitor.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks expenses against the latest deployed {@code expenditureEligibility} and
 * {@code expenditureProhibition} tables (GX 第六条、第八条至第十三条).
 *
 * <p>Checks come in sheets of a hundred thousand rows, so they do not go through the engine's
 * DecisionService (a decision-history row per evaluation) but through a DMN engine of their own,
 * parsing the deployed table once per version. That engine uses the simple-unary-test FEEL of
 * Camunda's Java implementation, over ten times faster on these tables than FEEL-Scala 1.19.5
 * and a hundred times faster than 7.24.0's 1.19.3 (.ci/benchmark expenses); a table whose
 * entries need full FEEL (a policy owner may write one in Modeler) is evaluated
 * with FEEL-Scala instead, so a rule is never misread.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ExpenseChecker {

  public static final String ELIGIBILITY = "expenditureEligibility";
  public static final String PROHIBITION = "expenditureProhibition";

  private static final Logger LOG = LoggerFactory.getLogger(ExpenseChecker.class);

  private final RepositoryService repository;
  private final DmnEngine simpleFeel = engine(true);
  private final DmnEngine fullFeel = engine(false);
  private final Map<String, Table> parsed = new ConcurrentHashMap<>();

  /**
   * A standalone DMN engine: with {@code simpleFeel} the Java simple-unary-test FEEL the checks
   * use, otherwise the FEEL-Scala the process engine uses (tests and the benchmark take both).
   */
  public static DmnEngine engine(boolean simpleFeel) {
    var configuration = (DefaultDmnEngineConfiguration)
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(simpleFeel);
    return configuration.buildEngine();
  }

  /** One version of a table, parsed, with the engine that evaluates it. */
  public final class Table {
    private final String definitionId;
    private volatile DmnDecision decision;
    private volatile boolean needsFullFeel;
    private final byte[] xml;

    Table(String definitionId, String key, byte[] xml) {
      this.definitionId = definitionId;
      this.xml = xml;
      this.decision = simpleFeel.parseDecision(key, new ByteArrayInputStream(xml));
    }

    /** The raw evaluation, for the benchmark's baseline. */
    public List<Map<String, Object>> evaluate(Map<String, Object> facts) {
      var variables = Variables.fromMap(facts);
      if (!needsFullFeel) {
        try {
          return simpleFeel.evaluateDecisionTable(decision, variables).getResultList();
        } catch (FeelException e) {
          LOG.info("Decision {} needs full FEEL ({}); evaluating it with FEEL-Scala", definitionId,
              e.getMessage());
          decision = fullFeel.parseDecision(decision.getKey(), new ByteArrayInputStream(xml));
          needsFullFeel = true;
        }
      }
      return fullFeel.evaluateDecisionTable(decision, variables).getResultList();
    }
  }

  /** The latest version of both tables; one lookup per call, so a batch uses one snapshot. */
  public record Rules(Table eligibility, Table prohibition) {}

  public Rules latest() {
    return new Rules(table(ELIGIBILITY), table(PROHIBITION));
  }

  private Table table(String key) {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    return parsed.computeIfAbsent(latest.getId(), id -> {
      try (var in = repository.getDecisionModel(id)) {
        return new Table(id, key, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public ExpenseVerdict check(Expense expense) {
    return check(expense, latest());
  }

  public ExpenseVerdict check(Expense expense, Rules rules) {
    var facts = expense.facts();
    var scope = rules.eligibility().evaluate(facts);
    var inScope = !scope.isEmpty() && Boolean.TRUE.equals(scope.get(0).get("eligible"));
    var article = scope.isEmpty() ? "不在支出范围内" : String.valueOf(scope.get(0).get("article"));
    return new ExpenseVerdict(inScope, article, prohibitions(facts, rules));
  }

  /** The prohibitions of GX 第八条 that apply to one expense. */
  public List<ExpenseVerdict.Prohibition> prohibitions(Expense expense, Rules rules) {
    return prohibitions(expense.facts(), rules);
  }

  private static List<ExpenseVerdict.Prohibition> prohibitions(Map<String, Object> facts,
      Rules rules) {
    var result = new ArrayList<ExpenseVerdict.Prohibition>(2);
    for (var row : rules.prohibition().evaluate(facts)) {
      result.add(new ExpenseVerdict.Prohibition(String.valueOf(row.get("item")),
          String.valueOf(row.get("reason"))));
    }
    return result;
  }
}
