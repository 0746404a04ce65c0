package cn.weiquan.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Flow-node and sequence-flow coverage per BPMN file over all test classes:
 * camunda-process-test-coverage writes one report.json per test class
 * (target/process-test-coverage/&lt;class&gt;/); this merges the events of the chosen classes by
 * the process each file defines. Totals come from the file itself, so an element no test reaches
 * counts.
 */
final class ModelCoverage {

  record Row(
      String file,
      Set<String> nodes,
      Set<String> coveredNodes,
      Set<String> flows,
      Set<String> coveredFlows) {
    double nodeRatio() {
      return nodes.isEmpty() ? 1 : (double) coveredNodes.size() / nodes.size();
    }

    double flowRatio() {
      return flows.isEmpty() ? 1 : (double) coveredFlows.size() / flows.size();
    }

    Set<String> missed() {
      Set<String> missed = new TreeSet<>(nodes);
      missed.removeAll(coveredNodes);
      Set<String> flowsMissed = new TreeSet<>(flows);
      flowsMissed.removeAll(coveredFlows);
      missed.addAll(flowsMissed);
      return missed;
    }
  }

  private final List<Row> rows;
  private final List<String> suites;

  private ModelCoverage(List<Row> rows, List<String> suites) {
    this.rows = rows;
    this.suites = suites;
  }

  /**
   * The coverage of each BPMN file under processes/ by the suites (test classes) whose name the
   * filter accepts.
   */
  static ModelCoverage of(Path processes, Path reports, Predicate<String> suite)
      throws IOException {
    Set<String> coveredNodes = new TreeSet<>();
    Set<String> coveredFlows = new TreeSet<>();
    List<String> suites = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reports)) {
      files = walk.filter(p -> p.getFileName().toString().equals("report.json")).sorted().toList();
    }
    for (Path report : files) {
      for (JsonNode run : json.readTree(report.toFile()).path("suites")) {
        String name = run.path("name").asText(run.path("id").asText());
        if (!suite.test(name)) {
          continue;
        }
        suites.add(name);
        for (JsonNode test : run.path("runs")) {
          for (JsonNode event : test.path("events")) {
            String id =
                event.path("modelKey").asText() + "/" + event.path("definitionKey").asText();
            ("SEQUENCE_FLOW".equals(event.path("source").asText()) ? coveredFlows : coveredNodes)
                .add(id);
          }
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Path file : TemplateCheck.files(processes, ".bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = Files.newInputStream(file)) {
        model = Bpmn.readModelFromStream(in);
      }
      Set<String> nodes = new TreeSet<>();
      Set<String> flows = new TreeSet<>();
      for (Process process : model.getModelElementsByType(Process.class)) {
        collect(process, process.getId(), nodes, flows);
      }
      Set<String> hitNodes = new TreeSet<>(nodes);
      hitNodes.retainAll(coveredNodes);
      Set<String> hitFlows = new TreeSet<>(flows);
      hitFlows.retainAll(coveredFlows);
      rows.add(new Row(file.getFileName().toString(), nodes, hitNodes, flows, hitFlows));
    }
    return new ModelCoverage(rows, suites);
  }

  /**
   * Every flow node and sequence flow of the process, sub-processes included, as
   * "processKey/elementId".
   */
  private static void collect(
      ModelElementInstance scope, String key, Set<String> nodes, Set<String> flows) {
    for (ModelElementInstance child :
        scope.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)) {
      if (child instanceof SequenceFlow flow) {
        flows.add(key + "/" + flow.getId());
      } else if (child instanceof FlowNode node) {
        nodes.add(key + "/" + node.getId());
        collect(node, key, nodes, flows);
      }
    }
  }

  List<Row> rows() {
    return rows;
  }

  List<String> suites() {
    return suites;
  }

  /** The table for the README and the build log: covered / total and per cent, per file. */
  String table() {
    StringBuilder table =
        new StringBuilder("| model | flow nodes | sequence flows |\n|---|---|---|\n");
    for (Row row : rows) {
      table.append(
          String.format(
              "| `%s` | %d / %d (%s) | %d / %d (%s) |%n",
              row.file(),
              row.coveredNodes().size(),
              row.nodes().size(),
              percent(row.nodeRatio()),
              row.coveredFlows().size(),
              row.flows().size(),
              percent(row.flowRatio())));
    }
    return table.toString();
  }

  static String percent(double ratio) {
    return String.format("%.1f%%", Math.floor(ratio * 1000) / 10);
  }
}
