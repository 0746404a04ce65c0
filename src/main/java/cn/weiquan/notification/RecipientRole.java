package cn.weiquan.notification;

import java.util.Arrays;
import java.util.Locale;

/** Who a mail goes to, where the address is kept, and whether a reporter's identity may reach them. */
public enum RecipientRole {
  CONSUMER("consumer", "consumerEmail", "consumerName", true),
  MERCHANT("merchant", "merchantEmail", "merchantName", false),
  PLATFORM("platform", "platformEmail", null, false),
  COMPLAINANT("complainant", "complainantEmail", "complainantName", true),
  // mediators see the case in Tasklist; mail carries no more than they need
  MEDIATOR("mediator", "mediatorEmail", null, false);

  private final String code;
  private final String addressVariable;
  private final String nameVariable;
  private final boolean mayReadReporter;

  RecipientRole(String code, String addressVariable, String nameVariable, boolean mayReadReporter) {
    this.code = code;
    this.addressVariable = addressVariable;
    this.nameVariable = nameVariable;
    this.mayReadReporter = mayReadReporter;
  }

  public String code() {
    return code;
  }

  public String addressVariable() {
    return addressVariable;
  }

  /** The variable holding the recipient's name for the greeting, or null. */
  public String nameVariable() {
    return nameVariable;
  }

  /** Only the parties on the reporting side; respondents (merchant, platform) never get reporter* data. */
  public boolean mayReadReporter() {
    return mayReadReporter;
  }

  /** The template model's flag for this role: forConsumer, forMerchant, ... */
  public String modelFlag() {
    return "for" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
  }

  public static RecipientRole of(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(role -> role.code.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown mail recipient role '" + code + "'"));
  }
}
