package cn.weiquan.complaint;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables as forms and the REST API deliver them (strings, numbers, booleans). */
final class Values {
  private Values() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  static int integer(VariableScope scope, String name, int otherwise) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value == null || value.toString().isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " 应为整数: " + value);
    }
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  static Date date(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date;
    }
    throw new IllegalStateException("variable " + name + " should be a date, is " + value);
  }
}
