package cn.weiquan.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code weiquan.security}: the administrator and whether the demo users exist. */
@ConfigurationProperties("weiquan.security")
public record SecurityProperties(Admin admin, boolean demoUsers) {

  public record Admin(String id, String password, String firstName, String lastName) {}
}
