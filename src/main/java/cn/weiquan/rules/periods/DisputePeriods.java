package cn.weiquan.rules.periods;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.rules.periods.PeriodCheck.Outcome;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The periods a consumer's dispute is checked against, on the legal clock ({@link Deadlines}: 民法典
 * Art. 201–203, the official calendar, the version of the period in force on the day it starts).
 * Each answer carries its last day and its basis, so a process can store and show it. Periods are
 * named in calendar/periods.yaml.
 */
@Component("disputePeriods")
public class DisputePeriods {
  public static final String NO_REASON_RETURN = "no-reason-return";
  public static final String REGULATOR_MEDIATION_LIMIT = "mediation-limit";
  public static final String ENFORCEMENT_APPLICATION = "enforcement-application";
  public static final String MALICIOUS_REVIEW_COMPLAINT = "platform-malicious-review-complaint";
  public static final String HARASSMENT_COMPLAINT = "platform-harassment-complaint";

  /**
   * Purchase channels of a distance sale (消法 Art. 25: 网络、电视、电话、邮购); the dispute's codes come first.
   */
  public static final Set<String> DISTANCE_SALES =
      Set.of("online-platform", "online-shop", "tv", "phone", "mail-order");

  /**
   * Goods excepted from the no-reason return by 消法 Art. 25 (1)–(4) and para. 2, as the case names
   * them.
   */
  public static final Map<String, String> RETURN_EXCEPTIONS =
      Map.of(
          "custom-made", "消费者定作的商品",
          "perishable", "鲜活易腐的商品",
          "digital-unsealed", "在线下载或者消费者拆封的音像制品、计算机软件等数字化商品",
          "newspapers", "交付的报纸、期刊",
          "confirmed-unsuitable", "根据商品性质并经消费者在购买时确认不宜退货的商品");

  /**
   * Platform complaints with a filing window after the trade completes, by the platform's violation
   * code.
   */
  public static final Map<String, String> FILING_WINDOWS =
      Map.of(
          "malicious-review", MALICIOUS_REVIEW_COMPLAINT,
          "harassment", HARASSMENT_COMPLAINT);

  private final Deadlines deadlines;

