package cn.fundmonitor.rules;

import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * The two FEEL engines a policy table runs on: the simple FEEL of the expense checker and the
 * FEEL-Scala of the process engine. Decision tests run every row on both.
 */
enum Feel {
  SIMPLE(true), SCALA(false);

  final DmnEngine engine;

  Feel(boolean simple) {
    engine = ExpenseChecker.engine(simple);
  }

  DmnDecision parse(String key, String resource) {
    return engine.parseDecision(key, Objects.requireNonNull(Feel.class.getResourceAsStream(resource)));
  }
}
