package cn.weiquan.platform.modelguard;

import java.util.List;

/** The syntax tree of one JUEL expression, as far as the checker needs it. */
sealed interface JuelNode {

  /**
   * A string, number, boolean or null literal; {@code value} is a String, Number, Boolean or null.
   */
  record Literal(Object value) implements JuelNode {}

  /** A root name: a variable, a bean or an engine object such as {@code execution}. */
  record Identifier(String name) implements JuelNode {}

  /**
   * {@code target.name} or {@code target['name']}: both read a property (a getter) of the target.
   */
  record Property(JuelNode target, String name) implements JuelNode {}

  /** {@code target[index]} with an index that is not a string literal. */
  record Index(JuelNode target, JuelNode index) implements JuelNode {}

  /**
   * {@code target.method(arguments)}; {@code method} is null when the name is computed ({@code
   * target[x](…)}).
   */
  record MethodCall(JuelNode target, String method, List<JuelNode> arguments) implements JuelNode {}

  /**
   * {@code name(arguments)} or {@code prefix:name(arguments)}: a function of the expression
   * manager.
   */
  record FunctionCall(String prefix, String name, List<JuelNode> arguments) implements JuelNode {}

  /** A unary, binary or conditional operator and its operands. */
  record Operation(String operator, List<JuelNode> operands) implements JuelNode {}
}
