package cn.weiquan.notification;

import cn.weiquan.platform.WeiquanGroups;
import cn.weiquan.privacy.PersonalData;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who a mail goes to, where the address is kept, and which of the case's variables may reach them.
 * The filter is applied to the template model before rendering, whatever a text asks for: personal
 * data reaches only the party that needs it for the case.
 */
public enum RecipientRole {
  /**
   * The consumer sees the case, the merchant's name and address for the dispute, never a reporter's
   * identity.
   */
  CONSUMER("consumer", "consumerEmail", "consumerName", variable -> !isReporter(variable)),
  /**
   * The merchant learns who complained (to settle with them) and what they claim, but neither how
   * to reach the consumer outside the case nor who reported a violation.
   */
  MERCHANT(
      "merchant",
      "merchantEmail",
      "merchantName",
      variable ->
          !isReporter(variable)
              && (!PersonalData.CONTACT.contains(variable)
                  || Set.of("consumerName", "merchantEmail").contains(variable))),
  /**
   * The e-commerce platform decides on the facts: the consumer's name, no other contact data of
   * anyone. Without a platformEmail on the case it goes to the platform's reviewers (the
   * platform-reviewers group).
   */
  PLATFORM(
      "platform",
      "platformEmail",
      null,
      variable ->
          !isReporter(variable)
              && (!PersonalData.CONTACT.contains(variable) || variable.equals("consumerName"))) {
    @Override
    public String staffGroup() {
      return WeiquanGroups.PLATFORM_REVIEWERS;
    }
  },
  /** The customer of a company's complaint desk. */
  COMPLAINANT(
      "complainant", "complainantEmail", "complainantName", variable -> !isReporter(variable)),
  /**
   * Mediators read the case in Tasklist; a mail to them carries no personal data at all. Without a
   * mediatorEmail on the case it goes to every member of the mediators group who has an address.
   */
  MEDIATOR(
      "mediator",
      "mediatorEmail",
      null,
      variable -> !isReporter(variable) && !PersonalData.CONTACT.contains(variable)) {
    @Override
    public String staffGroup() {
      return WeiquanGroups.MEDIATORS;
    }
  },
  /**
   * Whoever reported a violation to the regulator learns the outcome of the report and nothing else
   * of the case: the reporter may be someone other than the consumer.
   */
  REPORTER(
      "reporter",
      "reporterEmail",
      "reporterName",
      Set.of(
              NotificationVariables.CASE_NO,
              "merchantName",
              "itemName",
              "reportOutcome",
              "regulatorAcceptedAt",
              "reporterName")
          ::contains);

  private final String code;
  private final String addressVariable;
  private final String nameVariable;
  private final Predicate<String> mayRead;

  RecipientRole(
      String code, String addressVariable, String nameVariable, Predicate<String> mayRead) {
    this.code = code;
    this.addressVariable = addressVariable;
    this.nameVariable = nameVariable;
    this.mayRead = mayRead;
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

  /**
   * For a role played by staff: the engine group whose members are mailed when the case names no
   * one; else null.
   */
  public String staffGroup() {
    return null;
  }

  /** Whether the case variable may be put into a mail to this role. */
  public boolean mayRead(String variable) {
    return mayRead.test(variable);
  }

  /** The template model's flag for this role: forConsumer, forMerchant, ... */
  public String modelFlag() {
    return "for" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
  }

  static boolean isReporter(String variable) {
    return variable.toLowerCase(Locale.ROOT).startsWith(NotificationVariables.REPORTER_PREFIX);
  }

  public static RecipientRole of(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(role -> role.code.equals(wanted))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown mail recipient role '" + code + "'"));
  }
}
