package cn.weiquan.complaint;

import java.util.Map;

/**
 * The handling mode that belongs to a level, for a level a handler sets by hand (the rule table gives
 * both for its own result): the seed's 一般 → 协商解决, 重要 → 组织会议讨论, 紧急 → 立即采取紧急措施.
 */
public final class TriagePolicy {
  public static final String GENERAL = "一般";
  public static final String IMPORTANT = "重要";
  public static final String URGENT = "紧急";

  private static final Map<String, String> MODES =
      Map.of(GENERAL, "negotiate", IMPORTANT, "committee", URGENT, "emergency");

  private TriagePolicy() {}

  public static String handlingModeFor(String severity) {
    String mode = MODES.get(severity);
    if (mode == null) {
      throw new IllegalArgumentException("未知的投诉等级: " + severity + "（应为 一般、重要 或 紧急）");
    }
    return mode;
  }
}
