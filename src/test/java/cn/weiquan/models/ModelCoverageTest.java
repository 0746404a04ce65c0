package cn.weiquan.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * How ModelCoverage counts: per file, totals from the model, events of the chosen test classes and
 * of that process only.
 */
class ModelCoverageTest {
  private final Path fixture = ProjectFiles.path("src/test/resources/model-check/coverage");

  @Test
  void onlyTheUnitTestsCount_elementsOfOtherProcessesDoNot() throws IOException {
    ModelCoverage coverage =
        ModelCoverage.of(
            fixture.resolve("processes"),
            fixture.resolve("reports"),
            suite -> suite.endsWith("Test"));

    assertThat(coverage.suites()).containsExactly("ATest");
    ModelCoverage.Row row = coverage.rows().get(0);
    assertThat(row.file()).isEqualTo("choice.bpmn");
    assertThat(row.nodes()).hasSize(5);
    assertThat(row.flows()).hasSize(5);
    assertThat(row.coveredNodes())
        .containsExactlyInAnyOrder(
            "choice/StartEvent_Begun", "choice/Gateway_Which", "choice/EndEvent_Done");
    assertThat(row.coveredFlows())
        .containsExactlyInAnyOrder("choice/Flow_Begun", "choice/Flow_Left");
    assertThat(row.missed()).contains("choice/Task_Inside", "choice/Flow_Unused");
    assertThat(coverage.table()).contains("| `choice.bpmn` | 3 / 5 (60.0%) | 2 / 5 (40.0%) |");
  }

  @Test
  void allTestClassesTogether() throws IOException {
    ModelCoverage coverage =
        ModelCoverage.of(fixture.resolve("processes"), fixture.resolve("reports"), suite -> true);

    assertThat(coverage.table()).contains("| `choice.bpmn` | 5 / 5 (100.0%) | 3 / 5 (60.0%) |");
  }
}
