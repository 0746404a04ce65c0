package cn.weiquan.operations;

import cn.weiquan.platform.AccessModel;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /actuator: the two probes a load balancer or Kubernetes asks are anonymous (they say UP or not,
 * nothing more); every other endpoint, /actuator/prometheus included, needs an engine login (HTTP
 * Basic) of a user the access model lets into the application "monitoring": camunda-admin and the
 * monitoring group ({@link AccessModel}).
 */
@Configuration
public class ActuatorAccess {
  static final Set<String> ANONYMOUS =
      Set.of("/actuator/health/liveness", "/actuator/health/readiness");

  @Bean
  FilterRegistrationBean<MonitoringLogin> actuatorLogin(
      IdentityService identity, AuthorizationService authorizations) {
    FilterRegistrationBean<MonitoringLogin> registration =
        new FilterRegistrationBean<>(new MonitoringLogin(identity, authorizations));
    registration.setName("actuator-login");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(1);
    return registration;
  }

  static class MonitoringLogin extends OncePerRequestFilter {
    private final IdentityService identity;
    private final AuthorizationService authorizations;

    MonitoringLogin(IdentityService identity, AuthorizationService authorizations) {
      this.identity = identity;
      this.authorizations = authorizations;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (ANONYMOUS.contains(path)) {
        chain.doFilter(request, response);
        return;
      }
      String[] login = basic(request.getHeader("Authorization"));
      if (login == null || !identity.checkPassword(login[0], login[1])) {
        response.setHeader(
            "WWW-Authenticate", "Basic realm=\"weiquan monitoring\", charset=\"UTF-8\"");
        problem(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "log in as camunda-admin or a member of monitoring");
        return;
      }
      List<String> groups =
          identity.createGroupQuery().groupMember(login[0]).list().stream()
              .map(Group::getId)
              .toList();
      if (!authorizations.isUserAuthorized(
          login[0],
          groups,
          Permissions.ACCESS,
          Resources.APPLICATION,
          AccessModel.MONITORING_APPLICATION)) {
        problem(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "only camunda-admin and monitoring read /actuator");
        return;
      }
      chain.doFilter(request, response);
    }

    private static String[] basic(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0
            ? null
            : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }

    private static void problem(HttpServletResponse response, int status, String detail)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/problem+json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + (status == 401 ? "Unauthorized" : "Forbidden")
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\"}");
    }
  }
}
