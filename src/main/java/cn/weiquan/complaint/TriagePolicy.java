package cn.weiquan.complaint;

import java.util.Map;

/**
 * The handling mode that belongs to a level, for a level a handler sets by hand (the rule table
 * gives both for its own result): the seed's 一般 → 协商解决, 重要 → 组织会议讨论, 紧急 → 立即采取紧急措施.
 */
public final class TriagePolicy {
  public static final String GENERAL = "一般";
  public static final String IMPORTANT = "重要";
  public static final String URGENT = "紧急";

  private static final Map<String, String> MODES =
      Map.of(GENERAL, "negotiate", IMPORTANT, "committee", URGENT, "emergency");

  /**
   * The codes of the accept form's 调整投诉等级 (severityOverride), like every other option of a form.
   */
  private static final Map<String, String> OVERRIDE_CODES =
      Map.of("general", GENERAL, "important", IMPORTANT, "urgent", URGENT);

  private TriagePolicy() {}

  /** The level a handler chose by its code; null for none. */
  public static String levelOf(String overrideCode) {
    if (overrideCode == null) {
      return null;
    }
    String level = OVERRIDE_CODES.get(overrideCode);
    if (level == null) {
      throw new IllegalArgumentException(
          "未知的投诉等级代码: " + overrideCode + "（应为 general、important 或 urgent）");
    }
    return level;
  }

  public static String handlingModeFor(String severity) {
    String mode = MODES.get(severity);
    if (mode == null) {
      throw new IllegalArgumentException("未知的投诉等级: " + severity + "（应为 一般、重要 或 紧急）");
    }
    return mode;
  }
}
