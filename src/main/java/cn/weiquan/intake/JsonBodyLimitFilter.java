package cn.weiquan.intake;

import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiProblems;
import cn.weiquan.api.ApiProblems.BodyTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a non-multipart body above weiquan.intake.max-json-body with 413 on the parties'
 * endpoints: by its declared length before reading, or, when it is sent chunked, as soon as the
 * limit is passed while reading. Multipart uploads have their own limits
 * (spring.servlet.multipart.*, weiquan.intake.evidence.*).
 */
public class JsonBodyLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ApiProblems problems;

  public JsonBodyLimitFilter(long limit, ApiProblems problems) {
    this.limit = limit;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      problems.write(
          request,
          response,
          new ApiException(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "body",
              "too-large",
              "请求体有 " + request.getContentLengthLong() + " 字节，超过 " + limit + " 字节的上限",
              "the request body has "
                  + request.getContentLengthLong()
                  + " bytes; the limit is "
                  + limit));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              private void count(long n) throws BodyTooLargeException {
                read += Math.max(n, 0);
                if (read > limit) {
                  throw new BodyTooLargeException(limit);
                }
              }

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                count(n);
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> intakeBodyLimit(
        IntakeProperties properties, ApiProblems problems) {
      FilterRegistrationBean<JsonBodyLimitFilter> registration =
          new FilterRegistrationBean<>(
              new JsonBodyLimitFilter(properties.maxJsonBody().toBytes(), problems));
      registration.setName("intake-body-limit");
      registration.addUrlPatterns("/api/disputes/*", "/api/complaints/*");
      registration.setOrder(3); // after the /api login (order 2): strangers get 401, not 413
      return registration;
    }
  }
}
