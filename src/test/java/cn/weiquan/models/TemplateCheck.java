package cn.weiquan.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;

/**
 * Whether the models use the Modeler element templates as Modeler would have written them: every
 * service and send task names its template and version; the element is of a type the template
 * applies to; each binding of the template is on the element with a value the template allows (a
 * hidden value exactly, a dropdown value among its choices, a required value present, a pattern
 * matched); and the element carries nothing the template does not bind (no extra property, input,
 * output, field, listener or implementation). An optional binding (neither hidden nor required) may
 * be absent: the delegates treat an absent and a blank setting alike.
 */
final class TemplateCheck {
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** The attributes that say what a task runs: a template must bind the one the task uses. */
  private static final List<String> IMPLEMENTATION =
      List.of("delegateExpression", "class", "expression", "type", "topic");

  private final Map<String, JsonNode> templates = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  private TemplateCheck(List<JsonNode> templates) {
    for (JsonNode template : templates) {
      String key = key(template.path("id").asText(), template.path("version").asText());
      if (this.templates.put(key, template) != null) {
        problems.add("two templates are " + key);
      }
    }
  }

  /**
   * Every template of the JSON files in the folder (a file holds one template or an array of them).
   */
  static List<JsonNode> read(Path folder) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path file : files(folder, ".json")) {
      JsonNode root = json.readTree(file.toFile());
      if (root.isArray()) {
        root.forEach(all::add);
      } else {
        all.add(root);
      }
    }
    return all;
  }

  static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  static TemplateCheck of(List<JsonNode> templates) {
    return new TemplateCheck(templates);
  }

  List<String> problems() {
    return problems;
  }

  /**
   * Checks one model; the returned map is each templated element's settings (name → value), for the
   * product checks.
   */
  Map<String, Map<String, String>> check(String file, InputStream bpmn) {
    Map<String, Map<String, String>> uses = new LinkedHashMap<>();
    BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
    for (ModelElementInstance element :
        model.getModelElementsByType(model.getModel().getType(BaseElement.class))) {
      BaseElement base = (BaseElement) element;
      String where = file + ", " + base.getId();
      String id = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
      String version = element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion");
      if (id == null) {
        if (element instanceof ServiceTask || element instanceof SendTask) {
          problems.add(
              where
                  + ": a service or send task names no element template (camunda:modelerTemplate)");
        }
        continue;
      }
      if (version == null) {
        problems.add(where + ": names template " + id + " without camunda:modelerTemplateVersion");
        continue;
      }
      JsonNode template = templates.get(key(id, version));
      if (template == null) {
        problems.add(
            where
                + ": names template "
                + id
                + " version "
                + version
                + ", which is not in .camunda/element-templates");
        continue;
      }
      Map<String, String> settings = new LinkedHashMap<>();
      uses.put(where, settings);
      check(where, base, template, settings);
    }
    return uses;
  }

  private void check(
      String where, BaseElement element, JsonNode template, Map<String, String> settings) {
    List<String> appliesTo = new ArrayList<>();
    template.path("appliesTo").forEach(type -> appliesTo.add(type.asText()));
    if (!appliesTo.contains("bpmn:" + capitalized(element.getElementType().getTypeName()))
        && types(element.getElementType()).stream().noneMatch(appliesTo::contains)) {
      problems.add(
          where
              + ": is a "
              + element.getElementType().getTypeName()
              + ", template "
              + template.path("id").asText()
              + " applies to "
              + appliesTo);
    }
    Map<String, String> onElement = bindings(element);
    Set<String> bound = new LinkedHashSet<>();
    for (JsonNode property : template.path("properties")) {
      String binding = binding(property.path("binding"));
      bound.add(binding);
      String value = onElement.get(binding);
      String label = binding + " (template " + template.path("id").asText() + ")";
      String type = property.path("type").asText("String");
      boolean required =
          "Hidden".equals(type) || property.path("constraints").path("notEmpty").asBoolean(false);
      if (value == null) {
        if (required) {
          problems.add(where + ": lacks " + label);
        }
        continue;
      }
      settings.put(property.path("binding").path("name").asText(binding), value);
      if ("Hidden".equals(type) && !value.equals(property.path("value").asText())) {
        problems.add(
            where
                + ": "
                + label
                + " is '"
                + value
                + "', the template fixes '"
                + property.path("value").asText()
                + "'");
      }
      if ("Dropdown".equals(type)) {
        List<String> choices = new ArrayList<>();
        property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
        if (!choices.contains(value)) {
          problems.add(
              where
                  + ": "
                  + label
                  + " is '"
                  + value
                  + "', not one of the template's choices "
                  + choices);
        }
      }
      if ("Boolean".equals(type) && !Set.of("true", "false").contains(value)) {
        problems.add(where + ": " + label + " is '" + value + "', not true or false");
      }
      if (required && value.isBlank()) {
        problems.add(where + ": " + label + " is empty");
      }
      JsonNode pattern = property.path("constraints").path("pattern");
      String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText(null);
      if (regex != null && !Pattern.compile(regex).matcher(value).matches()) {
        problems.add(where + ": " + label + " is '" + value + "', which does not match " + regex);
      }
    }
    for (String binding : onElement.keySet()) {
      if (!bound.contains(binding)) {
        problems.add(
            where
                + ": has "
                + binding
                + ", which template "
                + template.path("id").asText()
                + " does not bind");
      }
    }
  }

  /** What a template binding addresses on an element, in the same words as {@link #bindings}. */
  static String binding(JsonNode binding) {
    String type = binding.path("type").asText();
    return switch (type) {
      case "property" -> "attribute " + binding.path("name").asText();
      case "camunda:property" -> "property " + binding.path("name").asText();
      case "camunda:inputParameter" -> "input " + binding.path("name").asText();
      case "camunda:outputParameter" -> "output " + binding.path("source").asText();
      case "camunda:field" -> "field " + binding.path("name").asText();
      case "camunda:executionListener" ->
          "listener "
              + binding.path("event").asText()
              + " "
              + binding.path("implementationType").asText();
      default -> "binding " + type;
    };
  }

  /**
   * The settings a template would have to bind, with their values: the implementation attribute,
   * the camunda:async flags where set, camunda:properties, input and output parameters, fields and
   * execution listeners.
   */
  static Map<String, String> bindings(BaseElement element) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String attribute : IMPLEMENTATION) {
      String value = element.getAttributeValueNs(CAMUNDA_NS, attribute);
      if (value != null) {
        found.put("attribute camunda:" + attribute, value);
      }
    }
    for (String attribute : List.of("asyncBefore", "asyncAfter")) {
      String value = element.getAttributeValueNs(CAMUNDA_NS, attribute);
      if (value != null) {
        found.put("attribute camunda:" + attribute, value);
      }
    }
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return found;
    }
    for (CamundaProperties properties :
        extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        found.put(
            "property " + property.getCamundaName(),
            property.getCamundaValue() == null ? "" : property.getCamundaValue());
      }
    }
    for (CamundaInputOutput mapping : extensions.getChildElementsByType(CamundaInputOutput.class)) {
      for (CamundaInputParameter input : mapping.getCamundaInputParameters()) {
        found.put("input " + input.getCamundaName(), input.getTextContent().strip());
      }
      for (CamundaOutputParameter output : mapping.getCamundaOutputParameters()) {
        found.put("output " + output.getTextContent().strip(), output.getCamundaName());
      }
    }
    for (CamundaField field : extensions.getChildElementsByType(CamundaField.class)) {
      String value =
          field.getCamundaStringValue() != null
              ? field.getCamundaStringValue()
              : field.getCamundaExpression();
      found.put(
          "field " + field.getCamundaName(),
          value == null ? field.getTextContent().strip() : value);
    }
    for (CamundaExecutionListener listener :
        extensions.getChildElementsByType(CamundaExecutionListener.class)) {
      String kind =
          listener.getCamundaDelegateExpression() != null
              ? "delegateExpression"
              : listener.getCamundaClass() != null
                  ? "class"
                  : listener.getCamundaExpression() != null ? "expression" : "script";
      String value =
          switch (kind) {
            case "delegateExpression" -> listener.getCamundaDelegateExpression();
            case "class" -> listener.getCamundaClass();
            case "expression" -> listener.getCamundaExpression();
            default -> listener.getTextContent().strip();
          };
      String key = "listener " + listener.getCamundaEvent() + " " + kind;
      // two listeners of one kind on one event cannot both be bound: keep the second visible as
      // unbound
      found.put(found.containsKey(key) ? key + " (second)" : key, value);
    }
    return found;
  }

  private static List<String> types(ModelElementType type) {
    List<String> names = new ArrayList<>();
    for (ModelElementType t = type; t != null; t = t.getBaseType()) {
      names.add("bpmn:" + capitalized(t.getTypeName()));
    }
    return names;
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String key(String id, String version) {
    return id + "@" + version;
  }
}
