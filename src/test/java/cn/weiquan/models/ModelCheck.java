package cn.weiquan.models;

import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.StatutoryPeriods;
import cn.weiquan.notification.MailTemplates;
import cn.weiquan.notification.RecipientRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The static checks a model must pass before it ships: what the engine would only find at run time
 * (a form that is not there) or never (a diagram missing, so Modeler shows nothing).
 */
final class ModelCheck {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  private final List<String> problems = new ArrayList<>();

  /** form id → file */
  private final Map<String, Path> forms = new LinkedHashMap<>();

  private final List<Path> models = new ArrayList<>();
  private final MailTemplates templates = new MailTemplates();
  private final StatutoryPeriods periods = new StatutoryPeriods();

  static ModelCheck of(Path processes, Path forms) throws IOException {
    ModelCheck check = new ModelCheck();
    for (Path form : files(forms, ".form")) {
      check.checkForm(form);
    }
    for (Path model : files(processes, ".bpmn")) {
      check.models.add(model);
      check.checkBpmn(model);
    }
    for (Path model : files(processes, ".dmn")) {
      check.models.add(model);
      check.checkDmn(model);
    }
    return check;
  }

  List<String> problems() {
    return problems;
  }

  Map<String, Path> forms() {
    return forms;
  }

  List<Path> models() {
    return models;
  }

  static List<Path> files(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private void checkForm(Path file) {
    try {
      JsonNode form = new ObjectMapper().readTree(file.toFile());
      if (form == null || !form.isObject()) {
        problems.add(file + ": not a JSON object");
        return;
      }
      String id = form.path("id").asText("");
      if (id.isBlank()) {
        problems.add(file + ": form has no id");
      } else if (forms.putIfAbsent(id, file) != null) {
        problems.add(file + ": form id '" + id + "' is also used by " + forms.get(id));
      } else if (!id.equals(file.getFileName().toString().replaceFirst("\\.form$", ""))) {
        // one naming scheme: a designer finds the form of a task by the id the task names
        problems.add(
            file
                + ": form id '"
                + id
                + "' differs from its file name (a form's id is its file name)");
      }
      if (!form.path("components").isArray()) {
        problems.add(file + ": form has no components");
      }
    } catch (IOException e) {
      problems.add(
          file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  private void checkBpmn(Path file) {
    Document doc = parse(file);
    if (doc == null) {
      return;
    }
    if (doc.getElementsByTagNameNS(BPMNDI, "BPMNDiagram").getLength() == 0) {
      problems.add(file + ": no diagram (BPMNDI): Camunda Modeler would show nothing");
    }
    NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      Element process = (Element) processes.item(i);
      if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
        problems.add(
            file + ": process " + process.getAttribute("id") + " has no historyTimeToLive");
      }
    }
    checkStepSettings(file, doc);
    checkStageSettings(file, doc);
    NodeList rules = doc.getElementsByTagNameNS(BPMN, "businessRuleTask");
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      if (!"latest".equals(rule.getAttributeNS(CAMUNDA, "decisionRefBinding"))) {
        problems.add(
            file
                + ": "
                + rule.getAttribute("id")
                + " must bind its decision with camunda:decisionRefBinding=\"latest\" (README: Bindings)");
      }
    }
    for (String type : List.of("userTask", "startEvent")) {
      NodeList elements = doc.getElementsByTagNameNS(BPMN, type);
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        String ref = element.getAttributeNS(CAMUNDA, "formRef");
        String id = element.getAttribute("id");
        if (ref.isBlank()) {
          if (type.equals("userTask") && element.getAttributeNS(CAMUNDA, "formKey").isBlank()) {
            problems.add(file + ": user task " + id + " has no form");
          }
          continue;
        }
        if (!forms.containsKey(ref)) {
          problems.add(file + ": " + id + " names form '" + ref + "' that no file in forms/ has");
        }
        if (!"latest".equals(element.getAttributeNS(CAMUNDA, "formRefBinding"))) {
          problems.add(
              file
                  + ": "
                  + id
                  + " must bind its form with camunda:formRefBinding=\"latest\" (README: Bindings)");
        }
      }
    }
  }

