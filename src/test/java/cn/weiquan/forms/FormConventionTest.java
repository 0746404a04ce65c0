package cn.weiquan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.dispute.ChannelInputs;
import cn.weiquan.support.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The convention every Camunda Form of forms/ follows, so that a mediator reads words and days, not
 * codes and timestamps (issue 13): one naming scheme, options as codes with Chinese labels, no
 * free-text field for a coded value, dates typed as dates, every deadline shown through its {@code
 * …DueText} (the mails' text) and that text present in the process whose task shows it, and every
 * pattern with a Chinese sentence in Tasklist's form-messages.js.
 */
class FormConventionTest {
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]*|true|false");
  private static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist", "taglist");

  /**
   * Keys of a date a person enters or reads (…At, …On, …Date, the pause's ends, a deadline a
   * judgment fixes).
   */
  private static final Pattern DATE_KEY =
      Pattern.compile(".*(At|On|Date)|pausedFrom|pausedTo|performanceDue");

  /**
   * Codes the processes write into a case besides the forms' own options (the parties' API, the
   * rules).
   */
  private static final Set<String> CODED_BY_THE_CASE =
      Set.of(
          "merchantAnswer",
          "platform",
          "evidenceFrom",
          "channel",
          "channelOutcome",
          "caseOutcome",
          "handlingMode",
          "platformViolation",
          "severityOverride");

  private static final Map<String, JsonNode> FORMS = new LinkedHashMap<>();
  private static final Map<String, List<JsonNode>> FIELDS = new LinkedHashMap<>();

  @BeforeAll
  static void readForms() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.path("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        String name = file.getFileName().toString();
        FORMS.put(name, form);
        List<JsonNode> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        FIELDS.put(name, fields);
      }
    }
    assertThat(FORMS).as("forms under forms/").hasSizeGreaterThanOrEqualTo(26);
  }

  @Test
  void everyForm_isNamedDisputeOrComplaint_withItsFileNameAsId_andOneExporter() {
    Set<String> exporters = new HashSet<>();
    FORMS.forEach(
        (file, form) -> {
          assertThat(file).as("file name").matches("(dispute|complaint)-[a-z]+(-[a-z]+)*\\.form");
          assertThat(form.path("id").asText())
              .as("id of " + file)
              .isEqualTo(file.replace(".form", ""));
          exporters.add(form.path("exporter").toString());
          assertThat(form.path("executionPlatformVersion").asText()).as(file).isEqualTo("7.24.0");
        });
    assertThat(exporters).as("one exporter for all forms").hasSize(1);
  }

  @Test
  void everyLabel_isChinese_andEveryOption_aCodeWithAChineseLabel() {
    FIELDS.forEach(
        (file, fields) -> {
          for (JsonNode field : fields) {
            String label = field.path("label").asText(field.path("dateLabel").asText(""));
            if (field.has("key")) {
              assertThat(label)
                  .as("%s: label of %s", file, field.path("key").asText())
                  .containsPattern(CJK);
            }
            for (JsonNode option : field.path("values")) {
              assertThat(option.path("value").asText())
                  .as("%s: %s option %s is a code", file, field.path("key").asText(), option)
                  .matches(CODE);
              assertThat(option.path("label").asText())
                  .as(
                      "%s: %s option %s has a Chinese label",
                      file, field.path("key").asText(), option)
                  .containsPattern(CJK);
            }
          }
        });
  }

  @Test
  void noCodedValue_isShownOrEnteredAsFreeText() {
    Set<String> coded = new TreeSet<>(CODED_BY_THE_CASE);
    FIELDS
        .values()
        .forEach(
            fields ->
                fields.stream()
                    .filter(f -> OPTION_TYPES.contains(f.path("type").asText()))
                    .forEach(f -> coded.add(f.path("key").asText())));
    assertThat(coded)
        .contains("category", "merchantAnswer", "platform", "responsibility", "contactChannel");
    FIELDS.forEach(
        (file, fields) -> {
          for (JsonNode field : fields) {
            String key = field.path("key").asText();
            if (coded.contains(key)) {
              assertThat(field.path("type").asText())
                  .as("%s: %s holds a code, shown by its word", file, key)
                  .isIn(OPTION_TYPES);
              assertThat(field.has("values") || field.has("valuesKey"))
                  .as("%s: %s has its options", file, key)
                  .isTrue();
            }
          }
        });
  }

  @Test
  void everyDate_isADateField_andNoDeadlineIsShownAsATimestamp() {
    int dates = 0;
    int deadlines = 0;
    for (var entry : FIELDS.entrySet()) {
      String file = entry.getKey();
      for (JsonNode field : entry.getValue()) {
        String key = field.path("key").asText();
        String type = field.path("type").asText();
        boolean readOnly = field.path("readonly").asBoolean() || field.path("disabled").asBoolean();
        if (DATE_KEY.matcher(key).matches()) {
          dates++;
          assertThat(type + "/" + field.path("subtype").asText())
              .as("%s: %s is a date field", file, key)
              .isEqualTo("datetime/date");
          assertThat(field.has("label"))
              .as("%s: %s is labelled by its dateLabel, the one form-js shows", file, key)
              .isFalse();
          assertThat(readOnly)
              .as("%s: %s is entered (a read-only date is shown as text)", file, key)
              .isFalse();
        }
        if (key.endsWith("Due") && !DATE_KEY.matcher(key).matches()) {
          throw new AssertionError(
              file + ": " + key + " would show an ISO timestamp: show " + key + "Text");
        }
        if (key.endsWith("DueText")) {
          deadlines++;
          assertThat(type).as("%s: %s", file, key).isEqualTo("textfield");
          assertThat(readOnly).as("%s: %s is read-only", file, key).isTrue();
        }
      }
    }
    assertThat(dates).as("date fields found").isGreaterThan(10);
    assertThat(deadlines).as("deadline fields found").isGreaterThan(10);
  }

  /**
   * A deadline's text exists where the form is shown: the process of the task that names the form
   * stores the deadline (deadlineVariable, or a delegate's declared one), or is called with the
   * text passed in (camunda:in, or listed among a channel's inputs.&lt;channel&gt;).
   */
  @Test
  void everyDeadlineText_isStoredOrPassedIntoTheProcessWhoseTaskShowsIt() throws Exception {
    Map<String, Set<String>> available =
        new LinkedHashMap<>(); // process id → variables it stores or receives
    Map<String, String> formProcess = new LinkedHashMap<>(); // form id → process id
    List<String[]> calls =
        new ArrayList<>(); // calledElement pattern, variable passed in, variable passed out, caller
    try (Stream<Path> files = Files.list(ProjectFiles.path("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Document doc = parse(file);
        NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
        for (int p = 0; p < processes.getLength(); p++) {
          Element process = (Element) processes.item(p);
          String id = process.getAttribute("id");
          Set<String> variables = available.computeIfAbsent(id, k -> new HashSet<>());
          NodeList properties = process.getElementsByTagNameNS(CAMUNDA, "property");
          for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals("deadlineVariable")) {
              variables.add(property.getAttribute("value") + "Text");
            }
          }
          for (String type : List.of("userTask", "startEvent")) {
            NodeList tasks = process.getElementsByTagNameNS(BPMN, type);
            for (int i = 0; i < tasks.getLength(); i++) {
              String form = ((Element) tasks.item(i)).getAttributeNS(CAMUNDA, "formRef");
              if (!form.isBlank()) {
                formProcess.put(form, id);
              }
            }
          }
          NodeList callActivities = process.getElementsByTagNameNS(BPMN, "callActivity");
          for (int i = 0; i < callActivities.getLength(); i++) {
            Element call = (Element) callActivities.item(i);
            String called = call.getAttribute("calledElement");
            // ${channelInputs}: the inputs each channel is passed, listed as inputs.<channel>
            NodeList listed = call.getElementsByTagNameNS(CAMUNDA, "property");
            for (int l = 0; l < listed.getLength(); l++) {
              Element property = (Element) listed.item(l);
              String name = property.getAttribute("name");
              if (name.startsWith(ChannelInputs.PROPERTY_PREFIX)) {
                String channel = name.substring(ChannelInputs.PROPERTY_PREFIX.length());
                for (String variable : ChannelInputs.parse(property.getAttribute("value"))) {
                  calls.add(new String[] {"dispute-" + channel, "in", variable, variable, id});
                }
              }
            }
            for (String direction : List.of("in", "out")) {
              NodeList mappings = call.getElementsByTagNameNS(CAMUNDA, direction);
              for (int m = 0; m < mappings.getLength(); m++) {
                Element mapping = (Element) mappings.item(m);
                if (!mapping.getAttribute("source").isBlank()) {
                  calls.add(
                      new String[] {
                        called,
                        direction,
                        mapping.getAttribute("source"),
                        mapping.getAttribute("target"),
                        id
                      });
                }
              }
            }
          }
        }
      }
    }
    // passed in or out: the receiving process has it when the sending one has it (two rounds cover
    // spine ↔ channel)
    for (int round = 0; round < 2; round++) {
      for (String[] call : calls) {
        Pattern calledPattern =
            Pattern.compile(Pattern.quote(call[0]).replaceAll("\\$\\{[^}]*}", "\\\\E.+\\\\Q"));
        for (String process : available.keySet()) {
          if (!calledPattern.matcher(process).matches()) {
            continue;
          }
          String from = call[1].equals("in") ? call[4] : process;
          String to = call[1].equals("in") ? process : call[4];
          if (available.get(from).contains(call[2])) {
            available.get(to).add(call[3]);
          }
        }
      }
    }
    int checked = 0;
    for (var entry : FIELDS.entrySet()) {
      String form = entry.getKey().replace(".form", "");
      for (JsonNode field : entry.getValue()) {
        String key = field.path("key").asText();
        if (key.endsWith("DueText")) {
          String process = formProcess.get(form);
          assertThat(process).as("the process showing %s", form).isNotNull();
          assertThat(available.get(process))
              .as("%s (form %s) in process %s", key, form, process)
              .contains(key);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  /**
   * Tasklist shows a form-js pattern error as a sentence (scripts/form-messages.js), never the
   * expression.
   */
  @Test
  void everyPattern_hasAChineseSentenceInTasklist() throws IOException {
    String script =
        Files.readString(
            ProjectFiles.path(
                "src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/form-messages.js"),
            StandardCharsets.UTF_8);
    String config =
        Files.readString(
            ProjectFiles.path(
                "src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js"),
            StandardCharsets.UTF_8);
    assertThat(config).as("Tasklist loads the script").contains("'scripts/form-messages'");
    Set<String> patterns = new TreeSet<>();
    FIELDS
        .values()
        .forEach(
            fields ->
                fields.forEach(
                    f -> {
                      if (f.path("validate").has("pattern")) {
                        patterns.add(f.path("validate").path("pattern").asText());
                      }
                    }));
    assertThat(patterns).as("patterns of the forms").isNotEmpty();
    for (String pattern : patterns) {
      String asJavaScriptString = "'" + pattern.replace("\\", "\\\\") + "':";
      assertThat(script).as("a Chinese sentence for %s", pattern).contains(asJavaScriptString);
    }
  }

  private static void collect(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      fields.add(component);
      collect(component.path("components"), fields);
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
