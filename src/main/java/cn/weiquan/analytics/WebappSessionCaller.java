package cn.weiquan.analytics;

import cn.weiquan.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who is logged in to the Camunda webapps in this browser session (Cockpit's login), for the one
 * endpoint a Cockpit plugin calls. The webapp keeps its logins in the HTTP session; the groups are
 * asked of the engine afresh, so a membership removed by an administrator counts at once.
 */
@Component
public class WebappSessionCaller {
  private final ProcessEngine engine;

  public WebappSessionCaller(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The logged-in user's groups; 401 without a webapp login. */
  Set<String> groups(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications logins =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication login =
        logins == null ? null : logins.getAuthenticationForProcessEngine(engine.getName());
    if (login == null || login.getIdentityId() == null) {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          null,
          "unauthorized",
          "请先登录流程监控（Cockpit）",
          "log in to the Camunda webapps (Cockpit) first");
    }
    IdentityService identity = engine.getIdentityService();
    return identity.createGroupQuery().groupMember(login.getIdentityId()).list().stream()
        .map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
  }
}
