package cn.weiquan.platform.modelguard;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One reason a designer's file is refused: the resource, the element id and why. It is the engine's
 * own {@link Problem}, so the REST answer lists it like a parse error and Camunda Modeler shows it
 * the same way.
 */
public final class Violation implements Problem {
  private final String resource;
  private final String elementId;
  private final int line;
  private final int column;
  private final String reason;

  public Violation(String resource, String elementId, int line, int column, String reason) {
    this.resource = resource;
    this.elementId = elementId;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String resource() {
    return resource;
  }

  public String reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return reason;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }

  /** resource, element, line and reason in one line, as the refusal's message lists them. */
  @Override
  public String toString() {
    return resource
        + ", element "
        + (elementId == null ? "(none)" : elementId)
        + (line > 0 ? " (line " + line + ")" : "")
        + ": "
        + reason;
  }
}
