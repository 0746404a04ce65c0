package cn.weiquan.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /api. Parties' systems (api-clients) log in with their client id and secret
 * ({@link ApiClients}: no per-account lockout), staff with their engine user and password (the
 * engine's login delay applies, as in the webapps). Failed logins are throttled per source address
 * ({@link LoginThrottle}: 429). A missing or wrong login gets 401 as a problem detail; nothing else
 * is served.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final ApiClients clients;
  private final LoginThrottle throttle;
  private final ApiProblems problems;

  public ApiAuthenticationFilter(
      IdentityService identity, ApiClients clients, LoginThrottle throttle, ApiProblems problems) {
    this.identity = identity;
    this.clients = clients;
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    long wait = throttle.retryAfterSeconds(address);
    if (wait > 0) {
      problems.write(
          request,
          response,
          new ApiException(
                  HttpStatus.TOO_MANY_REQUESTS,
                  null,
                  "too-many-logins",
                  "此地址登录失败次数过多，请 " + wait + " 秒后再试",
                  "too many failed logins from this address; try again in " + wait + " s")
              .withHeader("Retry-After", Long.toString(wait)));
      return;
    }
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    if (credentials == null || !authenticated(credentials[0], credentials[1])) {
      if (credentials != null) {
        throttle.failed(address);
      }
      problems.write(
          request,
          response,
          new ApiException(
                  HttpStatus.UNAUTHORIZED,
                  null,
                  "unauthorized",
                  "需要以 HTTP Basic 方式登录：维权平台用户或接口客户端的账号和密码",
                  "HTTP Basic authentication with a Weiquan user or api client is required")
              .withHeader("WWW-Authenticate", "Basic realm=\"weiquan\", charset=\"UTF-8\""));
      return;
    }
    Set<String> groups =
        identity.createGroupQuery().groupMember(credentials[0]).list().stream()
            .map(Group::getId)
            .collect(Collectors.toUnmodifiableSet());
    request.setAttribute(ApiCaller.REQUEST_ATTRIBUTE, new ApiCaller(credentials[0], groups));
    chain.doFilter(request, response);
  }

  private boolean authenticated(String user, String secret) {
    if (clients.isClient(user)) {
      return clients.verify(user, secret)
          || (!clients.hasSecret(user) && clients.migrate(user, secret));
    }
    return identity.checkPassword(user, secret);
  }

  static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  @Configuration
  static class Registration {
    @Bean
    LoginThrottle apiLoginThrottle(
        @Value("${weiquan.security.api-login.max-failures:10}") int maxFailures,
        @Value("${weiquan.security.api-login.window:PT1M}") Duration window,
        @Value("${weiquan.security.api-login.block:PT1M}") Duration block) {
      return new LoginThrottle(maxFailures, window, block, System::nanoTime);
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
        IdentityService identity,
        ApiClients clients,
        LoginThrottle apiLoginThrottle,
        ApiProblems problems) {
      FilterRegistrationBean<ApiAuthenticationFilter> registration =
          new FilterRegistrationBean<>(
              new ApiAuthenticationFilter(identity, clients, apiLoginThrottle, problems));
      registration.setName("api-authentication");
      registration.addUrlPatterns("/api/*");
      registration.setOrder(2);
      return registration;
    }
  }
}
