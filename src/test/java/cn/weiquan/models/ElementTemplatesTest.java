package cn.weiquan.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.notification.RecipientRole;
import cn.weiquan.support.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Camunda Modeler element templates in .camunda/element-templates (the folder Modeler reads
 * beside the models): valid by Camunda's published schema
 * (src/test/resources/element-templates-schema, from the npm package
 * {@code @camunda/element-templates-json-schema}); every service and send task of processes/ names
 * its template and is as the template would have written it; the dropdowns list what the product
 * really has (mail events and their texts per recipient, recipient roles, statutory periods).
 */
class ElementTemplatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTemplateIsValidByCamundasSchema() throws IOException {
    List<JsonNode> templates = TemplateCheck.read(templatesFolder());
    assertThat(templates)
        .as("templates under .camunda/element-templates")
        .hasSizeGreaterThanOrEqualTo(20);
    JsonSchema schema = schema();
    for (Path file : TemplateCheck.files(templatesFolder(), ".json")) {
      assertThat(schema.validate(JSON.readTree(file.toFile())))
          .as(file.getFileName().toString())
          .isEmpty();
    }
    assertThat(TemplateCheck.of(templates).problems()).as("ids and versions are unique").isEmpty();
  }

  @Test
  void theSchemaRefusesABrokenTemplate() throws IOException {
    // a dropdown without choices, an unknown binding type, no appliesTo: the check is only worth
    // something if it can fail
    JsonNode broken =
        JSON.readTree(
            """
        {"name": "broken", "id": "broken", "properties": [
          {"label": "事件", "type": "Dropdown", "binding": {"type": "camunda:property", "name": "mailEvent"}},
          {"type": "Hidden", "value": "x", "binding": {"type": "camunda:unknown", "name": "y"}}]}
        """);
    Set<ValidationMessage> messages = schema().validate(broken);
    assertThat(messages)
        .extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("appliesTo"))
        .anyMatch(m -> m.contains("choices"))
        .anyMatch(m -> m.contains("camunda:unknown") || m.contains("enum"));
  }

  @Test
  void everyServiceAndSendTaskIsAsItsTemplateWouldHaveWrittenIt() throws IOException {
    TemplateCheck check = TemplateCheck.of(TemplateCheck.read(templatesFolder()));
    Map<String, Map<String, String>> uses = uses(check);
    assertThat(check.problems()).isEmpty();
    assertThat(uses).as("templated elements in processes/").hasSizeGreaterThan(50);
  }

  @Test
  void aTaskThatDiffersFromItsTemplateIsReported() throws IOException {
    TemplateCheck check = TemplateCheck.of(TemplateCheck.read(templatesFolder()));
    try (InputStream bpmn =
        Files.newInputStream(
            ProjectFiles.path("src/test/resources/model-check/templates/misused.bpmn"))) {
      check.check("misused.bpmn", bpmn);
    }
    assertThat(check.problems())
        .anyMatch(p -> p.contains("Task_NoTemplate") && p.contains("names no element template"))
        .anyMatch(
            p ->
                p.contains("Task_UnknownEvent")
                    && p.contains("'no-such-event', not one of the template's choices"))
        .anyMatch(
            p ->
                p.contains("Task_ExtraProperty")
                    && p.contains(
                        "has property mailCc, which template cn.weiquan.mail does not bind"))
        .anyMatch(
            p -> p.contains("Task_NotAsync") && p.contains("lacks attribute camunda:asyncBefore"))
        .anyMatch(
            p ->
                p.contains("Task_WrongBean")
                    && p.contains("is '${mail}', the template fixes '${notify}'"))
        .anyMatch(p -> p.contains("Task_NoPrefix") && p.contains("lacks property casePrefix"))
        .anyMatch(p -> p.contains("Task_BadDeadline") && p.contains("does not match"))
        .anyMatch(p -> p.contains("Task_OldVersion") && p.contains("version 0, which is not in"));
    assertThat(check.problems()).noneMatch(p -> p.contains("Task_Correct"));
  }

  /**
   * The mail step's dropdowns are the mail texts that exist: a new event is a folder of texts plus
   * a choice here.
   */
  @Test
  void theMailDropdownsListTheEventsAndRecipientsThatHaveTexts() throws IOException {
    Path mail = ProjectFiles.path("src/main/resources/mail");
    Map<String, Set<String>> texts = new LinkedHashMap<>();
    try (Stream<Path> events = Files.list(mail)) {
      for (Path event : events.filter(Files::isDirectory).sorted().toList()) {
        Set<String> roles = new TreeSet<>();
        for (Path text : TemplateCheck.files(event, ".mustache")) {
          roles.add(text.getFileName().toString().replace(".mustache", ""));
        }
        texts.put(event.getFileName().toString(), roles);
      }
    }
    assertThat(texts).isNotEmpty();
    List<JsonNode> mailTemplates =
        TemplateCheck.read(templatesFolder()).stream()
            .filter(t -> property(t, "mailEvent") != null)
            .toList();
    assertThat(mailTemplates).extracting(t -> t.path("id").asText()).contains("cn.weiquan.mail");
    for (JsonNode template : mailTemplates) {
      JsonNode event = property(template, "mailEvent");
      if ("Dropdown".equals(event.path("type").asText())) {
        assertThat(choices(event))
            .as(template.path("id") + " mailEvent")
            .containsExactlyInAnyOrderElementsOf(texts.keySet());
      }
      JsonNode to = property(template, "mailTo");
      List<String> recipients =
          "Dropdown".equals(to.path("type").asText())
              ? choices(to)
              : List.of(to.path("value").asText());
      for (String recipientList : recipients) {
        for (String role : recipientList.split(",")) {
          assertThat(RecipientRole.of(role).code())
              .as(template.path("id") + " mailTo " + recipientList)
              .isEqualTo(role);
        }
        // each recipient list is one some event has a text for every member of
        assertThat(texts.values())
            .as(template.path("id") + " mailTo " + recipientList)
            .anyMatch(roles -> roles.containsAll(List.of(recipientList.split(","))));
      }
    }

    // and every mail step of the models has a text for each recipient it names
    TemplateCheck check = TemplateCheck.of(TemplateCheck.read(templatesFolder()));
    int mailSteps = 0;
    for (Map.Entry<String, Map<String, String>> use : uses(check).entrySet()) {
      String event = use.getValue().get("mailEvent");
      if (event == null) {
        continue;
      }
      mailSteps++;
      for (String role : use.getValue().get("mailTo").split(",")) {
        assertThat(mail.resolve(event).resolve(role + ".mustache"))
            .as(use.getKey() + " mails " + role + " about " + event)
            .isRegularFile();
      }
    }
    assertThat(mailSteps).as("mail steps in processes/").isGreaterThan(30);
  }

  @Test
  void thePeriodDropdownsListTheStatutoryPeriods() throws IOException {
    Set<String> periods = new TreeSet<>();
    try (InputStream in =
        Files.newInputStream(ProjectFiles.path("src/main/resources/calendar/periods.yaml"))) {
      Map<String, List<Map<String, Object>>> table = new Yaml().load(in);
      table.get("periods").forEach(period -> periods.add((String) period.get("name")));
    }
    assertThat(periods).isNotEmpty();
    int dropdowns = 0;
    for (JsonNode template : TemplateCheck.read(templatesFolder())) {
      JsonNode period = property(template, "deadlinePeriod");
      if (period != null) {
        dropdowns++;
        assertThat(choices(period))
            .as(template.path("id") + " deadlinePeriod")
            .filteredOn(choice -> !choice.isEmpty())
            .containsExactlyInAnyOrderElementsOf(periods);
      }
    }
    assertThat(dropdowns).isGreaterThanOrEqualTo(3);
  }

  private static Map<String, Map<String, String>> uses(TemplateCheck check) throws IOException {
    Map<String, Map<String, String>> uses = new LinkedHashMap<>();
    List<Path> models = TemplateCheck.files(ProjectFiles.path("processes"), ".bpmn");
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      try (InputStream bpmn = Files.newInputStream(model)) {
        uses.putAll(check.check(model.getFileName().toString(), bpmn));
      }
    }
    return uses;
  }

  private static JsonNode property(JsonNode template, String name) {
    for (JsonNode property : template.path("properties")) {
      if (property.path("binding").path("type").asText().equals("camunda:property")
          && name.equals(property.path("binding").path("name").asText())) {
        return property;
      }
    }
    return null;
  }

  private static List<String> choices(JsonNode dropdown) {
    List<String> values = new ArrayList<>();
    dropdown.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
    return values;
  }

  private static Path templatesFolder() {
    return ProjectFiles.path(".camunda/element-templates");
  }

  private static JsonSchema schema() throws IOException {
    try (InputStream in =
        Files.newInputStream(
            ProjectFiles.path("src/test/resources/element-templates-schema/schema.json"))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
