package cn.weiquan.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders {@link IntakeException}s and the size limits as problem details. It runs before the
 * {@code @ExceptionHandler} advices because cn.weiquan.api.ApiProblems answers every other exception with 500,
 * and an upload over the multipart limit fails before any controller is chosen.
 */
@Component
public class IntakeProblemResolver implements HandlerExceptionResolver, Ordered {

  private final ObjectMapper json;

  public IntakeProblemResolver(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10; // after Spring Boot's DefaultErrorAttributes, before the advices (order 0)
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    IntakeException problem = translate(ex);
    if (problem == null) {
      return null;
    }
    try {
      write(request, response, problem);
    } catch (IOException clientGone) {
      // nothing left to tell a client that hung up
    }
    return new ModelAndView();
  }

  static IntakeException translate(Exception ex) {
    if (ex instanceof IntakeException intake) {
      return intake;
    }
    if (ex instanceof MaxUploadSizeExceededException tooBig) {
      return new IntakeException(HttpStatus.PAYLOAD_TOO_LARGE, "files",
          "the upload exceeds the limit of " + (tooBig.getMaxUploadSize() < 0 ? "the server" : tooBig.getMaxUploadSize() + " bytes"));
    }
    if (ex instanceof HttpMessageNotReadableException && causedBy(ex, JsonBodyLimitFilter.BodyTooLargeException.class)) {
      return new IntakeException(HttpStatus.PAYLOAD_TOO_LARGE, "body", "the request body exceeds the configured limit");
    }
    if (ex instanceof MultipartException) {
      return new IntakeException(HttpStatus.BAD_REQUEST, "body", "the request body is not a readable multipart/form-data body");
    }
    if (ex instanceof HttpMediaTypeNotAcceptableException) {
      // written as problem+json whatever the Accept header asked for: the advices could not answer at all
      return new IntakeException(HttpStatus.NOT_ACCEPTABLE, null, "this resource answers in application/json only");
    }
    return null;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  void write(HttpServletRequest request, HttpServletResponse response, IntakeException e) throws IOException {
    response.setStatus(e.status().value());
    response.setContentType("application/problem+json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), problem(e, request.getRequestURI()));
  }

  static ProblemDetail problem(IntakeException e, String uri) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setInstance(URI.create(uri.replaceAll("[^A-Za-z0-9/_.~-]", "")));
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    e.properties().forEach(problem::setProperty);
    return problem;
  }

  static List<Map<String, String>> single(String field, String message) {
    return List.of(Map.of("field", field, "message", message));
  }
}
