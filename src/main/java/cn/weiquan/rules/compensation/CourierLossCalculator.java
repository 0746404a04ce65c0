package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Loss of an item sent by courier (actual loss) or as uninsured registered mail by the postal
 * service (capped).
 */
public final class CourierLossCalculator {
  // 邮政法 Art. 47(1)(2): uninsured registered mail lost → actual loss, at most three times the
  // postage
  static final String POSTAGE_FACTOR = "3";
  static final String COURIER_BASIS =
      "快递企业不属于邮政普遍服务，按实际损失赔偿：《邮政法》第四十五条第二款、第五十九条；《快递暂行条例》第二十七条；" + "《民法典》第五百八十四条。";
  static final String POSTAL_BASIS =
      "《邮政法》第四十七条第一款第（二）项：未保价的给据邮件丢失、损毁或者内件短少的，按照实际损失赔偿，" + "但最高赔偿额不超过所收取资费的三倍。";

  public CompensationQuote quote(String carrier, BigDecimal loss, BigDecimal postage) {
    BigDecimal actual = Money.exact(loss);
    if (!"postal-registered".equals(carrier)) {
      return new CompensationQuote(
          actual,
          CompensationQuote.CNY,
          COURIER_BASIS,
          List.of(new BreakdownLine("实际损失", actual, "快递企业按实际损失赔偿")));
    }
    BigDecimal cap = Money.times(postage, POSTAGE_FACTOR);
    BigDecimal amount = actual.min(cap);
    return new CompensationQuote(
        amount,
        CompensationQuote.CNY,
        POSTAL_BASIS,
        List.of(
            new BreakdownLine("实际损失", actual, "未保价给据邮件"),
            new BreakdownLine("资费的三倍（上限）", cap, "3 × " + Money.text(postage)),
            new BreakdownLine(
                "赔偿额", amount, actual.compareTo(cap) > 0 ? "实际损失超过上限，按资费三倍计" : "未超过上限，按实际损失计")));
  }
}
