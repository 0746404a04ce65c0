package cn.weiquan.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for /api with the engine's own users (the same accounts as Tasklist and
 * /engine-rest). A missing or wrong login gets 401 as a problem detail; nothing else is served.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  public ApiAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = basicCredentials(request.getHeader("Authorization"));
    if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"weiquan\", charset=\"UTF-8\"");
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write(
          "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
              + "\"detail\":\"HTTP Basic authentication with a Weiquan user is required\","
              + "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
      return;
    }
    Set<String> groups =
        identity.createGroupQuery().groupMember(credentials[0]).list().stream()
            .map(Group::getId)
            .collect(Collectors.toUnmodifiableSet());
    request.setAttribute(ApiCaller.REQUEST_ATTRIBUTE, new ApiCaller(credentials[0], groups));
    chain.doFilter(request, response);
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
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
      FilterRegistrationBean<ApiAuthenticationFilter> registration =
          new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
      registration.setName("api-authentication");
      registration.addUrlPatterns("/api/*");
      registration.setOrder(2);
      return registration;
    }
  }
}
