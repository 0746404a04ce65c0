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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /api. Parties' systems (api-clients) log in with their client id and secret ({@link ApiClients}: no
 * per-account lockout), staff with their engine user and password (the engine's login delay applies, as in the
 * webapps). Failed logins are throttled per source address ({@link LoginThrottle}: 429). A missing or wrong login gets
 * 401 as a problem detail; nothing else is served.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;
  private final ApiClients clients;
  private final LoginThrottle throttle;

  public ApiAuthenticationFilter(IdentityService identity, ApiClients clients, LoginThrottle throttle) {
    this.identity = identity;
    this.clients = clients;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    long wait = throttle.retryAfterSeconds(address);
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
      problem(request, response, 429, "Too Many Requests",
          "too many failed logins from this address; try again in " + wait + " s");
      return;
    }
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    if (credentials == null || !authenticated(credentials[0], credentials[1])) {
      if (credentials != null) {
        throttle.failed(address);
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"weiquan\", charset=\"UTF-8\"");
      problem(request, response, 401, "Unauthorized",
          "HTTP Basic authentication with a Weiquan user or api client is required");
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
      return clients.verify(user, secret) || (!clients.hasSecret(user) && clients.migrate(user, secret));
    }
    return identity.checkPassword(user, secret);
  }

  private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
      String detail) throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~%-]", "") + "\"}");
  }

  static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
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
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity, ApiClients clients,
        LoginThrottle apiLoginThrottle) {
      FilterRegistrationBean<ApiAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, clients, apiLoginThrottle));
      registration.setName("api-authentication");
      registration.addUrlPatterns("/api/*");
      registration.setOrder(2);
      return registration;
    }
  }
}
