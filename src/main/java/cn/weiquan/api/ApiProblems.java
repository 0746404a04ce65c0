package cn.weiquan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one problem renderer of /api: every error of a Weiquan controller or of a request under /api
 * (including those raised before a controller is chosen: unknown path, method, media type, an
 * upload over the multipart limit) is written as RFC 9457 problem details: {@code type}, {@code
 * title}, {@code status}, {@code detail} in Chinese, {@code instance}, a machine {@code code}, the
 * {@code field} at fault, {@code errors} (field, code, detail, message) and {@code detailEn}. The
 * /api filters (login, body limit) write their refusals with {@link #write} too. Nothing a caller
 * sends gives a 500: an unexpected exception is logged and answered 500 without its text.
 */
@Component
public class ApiProblems implements HandlerExceptionResolver, Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);
  private final ObjectMapper json;

  public ApiProblems(ObjectMapper json) {
    this.json = json; // the application's: dates in problems as in answers
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE
        + 10; // after Spring Boot's DefaultErrorAttributes, before Spring MVC's resolvers
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!ours(request, handler)) {
      return null;
    }
    try {
      write(request, response, translate(ex, request));
    } catch (IOException clientGone) {
      // nothing left to tell a client that hung up
    }
    return new ModelAndView();
  }

  private static boolean ours(HttpServletRequest request, Object handler) {
    if (handler instanceof HandlerMethod method) {
      return method.getBeanType().getPackageName().startsWith("cn.weiquan");
    }
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  /** The problem for any exception raised while answering /api. */
  static ApiException translate(Exception ex, HttpServletRequest request) {
    if (ex instanceof ApiException api) {
      return api;
    }
    if (ex instanceof MaxUploadSizeExceededException tooBig) {
      String limit =
          tooBig.getMaxUploadSize() < 0
              ? "the server's limit"
              : tooBig.getMaxUploadSize() + " bytes";
      return new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "files",
          "too-large",
          "上传的文件超过大小上限",
          "the upload exceeds " + limit);
    }
    if (ex instanceof MultipartException) {
      return ApiException.badRequest(
          "body",
          "invalid-multipart",
          "请求体不是可读的 multipart/form-data",
          "the request body is not a readable multipart/form-data body");
    }
    if (ex instanceof HttpMessageNotReadableException
        && causedBy(ex, BodyTooLargeException.class)) {
      return new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "body",
          "too-large",
          "请求体超过大小上限",
          "the request body exceeds the configured limit");
    }
    if (ex instanceof HttpMessageNotReadableException) {
      return ApiException.badRequest(
          "body", "required", "请求体缺失或无法读取", "the request body is missing or unreadable");
    }
    if (ex instanceof MissingServletRequestParameterException missing) {
      return ApiException.required(missing.getParameterName());
    }
    if (ex instanceof MissingServletRequestPartException missing) {
      return ApiException.required(missing.getRequestPartName());
    }
    if (ex instanceof MissingRequestHeaderException missing) {
      return ApiException.required(missing.getHeaderName());
    }
    if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
      return ApiException.badRequest(
          mismatch.getName(),
          "invalid-value",
          "「" + mismatch.getName() + "」的值无效",
          "'" + mismatch.getName() + "' has an invalid value");
    }
    if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
      return generic(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          "不支持该内容类型；请以 " + unsupported.getSupportedMediaTypes() + " 发送",
          unsupported.getMessage(),
          unsupported);
    }
    if (ex instanceof HttpMediaTypeNotAcceptableException unacceptable) {
      // written as problem+json whatever the Accept header asked for
      return generic(
          HttpStatus.NOT_ACCEPTABLE,
          "not-acceptable",
          "此资源只以 application/json 答复",
          "this resource answers in application/json only",
          unacceptable);
    }
    if (ex instanceof HttpRequestMethodNotSupportedException method) {
      return generic(
          HttpStatus.METHOD_NOT_ALLOWED,
          "method-not-allowed",
          "此资源不支持 " + method.getMethod() + " 请求",
          method.getMessage(),
          method);
    }
    if (ex instanceof NoResourceFoundException notFound) {
      return generic(HttpStatus.NOT_FOUND, "not-found", "没有这个资源", "no such resource", notFound);
    }
    if (ex instanceof ErrorResponse other && other.getStatusCode().is4xxClientError()) {
      HttpStatus status = HttpStatus.valueOf(other.getStatusCode().value());
      String detail = other.getBody().getDetail();
      return generic(
          status,
          "client-error",
          "请求无法处理（" + status.value() + "）",
          detail == null ? status.getReasonPhrase() : detail,
          other);
    }
    LOG.error("Unexpected error on {}", request.getRequestURI(), ex);
    return new ApiException(
        HttpStatus.INTERNAL_SERVER_ERROR,
        null,
        "internal-error",
        "服务器内部错误，已记录，请稍后再试",
        "an unexpected error occurred; it has been logged");
  }

  // keeps the headers Spring gives such an answer (Allow, Accept)
  private static ApiException generic(
      HttpStatus status, String code, String detail, String message, ErrorResponse source) {
    ApiException problem = new ApiException(status, null, code, detail, message);
    source
        .getHeaders()
        .forEach((name, values) -> problem.withHeader(name, String.join(", ", values)));
    return problem;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the problem as the whole answer (also for filters, before any controller). */
  public void write(HttpServletRequest request, HttpServletResponse response, ApiException e)
      throws IOException {
    response.setStatus(e.status().value());
    e.headers().forEach(response::setHeader);
    response.setContentType("application/problem+json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), body(e, request.getRequestURI()));
  }

  /** The problem's members, in the order RFC 9457 lists them, then Weiquan's. */
  static Map<String, Object> body(ApiException e, String uri) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", e.status().getReasonPhrase());
    body.put("status", e.status().value());
    body.put("detail", e.detail());
    body.put("instance", uri.replaceAll("[^A-Za-z0-9/_.~-]", ""));
    body.put("code", e.code());
    if (e.field() != null) {
      body.put("field", e.field());
    }
    if (!e.errors().isEmpty()) {
      body.put("errors", e.errors());
    }
    body.put("detailEn", e.getMessage());
    body.putAll(e.properties());
    return body;
  }

  /**
   * Thrown while reading a body past its limit (see the intake's body limit); answered 413 naming
   * "body".
   */
  public static class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }
}
