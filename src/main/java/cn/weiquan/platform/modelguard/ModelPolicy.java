package cn.weiquan.platform.modelguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a designer may deploy: models that change the product's flow and decisions, never code on
 * the server nor a way into the engine or the platform's beans. Checks each BPMN and DMN resource
 * of a deployment; CMMN is not used by Weiquan and refused; forms and other files run nothing on
 * the server and pass.
 */
public class ModelPolicy {
  // the suffixes the engine's BpmnDeployer, DmnDeployer and CmmnDeployer pick up
  private static final List<String> BPMN = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DMN = List.of(".dmn", ".dmn11.xml");
  private static final List<String> CMMN = List.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml");

  private final ExpressionChecker expressions;

  public ModelPolicy(BeanCatalog beans) {
    this.expressions = new ExpressionChecker(beans);
  }

  /** Every violation in the resources of one deployment (name → content), in resource order. */
  public List<Violation> check(Map<String, byte[]> resources) {
    List<Violation> violations = new ArrayList<>();
    resources.forEach((name, content) -> violations.addAll(check(name, content)));
    return violations;
  }

  public List<Violation> check(String resource, byte[] content) {
    List<Violation> violations = new ArrayList<>();
    ModelXml.Visitor rules;
    if (endsWith(resource, BPMN)) {
      rules = new BpmnRules(resource, expressions, violations);
    } else if (endsWith(resource, DMN)) {
      rules = new DmnRules(resource, expressions, violations);
    } else if (endsWith(resource, CMMN)) {
      return List.of(
          new Violation(
              resource, null, -1, -1, "CMMN case models are not accepted from designers"));
    } else {
      return List.of();
    }
    try {
      ModelXml.read(content, rules);
    } catch (ModelXml.Unreadable e) {
      violations.add(new Violation(resource, null, e.line, -1, e.getMessage()));
    }
    return violations;
  }

  private static boolean endsWith(String resource, List<String> suffixes) {
    String name = resource.toLowerCase(Locale.ROOT);
    return suffixes.stream().anyMatch(name::endsWith);
  }
}
