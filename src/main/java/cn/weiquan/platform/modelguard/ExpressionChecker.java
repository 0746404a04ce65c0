package cn.weiquan.platform.modelguard;

import cn.weiquan.platform.modelguard.JuelNode.FunctionCall;
import cn.weiquan.platform.modelguard.JuelNode.Identifier;
import cn.weiquan.platform.modelguard.JuelNode.Index;
import cn.weiquan.platform.modelguard.JuelNode.Literal;
import cn.weiquan.platform.modelguard.JuelNode.MethodCall;
import cn.weiquan.platform.modelguard.JuelNode.Operation;
import cn.weiquan.platform.modelguard.JuelNode.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list for the JUEL a designer may deploy: literals, operators, process variables and
 * their properties, the decision result, Camunda's date and user functions, Weiquan's delegates by
 * name and the methods of its {@code @ModelFunctions} beans. Everything else (other beans, the
 * engine's own objects such as {@code execution}, reflection, any other method call) is refused
 * with the reason.
 */
public class ExpressionChecker {

  /** Objects the engine puts in scope before variables; each leads to the whole engine. */
  static final Set<String> ENGINE_OBJECTS =
      Set.of(
          "execution", "task", "externalTask", "caseExecution", "variableScope", "variableContext");

  static final String DECISION_RESULT = "decisionResult";
  static final Set<String> DECISION_RESULT_METHODS =
      Set.of(
          "getSingleResult",
          "getFirstResult",
          "getResultList",
          "getSingleEntry",
          "get",
          "collectEntries");

  /** Camunda's functions (DateTimeFunctions, CommandContextFunctions). */
  static final Set<String> FUNCTIONS =
      Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  /** Properties that lead from any object to classes, class loaders or the engine. */
  private static final Set<String> DANGEROUS_PROPERTIES =
      Set.of(
          "class",
          "getclass",
          "classloader",
          "contextclassloader",
          "declaringclass",
          "protectiondomain",
          "module",
          "forname",
          "newinstance",
          "runtime",
          "processengine",
          "processengineservices",
          "processengineconfiguration",
          "applicationcontext",
          "beanfactory");

  /**
   * Where an expression sits: alone in a delegate attribute, an argument of a model function, or
   * elsewhere.
   */
  private enum Position {
    DELEGATE,
    ARGUMENT,
    VALUE
  }

  private final BeanCatalog beans;

  public ExpressionChecker(BeanCatalog beans) {
    this.beans = beans;
  }

  /**
   * The problems of every {@code ${…}} and {@code #{…}} in an attribute value or element text, one
   * per refused expression. {@code delegateAttribute}: the text is a delegateExpression, where a
   * lone {@code ${bean}} may name a Weiquan delegate or listener.
   */
  public List<String> check(String text, boolean delegateAttribute) {
    List<String> problems = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = nextExpression(text, from);
      if (start < 0) {
        return problems;
      }
      int end = closingBrace(text, start + 2);
      if (end < 0) {
        problems.add("'" + abbreviate(text.substring(start)) + "' is not closed by '}'");
        return problems;
      }
      String expression = text.substring(start, end + 1);
      boolean alone = delegateAttribute && text.strip().equals(expression);
      checkOne(
              expression,
              text.substring(start + 2, end),
              alone ? Position.DELEGATE : Position.VALUE)
          .ifPresent(reason -> problems.add(abbreviate(expression) + ": " + reason));
      from = end + 1;
    }
  }

  /** Whether a text holds an expression at all (JUEL evaluates nothing else). */
  public static boolean hasExpression(String text) {
    return nextExpression(text, 0) >= 0;
  }

  private Optional<String> checkOne(String expression, String body, Position position) {
    JuelNode node;
    try {
      node = JuelParser.parse(body);
    } catch (JuelParser.SyntaxError e) {
      return Optional.of(
          "not an expression Weiquan accepts from designers (" + e.getMessage() + ")");
    }
    return refusal(node, position);
  }

  private Optional<String> refusal(JuelNode node, Position position) {
    if (node instanceof Literal) {
      return Optional.empty();
    }
    if (node instanceof Identifier identifier) {
      return refusal(identifier.name(), position);
    }
    if (node instanceof Property property) {
      if (dangerous(property.name())) {
        return Optional.of("the property '" + property.name() + "' leads to classes or the engine");
      }
      return refusal(property.target(), Position.VALUE);
    }
    if (node instanceof Index index) {
      if (!(index.index() instanceof Literal literal && literal.value() instanceof Number)) {
        return Optional.of(
            "a computed index ["
                + describe(index.index())
                + "] may name any property; use a"
                + " number, a quoted name or .name");
      }
      return refusal(index.target(), Position.VALUE);
    }
    if (node instanceof MethodCall call) {
      return refusal(call);
    }
    if (node instanceof FunctionCall function) {
      if (function.prefix() != null || !FUNCTIONS.contains(function.name())) {
        return Optional.of(
            "the function '" + describe(function) + "' is not one of " + sorted(FUNCTIONS));
      }
      return firstRefusal(function.arguments(), Position.VALUE);
    }
    Operation operation = (Operation) node;
    return firstRefusal(operation.operands(), Position.VALUE);
  }

  private Optional<String> refusal(String name, Position position) {
    if (ENGINE_OBJECTS.contains(name)) {
      // no model function needs an engine object: a step's settings are extension properties, its
      // logic a delegate
      return Optional.of("'" + name + "' gives access to the whole engine");
    }
    if (beans.isBean(name)) {
      if (position == Position.DELEGATE && beans.isProductDelegate(name)) {
        return Optional.empty();
      }
      if (position == Position.DELEGATE) {
        return Optional.of(
            "the bean '"
                + name
                + "' is not a Weiquan delegate or listener (a cn.weiquan JavaDelegate,"
                + " ExecutionListener, TaskListener or DelegateVariableMapping)");
      }
      return Optional.of(
          "'"
              + name
              + "' is an application bean; a model may name a Weiquan delegate as"
              + " delegateExpression or call a method of a @ModelFunctions bean, nothing else of the application");
    }
    return Optional.empty();
  }

  private Optional<String> refusal(MethodCall call) {
    if (call.method() == null) {
      return Optional.of(
          "a method with a computed name (" + describe(call.target()) + "[…](…)) may be anything");
    }
    if (dangerous(call.method())) {
      return Optional.of(
          "'" + call.method() + "' is reflection: it leads to classes and class loaders");
    }
    if (call.target() instanceof Identifier bean
        && !ENGINE_OBJECTS.contains(bean.name())
        && beans.isBean(bean.name())) {
      if (!beans.isModelFunction(bean.name(), call.method())) {
        return Optional.of(
            "'"
                + bean.name()
                + "."
                + call.method()
                + "' is not a public method of one of Weiquan's"
                + " @ModelFunctions beans, the only beans whose methods a model may call");
      }
      return firstRefusal(call.arguments(), Position.ARGUMENT);
    }
    if (fromDecisionResult(call.target()) && DECISION_RESULT_METHODS.contains(call.method())) {
      Optional<String> target = refusal(call.target(), Position.VALUE);
      return target.isPresent() ? target : firstRefusal(call.arguments(), Position.VALUE);
    }
    Optional<String> target = refusal(call.target(), Position.VALUE);
    if (target.isPresent()) {
      return target;
    }
    return Optional.of(
        "the method call '."
            + call.method()
            + "(…)' on "
            + describe(call.target())
            + " is not allowed;"
            + " a model may call only the decision result's "
            + sorted(DECISION_RESULT_METHODS)
            + " and the methods of Weiquan's @ModelFunctions beans");
  }

  /**
   * decisionResult, or a chain of the decision result's own methods and properties starting from
   * it.
   */
  private static boolean fromDecisionResult(JuelNode node) {
    if (node instanceof Identifier identifier) {
      return identifier.name().equals(DECISION_RESULT);
    }
    if (node instanceof Property property) {
      return fromDecisionResult(property.target());
    }
    if (node instanceof Index index) {
      return fromDecisionResult(index.target());
    }
    if (node instanceof MethodCall call) {
      return DECISION_RESULT_METHODS.contains(call.method()) && fromDecisionResult(call.target());
    }
    return false;
  }

  private Optional<String> firstRefusal(List<JuelNode> nodes, Position position) {
    for (JuelNode node : nodes) {
      Optional<String> refusal = refusal(node, position);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private static boolean dangerous(String property) {
    String name = property.toLowerCase(Locale.ROOT);
    return DANGEROUS_PROPERTIES.contains(name) || name.contains("classloader");
  }

  /**
   * Start of the next ${ or #{; an escaped one (\${) is checked too, rather than trusting how JUEL
   * reads backslashes.
   */
  private static int nextExpression(String text, int from) {
    for (int i = from; i + 1 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The '}' that ends an expression whose body starts at {@code from}; braces inside strings do not
   * count.
   */
  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private static String describe(JuelNode node) {
    if (node instanceof Literal literal) {
      return literal.value() instanceof String text
          ? "'" + text + "'"
          : String.valueOf(literal.value());
    }
    if (node instanceof Identifier identifier) {
      return identifier.name();
    }
    if (node instanceof Property property) {
      return describe(property.target()) + "." + property.name();
    }
    if (node instanceof Index index) {
      return describe(index.target()) + "[" + describe(index.index()) + "]";
    }
    if (node instanceof MethodCall call) {
      return describe(call.target())
          + "."
          + (call.method() == null ? "[…]" : call.method())
          + "(…)";
    }
    if (node instanceof FunctionCall function) {
      return (function.prefix() == null ? "" : function.prefix() + ":") + function.name() + "(…)";
    }
    return "(…)";
  }

  private static String sorted(Set<String> names) {
    return names.stream().sorted().toList().toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }
}
