package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.platform.EngineClock;
import cn.weiquan.rules.eligibility.EligibilityFacts;
import cn.weiquan.rules.eligibility.EligibilityResult;
import cn.weiquan.rules.eligibility.EligibilityService;
import cn.weiquan.rules.periods.DisputePeriods;
import cn.weiquan.rules.periods.PeriodCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckEligibility: checks the registration has what a case needs (a start over the REST API
 * or the engine may lack what the start form requires: 400, nothing started), sets the flags the
 * gateways and the open-channels decision read (so a form that hid them does not break a
 * condition), and asks whether the case can be accepted: eligible and, when the rules have
 * something to say, the reasons (reason: what the consumer is told; basis: the law behind it;
 * eligibilityCodes for reports). On a purchase at a distance it records whether a no-reason return
 * (消法 Art. 25) is still in time, and on a platform complaint with a filing window (恶意评价, 恶意骚扰)
 * whether it was filed in time — late, the platform channel is not offered. Whether punitive sums
 * may be claimed is asked where they are computed (Task_QuoteClaims).
 */
@Component("checkEligibility")
public class CheckEligibilityDelegate implements JavaDelegate {

  static final String NATURAL_PERSON = "naturalPerson";
  static final String PURPOSE = "purpose";
  static final String ELIGIBILITY_CODES = "eligibilityCodes";

  /**
   * Optional facts of a filing: an exception to no-reason return, the kind of platform complaint,
   * the trade's completion.
   */
  static final String RETURN_EXCEPTION = "returnException";

  static final String PLATFORM_COMPLAINT = "platformComplaint";
  static final String TRADE_COMPLETED_ON = "tradeCompletedOn";

  /**
   * What the checks recorded: outcome code (in-time, late, not-yet-open, not-applicable) and the
   * message with the last day and the basis.
   */
  static final String RETURN_WINDOW = "returnWindow";

  static final String PLATFORM_FILING = "platformFiling";

  /**
   * Read by dispute-open-channels: false when a platform complaint was filed after its window; set
   * only on a platform complaint (unset reads as open).
   */
  static final String PLATFORM_FILING_OPEN = "platformFilingOpen";

