package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.List;

/** 误工费: daily income × days off work; nothing while on paid leave or retired. */
public final class LostWagesCalculator {
  static final String BASIS =
      "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》第七条：误工费根据受害人的误工时间和收入状况确定；"
          + "受害人有固定收入的，按照实际减少的收入计算。误工费 = 误工收入 × 误工时间；"
          + "受害时处于带薪休假或已退休、收入并未减少的，无误工损失，不计误工费（本公司投诉处理制度）。";

  public CompensationQuote quote(BigDecimal dailyIncome, int days, String status) {
    BigDecimal product = Money.times(dailyIncome, days);
    boolean noLoss = "paid-leave".equals(status) || "retired".equals(status);
    BigDecimal amount = noLoss ? Money.ZERO : product;
    return new CompensationQuote(
        amount,
        CompensationQuote.CNY,
        BASIS,
        List.of(
            new BreakdownLine("日收入 × 误工天数", product, Money.text(dailyIncome) + " × " + days),
            new BreakdownLine(
                "误工费",
                amount,
                noLoss
                    ? ("paid-leave".equals(status) ? "带薪休假期间收入未减少，不予赔偿误工费" : "已退休，无误工收入损失，不予赔偿误工费")
                    : "employed".equals(status) ? "在职，按实际减少的收入计算" : "自营职业，按日收入计算")));
  }
}
