package cn.weiquan.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Every refusal of /api (400, 401, 403, 404, 409, 413, 415, 422, 429, ...): rendered by {@link
 * ApiProblems} as RFC 9457 problem details with a Chinese {@code detail}, a machine {@code code},
 * the {@code field} at fault and all faults in {@code errors}. The exception's message is the
 * English text (kept as {@code detailEn}, and in logs).
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final String detail;
  private final List<ApiError> errors;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  /**
   * A refusal about one field (or none: field null), in Chinese ({@code detail}) and English
   * ({@code message}).
   */
  public ApiException(HttpStatus status, String field, String code, String detail, String message) {
    this(
        status,
        code,
        detail,
        message,
        field == null ? List.of() : List.of(new ApiError(field, code, detail, message)));
  }

  private ApiException(
      HttpStatus status, String code, String detail, String message, List<ApiError> errors) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  /** 400 naming the field. */
  public static ApiException badRequest(String field, String code, String detail, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, code, detail, message);
  }

  /** 400 listing every fault; the first one is the problem's field and code. */
  public static ApiException invalid(List<ApiError> errors) {
    ApiError first = errors.get(0);
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        first.code(),
        String.join("；", errors.stream().map(ApiError::detail).toList()),
        String.join("; ", errors.stream().map(ApiError::message).toList()),
        errors);
  }

  /** 400: the field is required. */
  public static ApiException required(String field) {
    return badRequest(field, "required", "「" + field + "」为必填项", "'" + field + "' is required");
  }

  public static ApiException forbidden(String detail, String message) {
    return new ApiException(HttpStatus.FORBIDDEN, null, "forbidden", detail, message);
  }

  public static ApiException notFound(String detail, String message) {
    return new ApiException(HttpStatus.NOT_FOUND, null, "not-found", detail, message);
  }

  /** An extra member of the problem (waitingFor, closedAt, caseNo, ...). */
  public ApiException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  /** A header of the answer (Retry-After, WWW-Authenticate, Allow, ...). */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  /** The field at fault, or null. */
  public String field() {
    return errors.isEmpty() ? null : errors.get(0).field();
  }

  public String code() {
    return code;
  }

  /** The Chinese text a person reads. */
  public String detail() {
    return detail;
  }

  public List<ApiError> errors() {
    return errors;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
