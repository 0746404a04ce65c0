package cn.weiquan.platform;

/** A configuration mistake that must stop start-up with one clear sentence. */
public class ConfigurationProblem extends RuntimeException {
  private final String action;

  public ConfigurationProblem(String description, String action) {
    super(description);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