  /**
   * The settings a designer types into Modeler's extension properties are plain text: a typo would
   * surface only when a case reaches the step. Mail steps need an event with a template and known
   * recipient roles; stage steps a label or a deadline, and a deadline a period of the period
   * table.
   */
  private void checkStepSettings(Path file, Document doc) {
    NodeList tasks = doc.getElementsByTagNameNS(BPMN, "serviceTask");
    for (int i = 0; i < tasks.getLength(); i++) {
      Element task = (Element) tasks.item(i);
      String id = task.getAttribute("id");
      String delegate = task.getAttributeNS(CAMUNDA, "delegateExpression");
      Map<String, String> settings = settings(task, "property", "value");
      Map<String, String> inputs = settings(task, "inputParameter", null);
      switch (delegate) {
        case "${notify}" -> {
          String event = settings.get("mailEvent");
          String to = settings.get("mailTo");
          if (event == null && !inputs.containsKey("mailEvent")) {
            problems.add(file + ": mail step " + id + " has no mailEvent");
          } else if (event != null && !templates.exists(event)) {
            problems.add(
                file
                    + ": mail step "
                    + id
                    + " names mailEvent '"
                    + event
                    + "' that has no texts (mail/"
                    + event
                    + "/)");
          }
          for (String role : to == null ? new String[0] : to.split(",")) {
            try {
              if (!role.isBlank()) {
                RecipientRole.of(role.strip());
                if (event != null && !templates.exists(event, role.strip())) {
                  problems.add(
                      file
                          + ": mail step "
                          + id
                          + " mails "
                          + role.strip()
                          + " but mail/"
                          + event
                          + "/"
                          + role.strip()
                          + ".mustache does not exist");
                }
              }
            } catch (RuntimeException unknown) {
              problems.add(
                  file
                      + ": mail step "
                      + id
                      + " names an unknown recipient role '"
                      + role.strip()
                      + "'");
            }
          }
        }
        case "${checkLimitation}" -> checkDeadline(file, id, settings);
        default -> {}
      }
    }
  }

  /**
   * ${enterStage} listeners, on any element or sequence flow: a label or a deadline (and a deadline
   * a period of the period table), or the channel and outcome settings.
   */
  private void checkStageSettings(Path file, Document doc) {
    NodeList listeners = doc.getElementsByTagNameNS(CAMUNDA, "executionListener");
    for (int i = 0; i < listeners.getLength(); i++) {
      Element listener = (Element) listeners.item(i);
      if (!"${enterStage}".equals(listener.getAttribute("delegateExpression"))) {
        continue;
      }
      Element element = (Element) listener.getParentNode().getParentNode();
      String id = element.getAttribute("id");
      Map<String, String> settings = settings(element, "property", "value");
      if (settings.isEmpty()) {
        problems.add(
            file
                + ": stage listener on "
                + id
                + " has no settings (stageLabel, deadlineVariable, channel, channelOutcome, caseOutcome)");
      }
      for (String name : settings.keySet()) {
        if (!List.of(
                "stageLabel",
                Deadlines.DECLARED_VARIABLE,
                Deadlines.DECLARED_PERIOD,
                "deadlineFrom",
                "channel",
                "channelOutcome",
                "caseOutcome")
            .contains(name)) {
          problems.add(
              file + ": stage listener on " + id + " has an unknown setting '" + name + "'");
        }
      }
      checkDeadline(file, id, settings);
    }
  }

  private void checkDeadline(Path file, String id, Map<String, String> settings) {
    String variable = settings.get(Deadlines.DECLARED_VARIABLE);
    String period = settings.get(Deadlines.DECLARED_PERIOD);
    if (variable != null && period == null) {
      problems.add(file + ": " + id + " stores " + variable + " but names no deadlinePeriod");
    }
    if (period != null) {
      try {
        periods.get(period);
      } catch (RuntimeException unknown) {
        problems.add(
            file
                + ": "
                + id
                + " names deadlinePeriod '"
                + period
                + "' that is not in the period table");
      }
    }
  }

  /**
   * camunda:property name/value pairs, or camunda:inputParameter names (value = text), of an
   * element.
   */
  private static Map<String, String> settings(Element element, String type, String valueAttribute) {
    Map<String, String> settings = new LinkedHashMap<>();
    NodeList nodes = element.getElementsByTagNameNS(CAMUNDA, type);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element node = (Element) nodes.item(i);
      String value =
          valueAttribute == null ? node.getTextContent() : node.getAttribute(valueAttribute);
      settings.put(
          node.getAttribute("name"), value == null || value.isBlank() ? null : value.strip());
    }
    return settings;
  }

  private void checkDmn(Path file) {
    Document doc = parse(file);
    if (doc == null) {
      return;
    }
    if (doc.getElementsByTagNameNS(DMNDI, "DMNDiagram").getLength() == 0) {
      problems.add(
          file + ": no diagram (DMNDI): Camunda Modeler would show no requirements diagram");
    }
    NodeList decisions = doc.getElementsByTagNameNS("*", "decision");
    if (decisions.getLength() == 0) {
      problems.add(file + ": no decision");
    }
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
        problems.add(
            file + ": decision " + decision.getAttribute("id") + " has no historyTimeToLive");
      }
    }
  }

  private Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      problems.add(file + ": does not parse (" + e.getMessage() + ")");
      return null;
    }
  }
}