  /**
   * What a registration cannot do without (the start form requires them; a start over the REST API
   * may lack them).
   */
  static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put(CONSUMER_NAME, "消费者姓名");
    REQUIRED.put(MERCHANT_NAME, "经营者");
    REQUIRED.put(ITEM_NAME, "商品或服务");
    REQUIRED.put(DESCRIPTION, "纠纷经过");
  }

  /** Dates of a registration that lie in the past by their nature. */
  static final Map<String, String> DATES_NOT_IN_FUTURE = new LinkedHashMap<>();

  static {
    DATES_NOT_IN_FUTURE.put(PAID_AT, "付款日期");
    DATES_NOT_IN_FUTURE.put(RECEIVED_AT, "收货日期");
    DATES_NOT_IN_FUTURE.put(HARM_KNOWN_ON, "知道权益受损的日期");
  }

  private final EligibilityService eligibility;
  private final DisputePeriods periods;

  public CheckEligibilityDelegate(EligibilityService eligibility, DisputePeriods periods) {
    this.eligibility = eligibility;
    this.periods = periods;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requireRegistration(execution);
    asBoolean(execution, REPORT_VIOLATION);
    asBoolean(execution, ARBITRATION_AGREEMENT);
    if (!execution.hasVariable(PLATFORM)) {
      execution.setVariable(PLATFORM, null);
    }
    // tried<Channel> is set when a channel starts (enterStage); the open-channels table reads a
    // missing one as not tried

    EligibilityResult result = eligibility.check(caseFacts(execution, "negotiation"));
    execution.setVariable(ELIGIBLE, result.eligible());
    if (!result.reasons().isEmpty()) {
      // an eligible case without remarks has nothing to record here
      execution.setVariable(
          ELIGIBILITY_CODES,
          result.reasons().stream()
              .map(EligibilityResult.Reason::code)
              .collect(Collectors.joining(",")));
      execution.setVariable(
          REASON,
          result.reasons().stream()
              .map(EligibilityResult.Reason::message)
              .collect(Collectors.joining("\n")));
      execution.setVariable(
          BASIS,
          result.reasons().stream()
              .map(EligibilityResult.Reason::basis)
              .distinct()
              .collect(Collectors.joining("；")));
    }

    Date today = EngineClock.now();
    Date received = date(execution, RECEIVED_AT);
    if (received != null) {
      record(
          execution,
          RETURN_WINDOW,
          periods.noReasonReturn(
              string(execution, PURCHASE_CHANNEL),
              string(execution, RETURN_EXCEPTION),
              received,
              today));
    }
    String complaint = string(execution, PLATFORM_COMPLAINT);
    if (complaint != null) {
      // only a platform complaint has a filing window: without one there is nothing to record, and
      // the open-channels table reads the flag left unset as open
      PeriodCheck filing =
          periods.platformFiling(complaint, date(execution, TRADE_COMPLETED_ON), today);
      record(execution, PLATFORM_FILING, filing);
      execution.setVariable(PLATFORM_FILING_OPEN, filing.outcome() != PeriodCheck.Outcome.LATE);
    }
  }

  /**
   * returnWindow = in-time (the outcome, to filter cases by), returnWindowNote = the message, which
   * names the last day where there is one ("…截至 2026-03-04 24:00…"), and its basis.
   */
  private static void record(DelegateExecution execution, String name, PeriodCheck check) {
    execution.setVariable(name, check.outcome().code());
    execution.setVariable(name + "Note", check.message() + "（依据：" + check.basis() + "）");
  }

  private static void requireRegistration(DelegateExecution execution) {
    List<String> missing = new ArrayList<>();
    REQUIRED.forEach(
        (name, label) -> {
          if (string(execution, name) == null) {
            missing.add(label + "（" + name + "）");
          }
        });
    if (string(execution, CONSUMER_PHONE) == null && string(execution, CONSUMER_EMAIL) == null) {
      missing.add("消费者电话或邮箱（consumerPhone / consumerEmail）");
    }
    if (date(execution, HARM_KNOWN_ON) == null
        && date(execution, RECEIVED_AT) == null
        && date(execution, PAID_AT) == null) {
      missing.add("知道权益受损、收货或付款的日期（harmKnownOn / receivedAt / paidAt）");
    }
    if (!missing.isEmpty()) {
      // the caller's mistake, answered as 400 by the engine's REST API and shown in Tasklist;
      // nothing is started
      throw new BadUserRequestException("登记不完整，缺少：" + String.join("、", missing));
    }
    // the start form cannot compare a date with today (form-js): a purchase or harm in the future
    // is refused here
    LocalDate today = EngineClock.today();
    List<String> future = new ArrayList<>();
    DATES_NOT_IN_FUTURE.forEach(
        (name, label) -> {
          LocalDate value = day(execution, name);
          if (value != null && value.isAfter(today)) {
            future.add(label + "（" + cn.weiquan.calendar.ChineseDates.day(value) + "）");
          }
        });
    if (!future.isEmpty()) {
      throw new BadUserRequestException(
          String.join("、", future) + "不能晚于今天（" + cn.weiquan.calendar.ChineseDates.day(today) + "）");
    }
  }

  /**
   * A flag a form sent as text, or left out, becomes a Boolean; one that is a Boolean already is
   * not written again.
   */
  private static void asBoolean(DelegateExecution execution, String name) {
    if (!(execution.getVariable(name) instanceof Boolean)) {
      execution.setVariable(name, flag(execution, name));
    }
  }

  /**
   * The case's facts as the eligibility rules read them, for a case brought before {@code channel}
   * today.
   */
  static EligibilityFacts caseFacts(DelegateExecution execution, String channel) {
    LocalDate today = EngineClock.today();
    // a consumer registering a dispute is a natural person buying for living consumption unless the
    // case says
    // otherwise; a channel receives these facts by an in-mapping, which passes an unset fact on as
    // null
    boolean naturalPerson =
        execution.getVariable(NATURAL_PERSON) == null || flag(execution, NATURAL_PERSON);
    String purpose =
        string(execution, PURPOSE) == null ? "living-consumption" : string(execution, PURPOSE);
    LocalDate harmKnownOn =
        firstPresent(
            day(execution, HARM_KNOWN_ON), day(execution, RECEIVED_AT), day(execution, PAID_AT));
    Integer quantity = integer(execution, QUANTITY);
    return new EligibilityFacts(
            naturalPerson, purpose, harmKnownOn, today, channel, List.of(), null, null)
        .withPurchase(quantity, 0, flag(execution, "foodOrDrug"));
  }

  private static LocalDate firstPresent(LocalDate... days) {
    for (LocalDate day : days) {
      if (day != null) {
        return day;
      }
    }
    return null;
  }
}
