package cn.weiquan.platform.modelguard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * What a BPMN file of a designer may not contain: script tasks and scripts anywhere, Java classes,
 * connectors, the legacy mail and shell tasks, embedded HTML forms from the deployment, and any
 * expression the {@link ExpressionChecker} refuses, in any attribute or text of the file.
 */
final class BpmnRules implements ModelXml.Visitor {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /**
   * The engine reads its extensions under both namespaces (BpmnParser: CAMUNDA_ and
   * ACTIVITI_BPMN_EXTENSIONS_NS).
   */
  static final Set<String> CAMUNDA =
      Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  /** Extension attributes that make the engine load a Java class by name. */
  private static final Set<String> CLASS_ATTRIBUTES =
      Set.of("class", "variableMappingClass", "formHandlerClass");

  private final String resource;
  private final ExpressionChecker expressions;
  private final List<Violation> violations;

  BpmnRules(String resource, ExpressionChecker expressions, List<Violation> violations) {
    this.resource = resource;
    this.expressions = expressions;
    this.violations = violations;
  }

  @Override
  public void element(ModelXml.Element element) {
    boolean camundaElement = CAMUNDA.contains(element.namespace());
    String name = element.localName();
    if (element.namespace().equals(BPMN) && name.equals("scriptTask")) {
      refuse(
          element,
          "script tasks run code on the server; use a service task with a Weiquan delegate");
    }
    if (camundaElement && name.equals("script")) {
      refuse(element, "inline scripts (camunda:script) run code on the server");
    }
    if (camundaElement && name.equals("connector")) {
      refuse(
          element,
          "connectors (camunda:connector) call out of the engine; use a service task with a Weiquan delegate");
    }
    if (camundaElement
        && name.equals("constraint")
        && "validator".equals(element.attribute("name"))
        && !ExpressionChecker.hasExpression(String.valueOf(element.attribute("config")))) {
      refuse(
          element,
          "a form field validator given by class name ("
              + element.attribute("config")
              + ") loads Java code");
    }
    for (Map.Entry<QName, String> attribute : element.attributes().entrySet()) {
      checkAttribute(element, camundaElement, attribute.getKey(), attribute.getValue());
    }
  }

  private void checkAttribute(
      ModelXml.Element element, boolean camundaElement, QName attribute, String value) {
    String name = attribute.getLocalPart();
    boolean unqualified = attribute.getNamespaceURI().equals(XMLConstants.NULL_NS_URI);
    // camunda:class on a task, or class="…" on a camunda:executionListener / camunda:taskListener
    boolean extension =
        CAMUNDA.contains(attribute.getNamespaceURI()) || (unqualified && camundaElement);
    if (extension && CLASS_ATTRIBUTES.contains(name)) {
      refuse(
          element,
          name
              + "=\""
              + value
              + "\" makes the engine load a Java class; use a Weiquan delegate by its bean"
              + " name (delegateExpression=\"${bean}\")");
    } else if (extension && name.equals("resource")) {
      refuse(element, "resource=\"" + value + "\" runs a script from a file");
    } else if (CAMUNDA.contains(attribute.getNamespaceURI())
        && name.equals("type")
        && !value.equalsIgnoreCase("external")) {
      refuse(
          element,
          "type=\""
              + value
              + "\" is a built-in "
              + value
              + " task that acts outside the process; only"
              + " external tasks are allowed");
    } else if (CAMUNDA.contains(attribute.getNamespaceURI())
        && name.equals("formKey")
        && embeddedFromDeployment(value)) {
      refuse(
          element,
          "formKey=\""
              + value
              + "\" is an embedded HTML form, whose scripts would run in the Tasklist of"
              + " whoever opens the task; use a Camunda Form (camunda:formRef)");
    } else if (unqualified && name.equals("language")) {
      refuse(
          element,
          "language=\""
              + value
              + "\" evaluates a script; conditions and expressions are JUEL ${…}");
    }
    boolean delegate =
        extension
            && (name.equals("delegateExpression")
                || name.equals("variableMappingDelegateExpression"));
    for (String problem : expressions.check(value, delegate)) {
      refuse(element, prefix(attribute) + name + ": " + problem);
    }
  }

  @Override
  public void text(ModelXml.Element element, String text) {
    for (String problem : expressions.check(text, false)) {
      refuse(element, element.localName() + ": " + problem);
    }
  }

  /** An embedded form from anywhere but the application's own files (embedded:app:). */
  private static boolean embeddedFromDeployment(String formKey) {
    String key = formKey.strip().toLowerCase(Locale.ROOT);
    return key.startsWith("embedded:") && !key.startsWith("embedded:app:");
  }

  private static String prefix(QName attribute) {
    return CAMUNDA.contains(attribute.getNamespaceURI()) ? "camunda:" : "";
  }

  private void refuse(ModelXml.Element element, String reason) {
    violations.add(
        new Violation(resource, element.elementId(), element.line(), element.column(), reason));
  }
}
