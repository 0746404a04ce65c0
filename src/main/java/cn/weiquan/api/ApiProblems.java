package cn.weiquan.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of /api as RFC 9457 problem details. Errors the caller can fix name the field at
 * fault in {@code field} (and all of them in {@code errors}); nothing a caller sends gives a 500.
 */
@RestControllerAdvice(basePackages = "cn.weiquan")
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Boot's own problem-details advice, which names no field
public class ApiProblems {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  public static ProblemDetail problem(HttpStatus status, String field, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    if (field != null) {
      problem.setProperty("field", field);
      problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    }
    return problem;
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, e.field(), e.getMessage(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, e.getParameterName(),
        "parameter '" + e.getParameterName() + "' is required", request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, e.getName(),
        "parameter '" + e.getName() + "' has an invalid value: " + e.getValue(), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .collect(Collectors.toList());
    String first = errors.isEmpty() ? null : errors.get(0).get("field");
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, first,
        errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; ")), request);
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ProblemDetail invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
    List<Map<String, String>> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
            "field", String.valueOf(r.getMethodParameter().getParameterName()),
            "message", String.valueOf(err.getDefaultMessage()))))
        .collect(Collectors.toList());
    String first = errors.isEmpty() ? null : errors.get(0).get("field");
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, first,
        errors.stream().map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; ")), request);
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
    var violation = e.getConstraintViolations().iterator().next();
    String path = violation.getPropertyPath().toString();
    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    return problem(HttpStatus.BAD_REQUEST, field, field + ": " + violation.getMessage(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String detail = mapping instanceof InvalidFormatException invalid
          ? "'" + field + "' has an invalid value: " + invalid.getValue()
          : "'" + field + "' cannot be read";
      return problem(HttpStatus.BAD_REQUEST, field, detail, request);
    }
    return problem(HttpStatus.BAD_REQUEST, "body", "the request body is missing or is not valid JSON", request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, e.getMessage(), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, null, e.getMessage(), request);
  }

  @ExceptionHandler(ErrorResponseException.class)
  ProblemDetail refused(ErrorResponseException e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    String detail = e.getBody().getDetail();
    return problem(status, null, detail == null ? status.getReasonPhrase() : detail, request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail notFound(NoResourceFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, null, "no such resource", request);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unexpected error on {}", request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, null, "an unexpected error occurred; it has been logged", request);
  }
}
