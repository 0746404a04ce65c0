package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Platform penalty a seller pays the buyer for not shipping within 72 hours of payment (platform
 * rules quoted by the seed).
 */
public final class LateShipmentCalculator {
  // 淘宝规则 (seed): 5% of the price actually paid, at least ¥1, at most ¥30
  static final String TAOBAO_RATE = "0.05";
  static final BigDecimal TAOBAO_MINIMUM = Money.parse("1");
  static final BigDecimal TAOBAO_MAXIMUM = Money.parse("30");
  // 天猫规则 (seed): 30% of the price actually paid, at most ¥500, paid as Tmall points, no points
  // deducted
  static final String TMALL_RATE = "0.30";
  static final BigDecimal TMALL_MAXIMUM = Money.parse("500");

  static final String TAOBAO_BASIS =
      "淘宝规则（延迟发货）：卖家未在买家付款后七十二小时内发货的，需向买家支付该商品实际成交金额的百分之五作为违约金，" + "且金额最低不少于一元，最高不超过三十元。";
  static final String TMALL_BASIS =
      "天猫规则（延迟发货）：买家付款后商家延迟发货的，需向买家支付该商品实际成交金额的百分之三十作为违约金（金额最高不超过五百元），" + "该违约金以天猫积分形式支付，不扣分。";

  public CompensationQuote quote(String platform, BigDecimal price) {
    if ("tmall".equals(platform)) {
      BigDecimal rate = Money.times(price, TMALL_RATE);
      BigDecimal amount = rate.min(TMALL_MAXIMUM);
      return new CompensationQuote(
          amount,
          CompensationQuote.CNY,
          TMALL_BASIS,
          List.of(
              new BreakdownLine("成交金额的30%", rate, "0.30 × " + Money.text(price) + "，四舍五入到分"),
              new BreakdownLine(
                  "违约金（最高500元，以天猫积分支付）",
                  amount,
                  rate.compareTo(TMALL_MAXIMUM) > 0 ? "超过500元，按500元计" : "未超过500元")));
    }
    BigDecimal rate = Money.times(price, TAOBAO_RATE);
    BigDecimal amount = rate.max(TAOBAO_MINIMUM).min(TAOBAO_MAXIMUM);
    String clamp =
        rate.compareTo(TAOBAO_MINIMUM) < 0
            ? "不足1元，按1元计"
            : rate.compareTo(TAOBAO_MAXIMUM) > 0 ? "超过30元，按30元计" : "在1元至30元之间";
    return new CompensationQuote(
        amount,
        CompensationQuote.CNY,
        TAOBAO_BASIS,
        List.of(
            new BreakdownLine("成交金额的5%", rate, "0.05 × " + Money.text(price) + "，四舍五入到分"),
            new BreakdownLine("违约金（1元至30元）", amount, clamp)));
  }
}
