package cn.weiquan.intake.dispute;

import com.fasterxml.jackson.annotation.JsonValue;

/** The codes a dispute filing may use; anything else is refused with 400 naming the field. */
public final class DisputeCodes {
  private DisputeCodes() {}

  /** Where the goods or service were bought (purchaseChannel). */
  public enum PurchaseChannel {
    ONLINE_PLATFORM("online-platform"),
    ONLINE_SHOP("online-shop"),
    OFFLINE("offline"),
    SERVICE("service");
    private final String code;

    PurchaseChannel(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** What the dispute is about (category). */
  public enum Category {
    QUALITY("quality"),
    SERVICE("service"),
    FALSE_ADVERTISING("false-advertising"),
    NOT_AS_DESCRIBED("not-as-described"),
    LOGISTICS("logistics"),
    AFTER_SALES("after-sales"),
    OTHER("other");
    private final String code;

    Category(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** The e-commerce platform, if any (platform). */
  public enum Platform {
    TAOBAO("taobao"),
    TMALL("tmall"),
    JD("jd"),
    PDD("pdd"),
    OTHER("other");
    private final String code;

    Platform(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** The merchant's answer (MerchantResponse → merchantAnswer). */
  public enum MerchantAnswer {
    ACCEPT("accept"),
    OFFER("offer"),
    REJECT("reject");
    private final String code;

    MerchantAnswer(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** The consumer's decision (ConsumerDecision → consumerDecision). */
  public enum ConsumerDecision {
    ACCEPT("accept"),
    ESCALATE("escalate");
    private final String code;

    ConsumerDecision(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** Where an escalated dispute goes next (nextChannel). */
  public enum NextChannel {
    PLATFORM("platform"),
    ASSOCIATION("association"),
    REGULATOR("regulator"),
    ARBITRATION("arbitration"),
    COURT("court");
    private final String code;

    NextChannel(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  /** Who sends evidence (evidenceFrom). */
  public enum Party {
    CONSUMER("consumer", "消费者"),
    MERCHANT("merchant", "经营者");
    private final String code;
    private final String label;

    Party(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @JsonValue
    public String code() {
      return code;
    }

    /** How the case's record and its mails name the party. */
    public String label() {
      return label;
    }
  }

  /**
   * An official decision a party or the mediator reports (official-decisions), each the BPMN
   * message the case waits for.
   */
  public enum OfficialDecisionKind {
    REGULATOR_ACCEPTED("regulator-accepted", "RegulatorAccepted"),
    REGULATOR_OUTCOME("regulator-outcome", "RegulatorOutcome"),
    REPORT_OUTCOME("report-outcome", "ReportOutcome"),
    ARBITRATION_AWARD("arbitration-award", "ArbitrationAward"),
    JUDGMENT("judgment", "JudgmentReceived"),
    APPEAL("appeal", "Appealed"),
    ENFORCEMENT_OUTCOME("enforcement-outcome", "EnforcementOutcome");
    private final String code;
    private final String message;

    OfficialDecisionKind(String code, String message) {
      this.code = code;
      this.message = message;
    }

    @JsonValue
    public String code() {
      return code;
    }

    public String message() {
      return message;
    }
  }
}