  public DisputePeriods(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  /**
   * Is a no-reason return asked in time (消法 Art. 25)? Seven days from receipt, the day of receipt
   * not counted, moved past a last day that is a rest day (民法典 Art. 201, 203); only for goods
   * bought at a distance, and not for the excepted goods.
   *
   * @param purchaseChannel online-platform | online-shop | tv | phone | mail-order (a distance
   *     sale), else not applicable
   * @param exception one of {@link #RETURN_EXCEPTIONS}' keys, or null for ordinary goods
   */
  public PeriodCheck noReasonReturn(
      String purchaseChannel, String exception, LocalDate receivedOn, LocalDate requestedOn) {
    String basis = deadlines.periods().get(NO_REASON_RETURN).versionOn(receivedOn).basis();
    if (purchaseChannel == null || !DISTANCE_SALES.contains(purchaseChannel)) {
      return new PeriodCheck(
          NO_REASON_RETURN,
          Outcome.NOT_APPLICABLE,
          null,
          null,
          "offline".equals(purchaseChannel) || "service".equals(purchaseChannel)
              ? "七日无理由退货仅适用于经营者采用网络、电视、电话、邮购等方式销售的商品；本案不适用。商品不符合质量要求的，仍可自收到商品之日起七日内要求退货。"
              : "购买方式不明，无法判断是否适用七日无理由退货。",
          basis + "；消费者权益保护法第二十四条");
    }
    if (exception != null && RETURN_EXCEPTIONS.containsKey(exception)) {
      return new PeriodCheck(
          NO_REASON_RETURN,
          Outcome.NOT_APPLICABLE,
          null,
          null,
          RETURN_EXCEPTIONS.get(exception) + "不适用七日无理由退货；商品不符合质量要求的，仍可依法要求退货、更换或者修理。",
          basis);
    }
    Deadline window = deadlines.compute(NO_REASON_RETURN, startOf(receivedOn));
    String period = "自收到商品之日（" + receivedOn + "）起七日内，截至 " + window.lastDay() + " 24:00";
    if (requestedOn.isBefore(receivedOn)) {
      return new PeriodCheck(
          NO_REASON_RETURN,
          Outcome.NOT_YET_OPEN,
          window.lastDay(),
          window.dueDate(),
          "退货申请日期（" + requestedOn + "）早于收货日期（" + receivedOn + "），请核对日期；无理由退货须" + period + "提出。",
          window.basis());
    }
    if (requestedOn.isAfter(window.lastDay())) {
      return new PeriodCheck(
          NO_REASON_RETURN,
          Outcome.LATE,
          window.lastDay(),
          window.dueDate(),
          "无理由退货须" + period + "提出；" + requestedOn + " 提出已超过期限。商品不符合质量要求的，仍可依法要求退货、更换或者修理。",
          window.basis());
    }
    return new PeriodCheck(
        NO_REASON_RETURN,
        Outcome.IN_TIME,
        window.lastDay(),
        window.dueDate(),
        "无理由退货须" + period + "提出；" + requestedOn + " 提出，在期限内。",
        window.basis());
  }

  /**
   * The same, for the receipt and request instants a process stores (their days in Asia/Shanghai
   * count).
   */
  public PeriodCheck noReasonReturn(
      String purchaseChannel, String exception, Date receivedAt, Date requestedAt) {
    return noReasonReturn(purchaseChannel, exception, dayOf(receivedAt), dayOf(requestedAt));
  }

  /**
   * Was a platform complaint filed in its window after the trade completed? Malicious-review and
   * harassment complaints within 15 days of the trade's completion (平台规则, day 0 = the completion
   * day, platforms work every day: no roll-over); other violations have no such window (not
   * applicable).
   *
   * @param violation the platform's violation code (platform-penalty: malicious-review, harassment,
   *     late-shipment, …)
   * @param tradeCompletedOn the day the trade completed (交易成功), null when it has not
   */
  public PeriodCheck platformFiling(
      String violation, LocalDate tradeCompletedOn, LocalDate filedOn) {
    String period = violation == null ? null : FILING_WINDOWS.get(violation);
    if (period == null) {
      return new PeriodCheck(
          null,
          Outcome.NOT_APPLICABLE,
          null,
          null,
          "该类投诉没有交易成功后的投诉期限。",
          "本平台规则：恶意评价、恶意骚扰投诉须在交易成功后十五天内发起，其他违规投诉不另设期限");
    }
    String kind = "malicious-review".equals(violation) ? "恶意评价" : "恶意骚扰";
    if (tradeCompletedOn == null || filedOn.isBefore(tradeCompletedOn)) {
      String basis = deadlines.periods().get(period).versionOn(filedOn).basis();
      return new PeriodCheck(
          period, Outcome.NOT_YET_OPEN, null, null, "交易尚未成功，" + kind + "投诉须在交易成功后发起。", basis);
    }
    Deadline window = deadlines.compute(period, startOf(tradeCompletedOn));
    if (filedOn.isAfter(window.lastDay())) {
      return new PeriodCheck(
          period,
          Outcome.LATE,
          window.lastDay(),
          window.dueDate(),
          kind + "投诉须在交易成功后十五天内发起（截至 " + window.lastDay() + "），已超过期限，平台不予受理。",
          window.basis());
    }
    return new PeriodCheck(
        period,
        Outcome.IN_TIME,
        window.lastDay(),
        window.dueDate(),
        kind + "投诉须在交易成功后十五天内发起（截至 " + window.lastDay() + "），在期限内。",
        window.basis());
  }

  /** The same, for the instants a process stores. */
  public PeriodCheck platformFiling(String violation, Date tradeCompletedAt, Date filedAt) {
    return platformFiling(
        violation, tradeCompletedAt == null ? null : dayOf(tradeCompletedAt), dayOf(filedAt));
  }

  /**
   * The market regulator's mediation limit from the day it accepted the complaint, by the measures
   * in force that day: accepted before 2026-04-15, 45 working days (总局令第20号 Art. 21); from that
   * day, the new measures (总局令第121号) and the platform's default of 60 days. The basis names the
   * measures applied and {@link Deadline#versionInForceFrom()} the version (null: the old one).
   * Testing and appraisal time is added by {@link Deadlines#extendByPause}.
   */
  public Deadline regulatorMediationLimit(Date acceptedAt) {
    return deadlines.compute(REGULATOR_MEDIATION_LIMIT, acceptedAt);
  }

  /**
   * The period to apply for enforcement of a judgment or mediation agreement (民事诉讼法 Art. 250): two
   * years from the last day of the performance period the document sets (of the last instalment;
   * without one, from the day it took effect), moved past a last day that is a rest day.
   */
  public Deadline enforcementApplication(LocalDate lastDayOfPerformance) {
    return deadlines.compute(ENFORCEMENT_APPLICATION, startOf(lastDayOfPerformance));
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(Deadlines.ZONE).toInstant());
  }

  private static LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(Deadlines.ZONE).toLocalDate();
  }
}
