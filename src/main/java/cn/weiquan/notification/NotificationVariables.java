package cn.weiquan.notification;

/** The process variables the notify task reads and writes, named once. */
public final class NotificationVariables {

  /**
   * Input of the notify task: the event code, which names the template
   * (mail/&lt;event&gt;.mustache).
   */
  public static final String MAIL_EVENT = "mailEvent";

  /** Input of the notify task: recipient roles, comma separated (consumer,merchant). */
  public static final String MAIL_TO = "mailTo";

  /** Optional input of the notify task: the name of a stored deadline variable (a Date). */
  public static final String MAIL_DEADLINE = "mailDeadline";

  /**
   * Output on the process instance: the Message-IDs of every mail sent for the case, one per line.
   */
  public static final String MAIL_MESSAGE_IDS = "mailMessageIds";

  /** The case number every template shows. */
  public static final String CASE_NO = "caseNo";

  /**
   * Suffix the calendar gives the legal basis of a stored deadline (evidenceDue →
   * evidenceDueBasis).
   */
  public static final String BASIS_SUFFIX = "Basis";

  /**
   * Confidential identity of a person who reported a violation: reporterName, reporterPhone,
   * reporterEmail, reporterIdCard.
   */
  public static final String REPORTER_PREFIX = "reporter";

  /** Added to the template model. */
  public static final String MODEL_DEADLINE = "deadline";

  public static final String MODEL_DEADLINE_BASIS = "deadlineBasis";
  public static final String MODEL_RECIPIENT_ROLE = "recipientRole";
  public static final String MODEL_RECIPIENT_NAME = "recipientName";

  private NotificationVariables() {}
}
