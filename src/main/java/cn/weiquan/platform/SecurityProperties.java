package cn.weiquan.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code weiquan.security}: the administrator, whether the demo users exist (local profile), and
 * whether demo accounts left in the database by a local run are removed at start (otherwise
 * start-up stops outside the local profile).
 */
@ConfigurationProperties("weiquan.security")
public record SecurityProperties(Admin admin, boolean demoUsers, boolean removeDemoUsers) {

  public record Admin(String id, String password, String firstName, String lastName) {}
}
