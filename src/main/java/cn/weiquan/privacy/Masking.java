package cn.weiquan.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking rule for personal data in logs (PIPL Art. 51; the complaint rules' 保密原则). Every
 * log line passes {@link #text(String)} (logback-spring.xml: %m and %wEx), which masks what can be
 * recognised: e-mail addresses, Chinese mobile and fixed-line numbers, 18-digit ID card numbers and
 * any run of 11 or more digits. Names cannot be recognised in free text, so code never logs one in
 * clear: it logs the case number, or {@link #name(String)} where a person must be told apart.
 */
public final class Masking {
  private static final Pattern EMAIL =
      Pattern.compile(
          "([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*(@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
  private static final Pattern ID_CARD =
      Pattern.compile("(?<![0-9A-Za-z])(\\d{4})\\d{10}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])((?:\\+?86[ -]?)?1[3-9]\\d)[ -]?\\d{4}[ -]?(\\d{4})(?![0-9])");
  private static final Pattern FIXED_LINE =
      Pattern.compile("(?<![0-9-])(0\\d{2,3})[ -]?\\d{3,4}[ -]?(\\d{4})(?![0-9])");
  private static final Pattern LONG_NUMBER =
      Pattern.compile("(?<![0-9])(\\d{3})\\d{5,}(\\d{3})(?![0-9])");

  private Masking() {}

  /**
   * The text with every recognisable e-mail, phone, ID card and long number masked; null stays
   * null.
   */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = replace(EMAIL, text, m -> m.group(1) + "***" + m.group(2));
    masked = replace(ID_CARD, masked, m -> m.group(1) + "**********" + m.group(2));
    masked = replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(2));
    masked = replace(FIXED_LINE, masked, m -> m.group(1) + "-****" + m.group(2));
    return replace(LONG_NUMBER, masked, m -> m.group(1) + "*****" + m.group(2));
  }

  /** 张三 → 张*; the family name alone identifies no one. Absent → "-". */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "-";
    }
    String n = name.strip();
    return n.charAt(0) + "*".repeat(Math.max(1, n.codePointCount(0, n.length()) - 1));
  }

  /** 13812345678 → 138****5678; absent → "-". */
  public static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return "-";
    }
    String digits = phone.strip();
    if (digits.length() < 7) {
      return "*".repeat(Math.max(0, digits.length() - 2))
          + digits.substring(Math.max(0, digits.length() - 2));
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** zhang.san@example.com → z***@example.com; absent → "-". */
  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return "-";
    }
    int at = email.lastIndexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> mask) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
