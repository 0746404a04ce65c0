package cn.weiquan.complaint;

/** 保密原则: the complainant's contact data never reaches a log in clear. */
public final class ContactMasking {
  private ContactMasking() {}

  /** 13812345678 → 138****5678; short numbers keep only their last two digits. */
  public static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return "-";
    }
    String digits = phone.strip();
    if (digits.length() < 7) {
      return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** zhang.san@example.com → z***@example.com */
  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return "-";
    }
    int at = email.indexOf('@');
    return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  /** 张三 → 张*; the family name alone identifies no one. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "-";
    }
    String n = name.strip();
    return n.charAt(0) + "*".repeat(Math.max(1, n.length() - 1));
  }
}
