package cn.weiquan.rules.eligibility;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.calendar.StatutoryPeriods;
import cn.weiquan.calendar.WorkingCalendar;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.rules.eligibility.EligibilityResult.Reason;
import cn.weiquan.rules.periods.DisputePeriods;
import cn.weiquan.rules.periods.PeriodCheck;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Can this case be accepted, and may punitive sums be claimed? Every refusal says why and on what
 * basis. Punitive sums are withheld for a claimant who is no consumer (消法 Art. 2) and while a
 * bad-faith signal waits for a mediator's check ({@link BadFaithSignals}).
 */
@Component("eligibility")
public class EligibilityService {
  public static final ZoneId CHINA = Deadlines.ZONE;

  // 民法典 Art. 188 (3 years) counted by the legal clock (Art. 201–203), the same computation as the
  // court stage's
  public static final String LIMITATION_PERIOD = "civil-limitation";
  // 市场监督管理投诉举报处理办法 (总局令第121号) replaces the interim measures (总局令第20号) from this day
  static final LocalDate SAMR_ORDER_121_IN_FORCE = LocalDate.of(2026, 4, 15);

  public static final String NOT_NATURAL_PERSON = "NOT_NATURAL_PERSON";
  public static final String PURCHASE_FOR_RESALE = "PURCHASE_FOR_RESALE";
  public static final String LIMITATION_EXPIRED = "LIMITATION_EXPIRED";
  public static final String LIMITATION_DEFENCE = "LIMITATION_DEFENCE";
  public static final String ALREADY_BEFORE_OTHER_BODY = "ALREADY_BEFORE_OTHER_BODY";
  public static final String PLATFORM_WINDOW_CLOSED = "PLATFORM_WINDOW_CLOSED";
  public static final String PLATFORM_WINDOW_NOT_OPEN = "PLATFORM_WINDOW_NOT_OPEN";

  private static final Set<String> NO_PARALLEL_CASE = Set.of("regulator", "association");
  private static final Set<String> DECIDES_LIMITATION_ON_DEFENCE = Set.of("court", "arbitration");

  private final Deadlines deadlines;
  private final DisputePeriods periods;

  @Autowired
  public EligibilityService(Deadlines deadlines) {
    this.deadlines = deadlines;
    this.periods = new DisputePeriods(deadlines);
  }

  /**
   * Over {@code calendar} with the application's period table (engine-only tests build the service
   * this way).
   */
  public EligibilityService(WorkingCalendar calendar) {
    this(new Deadlines(calendar, new StatutoryPeriods()));
  }

  /**
   * The 3-year limitation (民法典 Art. 188) from the day the harm and the liable party were known, by
   * the legal clock: the corresponding day three years on or the month's last day (Art. 201–202),
   * moved past rest days (Art. 203). A last day in a year without holiday data is counted on
   * weekends only and its basis says so (暂定…请复核), exactly as the court stage stores it
   * (CheckLimitationDelegate).
   */
  public Deadline limitation(LocalDate harmKnownOn) {
    return deadlines.compute(
        LIMITATION_PERIOD, Date.from(harmKnownOn.atStartOfDay(CHINA).toInstant()));
  }

  /**
   * The complaint measures of the market regulator in force on {@code day}, as a citation of their
   * refusal grounds.
   */
  static String regulatorMeasures(LocalDate day) {
    return day.isBefore(SAMR_ORDER_121_IN_FORCE)
        ? "《市场监督管理投诉举报处理暂行办法》第十五条"
        : "《市场监督管理投诉举报处理办法》（总局令第121号）";
  }

