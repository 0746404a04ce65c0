package cn.weiquan.platform.modelguard;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * What a DMN file of a designer may not contain: an expression language other than FEEL (JUEL,
 * JavaScript, any script engine), FEEL function definitions (which may call Java: {@code
 * function(x) external {java: …}}), and any {@code ${…}} the {@link ExpressionChecker} refuses.
 */
final class DmnRules implements ModelXml.Visitor {
  /**
   * The FEEL names the DMN engine accepts (ExpressionEvaluationHandler#isFeelExpressionLanguage).
   */
  static final Set<String> FEEL =
      Set.of(
          "feel",
          "http://www.omg.org/spec/FEEL/20140401",
          "http://www.omg.org/spec/DMN/20180521/FEEL/",
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "https://www.omg.org/spec/DMN/20211108/FEEL/",
          "https://www.omg.org/spec/DMN/20230324/FEEL/");

  private static final Pattern FEEL_STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
  private static final Pattern FUNCTION_DEFINITION = Pattern.compile("\\bfunction\\s*\\(");
  private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");

  private final String resource;
  private final ExpressionChecker expressions;
  private final List<Violation> violations;

  DmnRules(String resource, ExpressionChecker expressions, List<Violation> violations) {
    this.resource = resource;
    this.expressions = expressions;
    this.violations = violations;
  }

  @Override
  public void element(ModelXml.Element element) {
    for (Map.Entry<QName, String> attribute : element.attributes().entrySet()) {
      String name = attribute.getKey().getLocalPart();
      String value = attribute.getValue();
      if (attribute.getKey().getNamespaceURI().equals(XMLConstants.NULL_NS_URI)
          && name.equals("expressionLanguage")
          && !isFeel(value)) {
        refuse(
            element,
            element.localName()
                + " expressionLanguage=\""
                + value
                + "\": only FEEL is allowed (JUEL and"
                + " scripts can call Java)");
      }
      for (String problem : expressions.check(value, false)) {
        refuse(element, name + ": " + problem);
      }
    }
  }

  @Override
  public void text(ModelXml.Element element, String text) {
    String code = FEEL_STRING.matcher(text).replaceAll("\"\"");
    boolean feelText = element.localName().equals("text");
    if (feelText && (FUNCTION_DEFINITION.matcher(code).find() || EXTERNAL.matcher(code).find())) {
      refuse(
          element,
          "FEEL function definitions (function(…) … external …) may call Java; use the built-in functions");
    }
    for (String problem : expressions.check(text, false)) {
      refuse(element, element.localName() + ": " + problem);
    }
  }

  static boolean isFeel(String language) {
    return language.equalsIgnoreCase("feel") || FEEL.contains(language);
  }

  private void refuse(ModelXml.Element element, String reason) {
    violations.add(
        new Violation(resource, element.elementId(), element.line(), element.column(), reason));
  }
}
