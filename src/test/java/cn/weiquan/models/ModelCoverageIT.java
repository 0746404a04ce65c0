package cn.weiquan.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coverage of every model by the engine-only process tests (*Test), per BPMN file: flow nodes and
 * sequence flows passed / total. Runs with the *IT classes because those run after every *Test in
 * {@code mvn verify}, so the coverage reports of all unit tests are there; it reads only theirs
 * (the full-application tests also write reports, in whatever order failsafe runs them). Prints the
 * table (README "Model coverage") and writes it to target/process-test-coverage/models.md. Each
 * model has a floor, set at what the tests reach: a test removed or a path added without a test
 * drops below it; a model without a floor fails until it gets one.
 */
class ModelCoverageIT {

  /**
   * Minimum per cent of flow nodes and of sequence flows, per file: what the unit tests measured
   * (all: 100%).
   */
  private static final Map<String, double[]> FLOOR =
      Map.of(
          "complaint-payout-approval.bpmn", new double[] {100, 100},
          "consumer-dispute.bpmn", new double[] {100, 100},
          "dispute-arbitration.bpmn", new double[] {100, 100},
          "dispute-association.bpmn", new double[] {100, 100},
          "dispute-court.bpmn", new double[] {100, 100},
          "dispute-platform.bpmn", new double[] {100, 100},
          "dispute-regulator.bpmn", new double[] {100, 100},
          "enterprise-complaint.bpmn", new double[] {100, 100});

  @Test
  void everyModelIsCoveredByItsProcessTestsAtLeastAsFarAsMeasured() throws IOException {
    Path reports = ProjectFiles.root().resolve("target/process-test-coverage");
    assertThat(reports)
        .as("coverage reports of the unit tests (run mvn verify, or the *Test classes first)")
        .isDirectory();
    ModelCoverage coverage =
        ModelCoverage.of(ProjectFiles.path("processes"), reports, suite -> suite.endsWith("Test"));
    assertThat(coverage.suites()).as("test classes with coverage reports").isNotEmpty();

    String table = coverage.table();
    System.out.println(
        "Model coverage by the process tests ("
            + coverage.suites().size()
            + " test classes):\n"
            + table);
    Files.writeString(reports.resolve("models.md"), table);

    List<String> below = new ArrayList<>();
    for (ModelCoverage.Row row : coverage.rows()) {
      double[] floor = FLOOR.get(row.file());
      if (floor == null) {
        below.add(
            row.file()
                + " has no coverage floor in ModelCoverageIT.FLOOR (measured: "
                + ModelCoverage.percent(row.nodeRatio())
                + " of flow nodes, "
                + ModelCoverage.percent(row.flowRatio())
                + " of sequence flows)");
        continue;
      }
      if (row.nodeRatio() * 100 < floor[0] || row.flowRatio() * 100 < floor[1]) {
        below.add(
            row.file()
                + ": "
                + ModelCoverage.percent(row.nodeRatio())
                + " of flow nodes (floor "
                + floor[0]
                + "%), "
                + ModelCoverage.percent(row.flowRatio())
                + " of sequence flows (floor "
                + floor[1]
                + "%); not reached: "
                + row.missed());
      }
    }
    assertThat(below).isEmpty();
    assertThat(FLOOR.keySet())
        .as("floors of models that no longer exist")
        .allMatch(file -> coverage.rows().stream().anyMatch(row -> row.file().equals(file)));
  }
}
