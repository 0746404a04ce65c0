package cn.weiquan.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagrams of processes/*.bpmn as designers (Modeler at 100%) and analysts (Cockpit) see them:
 * no label over another, no label over a shape it does not belong to, no sequence flow drawn
 * through a shape other than its source and target or through a label, no flow across another,
 * every named branch of a gateway with a label position. Engine-free: reads the BPMN DI only.
 */
class DiagramLayoutTest {

  @Test
  void everyDiagramIsReadable() throws IOException {
    List<Path> models = TemplateCheck.files(ProjectFiles.path("processes"), ".bpmn");
    assertThat(models).isNotEmpty();
    List<String> problems = new ArrayList<>();
    int labels = 0;
    for (Path model : models) {
      try (InputStream bpmn = Files.newInputStream(model)) {
        DiagramLayout layout = DiagramLayout.of(model.getFileName().toString(), bpmn);
        assertThat(layout.shapes()).as(model + " has a diagram").isPositive();
        labels += layout.labels();
        problems.addAll(layout.problems());
      }
    }
    assertThat(labels).as("labels checked").isGreaterThan(50);
    assertThat(problems).isEmpty();
  }

  @Test
  void aDiagramWithOverlapsAndCrossingsIsReported() throws IOException {
    try (InputStream bpmn =
        Files.newInputStream(
            ProjectFiles.path("src/test/resources/model-check/layout/unreadable.bpmn"))) {
      DiagramLayout layout = DiagramLayout.of("unreadable.bpmn", bpmn);
      assertThat(layout.problems())
          .anyMatch(
              p ->
                  p.contains("label of Flow_Yes '是'")
                      && p.contains("overlaps label of Flow_No '否'"))
          .anyMatch(
              p -> p.contains("label of Event_Done") && p.contains("overlaps userTask Task_Other"))
          .anyMatch(
              p ->
                  p.contains("flow Flow_Through")
                      && p.contains("is drawn through userTask Task_Other"))
          .anyMatch(
              p -> p.contains("branch Flow_Unplaced '也许'") && p.contains("has no label bounds"))
          .anyMatch(p -> p.contains("flow Flow_No is drawn through the label of Gateway_Question"))
          // without label bounds bpmn-js draws a branch's name on its own line
          .anyMatch(
              p ->
                  p.contains("flow Flow_Unplaced is drawn through the label of Flow_Unplaced '也许'"))
          .anyMatch(p -> p.contains("flow Flow_No crosses flow Flow_Crossing"))
          .noneMatch(p -> p.contains("flow Flow_ToTask "))
          .hasSize(7);
    }
  }
}
