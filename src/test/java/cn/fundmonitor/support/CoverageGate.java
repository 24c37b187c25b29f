package cn.fundmonitor.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The process-coverage gate: reads the report camunda-process-test-coverage wrote for the class
 * (its listener runs first; this one has the highest precedence, so its afterTestClass runs last)
 * and fails unless every flow node and sequence flow of each {@link Covers} process was passed,
 * naming the ones that were not.
 */
public class CoverageGate implements TestExecutionListener, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void afterTestClass(TestContext context) throws Exception {
    var covers = context.getTestClass().getAnnotation(Covers.class);
    if (covers == null) {
      throw new AssertionError(context.getTestClass().getSimpleName()
          + " is a @ProcessTest without @Covers: say which processes it proves");
    }
    var report = Path.of("target", "process-test-coverage", context.getTestClass().getName(),
        "report.json");
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    var failures = new ArrayList<String>();
    for (var key : covers.value()) {
      JsonNode model = null;
      for (var m : json.get("models")) {
        if (key.equals(m.get("key").asText())) {
          model = m;
        }
      }
      if (model == null) {
        failures.add(key + ": never started");
        continue;
      }
      var passed = new HashSet<String>();
      for (var suite : json.get("suites")) {
        for (var run : suite.get("runs")) {
          for (var event : run.get("events")) {
            if (key.equals(event.get("modelKey").asText())) {
              passed.add(event.get("definitionKey").asText());
            }
          }
        }
      }
      var bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(
          model.get("xml").asText().getBytes(StandardCharsets.UTF_8)));
      var missing = new TreeSet<String>();
      bpmn.getModelElementsByType(FlowNode.class).forEach(n -> missing.add(n.getId()));
      bpmn.getModelElementsByType(SequenceFlow.class).forEach(f -> missing.add(f.getId()));
      missing.removeAll(passed);
      if (!missing.isEmpty()) {
        failures.add(key + ": not passed " + missing);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError("process coverage below 100% in "
          + context.getTestClass().getSimpleName() + ": " + String.join("; ", failures));
    }
  }
}
