package cn.weiquan.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal of the parties' channel with its status (400, 404, 409, 413, 415, 422): rendered as RFC 9457
 * problem details by {@link IntakeProblemResolver}, naming the field at fault when there is one.
 */
public class IntakeException extends RuntimeException {
  private final HttpStatus status;
  private final String field;
  private final List<Map<String, String>> errors;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public IntakeException(HttpStatus status, String field, String detail) {
    this(status, field, detail, field == null ? List.of() : List.of(Map.of("field", field, "message", detail)));
  }

  public IntakeException(HttpStatus status, String field, String detail, List<Map<String, String>> errors) {
    super(detail);
    this.status = status;
    this.field = field;
    this.errors = errors;
  }

  public static IntakeException badRequest(String field, String detail) {
    return new IntakeException(HttpStatus.BAD_REQUEST, field, detail);
  }

  /** 404 for a case that does not exist and for one the caller is no party to: numbers cannot be probed. */
  public static IntakeException noSuchCase(String caseNo) {
    return new IntakeException(HttpStatus.NOT_FOUND, null, "no case " + caseNo + " for this caller");
  }

  public IntakeException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

  public List<Map<String, String>> errors() {
    return errors;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
