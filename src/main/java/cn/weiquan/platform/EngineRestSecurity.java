package cn.weiquan.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stock Camunda leaves /engine-rest open to anyone; Weiquan puts the engine's own HTTP Basic
 * authentication in front of it, so Camunda Modeler deploys with a user name and password and every
 * call runs with that user's authorizations. Parties' systems (api-clients) are refused at this
 * door whatever their grants: they act through /api, which checks the party.
 */
@Configuration
public class EngineRestSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(1);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<PartiesUseApi> engineRestRefusesParties(IdentityService identity) {
    FilterRegistrationBean<PartiesUseApi> registration =
        new FilterRegistrationBean<>(new PartiesUseApi(identity));
    registration.setName("engine-rest-refuses-parties");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(2); // inside the authentication filter's chain, where the caller is known
    return registration;
  }

  /** 403 for a member of api-clients, as RFC 9457 problem details. */
  static class PartiesUseApi extends OncePerRequestFilter {
    private final IdentityService identity;

    PartiesUseApi(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication caller = identity.getCurrentAuthentication();
      if (caller != null
          && caller.getGroupIds() != null
          && caller.getGroupIds().contains(WeiquanGroups.API_CLIENTS)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json;charset=UTF-8");
        response
            .getWriter()
            .write(
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"api clients act for parties through /api only, not through /engine-rest\"}");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
