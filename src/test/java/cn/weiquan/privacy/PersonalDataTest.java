package cn.weiquan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.support.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a form lets a person type or read is classified as contact data, free text or a fact,
 * and only once.
 */
class PersonalDataTest {

  @Test
  void everyTextFieldOfEveryForm_isClassified() throws IOException {
    Set<String> fields = new TreeSet<>();
    try (Stream<Path> forms = Files.list(ProjectFiles.path("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        collect(new ObjectMapper().readTree(form.toFile()).path("components"), fields);
      }
    }
    assertThat(fields).as("text fields of the forms").hasSizeGreaterThan(50);
    Set<String> unclassified = new TreeSet<>(fields);
    unclassified.removeAll(PersonalData.CONTACT);
    unclassified.removeAll(PersonalData.FREE_TEXT);
    unclassified.removeAll(PersonalData.FACTS);
    assertThat(unclassified).as("form fields to classify in PersonalData").isEmpty();
  }

  @Test
  void noVariableIsInTwoClasses() {
    assertThat(PersonalData.CONTACT)
        .doesNotContainAnyElementsOf(PersonalData.FREE_TEXT)
        .doesNotContainAnyElementsOf(PersonalData.FACTS);
    assertThat(PersonalData.FREE_TEXT).doesNotContainAnyElementsOf(PersonalData.FACTS);
    assertThat(PersonalData.all())
        .contains("consumerPhone", "reporterName", "complainantEmail", "description");
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.hasNonNull("key") && (type.equals("textfield") || type.equals("textarea"))) {
        fields.add(component.get("key").asText());
      }
      collect(component.path("components"), fields);
    }
  }
}