  public EligibilityResult check(EligibilityFacts facts) {
    List<Reason> reasons = new ArrayList<>();
    boolean eligible = true;
    boolean punitive = true;
    LocalDate filedOn = facts.filedOn() != null ? facts.filedOn() : EngineClock.today();

    if (!facts.naturalPerson()) {
      eligible = false;
      punitive = false;
      reasons.add(
          new Reason(
              NOT_NATURAL_PERSON,
              "投诉人不是自然人，不属于为生活消费需要购买、使用商品或者接受服务的消费者，不能按消费者权益争议受理；可通过合同纠纷途径解决。",
              "《消费者权益保护法》第二条"));
    } else if ("resale".equals(facts.purpose())) {
      punitive = false;
      reasons.add(
          new Reason(
              PURCHASE_FOR_RESALE,
              "您购买商品是为了转售或营利，不属于生活消费，不能主张惩罚性赔偿；退货、修理、赔偿损失等一般救济仍可主张。",
              "《消费者权益保护法》第二条、第五十五条第一款"));
    } else {
      List<Reason> signals = BadFaithSignals.of(facts);
      if (!signals.isEmpty()) {
        punitive = false;
        reasons.addAll(signals);
      }
    }

    if (facts.harmKnownOn() != null) {
      Deadline limitation = limitation(facts.harmKnownOn());
      if (filedOn.isAfter(limitation.lastDay())) {
        String ended =
            "自知道或者应当知道权利受到损害之日起已超过三年（" + lastDayText(facts.harmKnownOn(), limitation) + "）";
        if (DECIDES_LIMITATION_ON_DEFENCE.contains(facts.channel())) {
          reasons.add(
              new Reason(
                  LIMITATION_DEFENCE,
                  ended + "；法院或仲裁机构仍可受理，但对方提出时效抗辩的，请求可能不被支持。",
                  limitation.basis() + "；《民法典》第一百九十二条、第一百九十三条"));
        } else {
          eligible = false;
          reasons.add(
              new Reason(
                  LIMITATION_EXPIRED,
                  ended + "，本投诉不予受理。",
                  limitation.basis() + "；" + regulatorMeasures(filedOn)));
        }
      }
    }

    if (NO_PARALLEL_CASE.contains(facts.channel()) && !facts.pendingBefore().isEmpty()) {
      eligible = false;
      reasons.add(
          new Reason(
              ALREADY_BEFORE_OTHER_BODY,
              "同一纠纷已由"
                  + bodies(facts.pendingBefore())
                  + "受理或处理，"
                  + ("regulator".equals(facts.channel()) ? "市场监管部门" : "消费者协会")
                  + "不再受理；请在原渠道继续处理。",
              "regulator".equals(facts.channel())
                  ? regulatorMeasures(filedOn) + "；《消费者权益保护法》第三十九条"
                  : "本平台规则：同一纠纷已由人民法院、仲裁机构或者其他调解组织受理的，消费者协会不再受理；《消费者权益保护法》第三十九条"));
    }

    if ("platform".equals(facts.channel())
        && facts.platformComplaint() != null
        && DisputePeriods.FILING_WINDOWS.containsKey(facts.platformComplaint())) {
      PeriodCheck window =
          periods.platformFiling(facts.platformComplaint(), facts.tradeCompletedOn(), filedOn);
      if (window.outcome() == PeriodCheck.Outcome.NOT_YET_OPEN) {
        eligible = false;
        reasons.add(new Reason(PLATFORM_WINDOW_NOT_OPEN, window.message(), window.basis()));
      } else if (window.outcome() == PeriodCheck.Outcome.LATE) {
        eligible = false;
        reasons.add(new Reason(PLATFORM_WINDOW_CLOSED, window.message(), window.basis()));
      }
    }
    return new EligibilityResult(eligible, punitive, reasons);
  }

  /**
   * "2026-03-10 24:00 届满", with the roll-over said where a rest day moved the last day (民法典 Art.
   * 203).
   */
  private static String lastDayText(LocalDate harmKnownOn, Deadline limitation) {
    LocalDate nominal = harmKnownOn.plusYears(3);
    String text = limitation.lastDay() + " 24:00 届满";
    return nominal.equals(limitation.lastDay()) ? text : nominal + " 为休息日，依民法典第二百零三条顺延至 " + text;
  }

  private static String bodies(List<String> pending) {
    return String.join(
        "、",
        pending.stream()
            .map(
                b ->
                    switch (b) {
                      case "court" -> "人民法院";
                      case "arbitration" -> "仲裁机构";
                      default -> "其他调解组织";
                    })
            .distinct()
            .toList());
  }
}
