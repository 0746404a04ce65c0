package cn.weiquan.rules.eligibility;

import cn.weiquan.rules.eligibility.EligibilityResult.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs that a claim for punitive damages on goods other than food and drugs may not be made for
 * living consumption (恶意索赔, 知假买假): many units of one item, many earlier disputes by the same
 * claimant. A signal refuses nothing: it stops punitive sums from being claimed automatically until
 * a mediator has checked the purpose (消法 Art. 2, 55); refund, repair and damages stay open. For
 * food and drugs, buying knowingly is no defence (最高人民法院关于审理食品药品 纠纷案件适用法律若干问题的规定 Art. 3), so
 * quantity alone raises no signal there.
 */
public final class BadFaithSignals {
  public static final String QUANTITY_BEYOND_LIVING_NEEDS = "QUANTITY_BEYOND_LIVING_NEEDS";
  public static final String REPEATED_FILINGS = "REPEATED_FILINGS";

  // 本平台规则: more units of one item than this are not presumed to be for living consumption (the
  // seed's 22 cameras)
  public static final int MAX_UNITS_OF_ONE_ITEM = 10;
  // 本平台规则: this many earlier disputes by the same claimant within 12 months call for a check of the
  // purpose
  public static final int REPEATED_FILINGS_IN_12_MONTHS = 5;

  static final String QUANTITY_BASIS =
      "《消费者权益保护法》第二条、第五十五条第一款；本平台规则：同一商品购买超过" + MAX_UNITS_OF_ONE_ITEM + "件的，是否为生活消费须经核实后方可主张惩罚性赔偿";
  static final String FILINGS_BASIS =
      "《消费者权益保护法》第二条、第五十五条第一款；本平台规则：12个月内已提出"
          + REPEATED_FILINGS_IN_12_MONTHS
          + "件以上消费纠纷的，再次主张惩罚性赔偿须经核实";

  private BadFaithSignals() {}

  /**
   * The signals the facts raise, each with a message a consumer can read and its basis; empty when
   * none.
   */
  public static List<Reason> of(EligibilityFacts facts) {
    List<Reason> signals = new ArrayList<>();
    if (facts.foodOrDrug()) {
      return signals;
    }
    if (facts.quantity() != null && facts.quantity() > MAX_UNITS_OF_ONE_ITEM) {
      signals.add(
          new Reason(
              QUANTITY_BEYOND_LIVING_NEEDS,
              "购买数量 "
                  + facts.quantity()
                  + " 件，明显超出生活消费需要：是否为生活消费而购买，须经调解员核实后才能主张惩罚性赔偿；"
                  + "退货、修理、赔偿损失等一般救济不受影响。",
              QUANTITY_BASIS));
    }
    if (facts.earlierFilings() >= REPEATED_FILINGS_IN_12_MONTHS) {
      signals.add(
          new Reason(
              REPEATED_FILINGS,
              "投诉人在此前12个月内已提出 "
                  + facts.earlierFilings()
                  + " 件消费纠纷：是否为生活消费而购买，须经调解员核实后才能主张惩罚性赔偿；"
                  + "退货、修理、赔偿损失等一般救济不受影响。",
              FILINGS_BASIS));
    }
    return signals;
  }
}
