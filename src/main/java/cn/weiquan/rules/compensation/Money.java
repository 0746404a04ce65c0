package cn.weiquan.rules.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan at scale 2; every rounding in the rules is HALF_UP to the fen (四舍五入到分). */
public final class Money {
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  public static final BigDecimal ZERO = yuan("0");

  private Money() {}

  public static BigDecimal yuan(String value) {
    return new BigDecimal(value).setScale(2, ROUNDING);
  }

  public static BigDecimal yuan(BigDecimal value) {
    return value.setScale(2, ROUNDING);
  }

  public static BigDecimal times(BigDecimal amount, String factor) {
    return yuan(amount.multiply(new BigDecimal(factor)));
  }

  public static String text(BigDecimal amount) {
    return yuan(amount).toPlainString();
  }
}
