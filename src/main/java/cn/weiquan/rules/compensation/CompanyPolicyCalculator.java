package cn.weiquan.rules.compensation;

import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The company's own claim policy (本公司投诉处理制度, from the cosmetics allergy example): medical costs,
 * lost wages and return costs are paid when reasonable and documented; emotional damages are not.
 */
public final class CompanyPolicyCalculator {
  static final String BASIS =
      "本公司投诉处理制度（赔付）：对顾客提出的赔付要求，在费用合理、手续齐全的前提下予以办理，"
          + "可考虑的费用为一定的医疗费用、误工费及退货费用，不支持精神损害赔偿费用；"
          + "医疗费用报销须由县级以上医院或公司指定医院出具合法手续。";
  static final String EMOTIONAL_REFUSAL = "不予支持：本公司投诉处理制度不支持精神损害赔偿费用";

  public CompensationQuote quote(List<QuoteRequest.ClaimItem> items) {
    List<BreakdownLine> lines = new ArrayList<>();
    BigDecimal total = Money.ZERO;
    for (QuoteRequest.ClaimItem item : items) {
      BigDecimal claimed = Money.exact(item.amount());
      switch (item.type()) {
        case "medical" -> lines.add(new BreakdownLine("医疗费用", claimed, "凭县级以上医院或公司指定医院出具的合法手续"));
        case "lost-wages" -> lines.add(new BreakdownLine("误工费", claimed, "凭单位出具的收入及扣发证明"));
        case "return" -> lines.add(new BreakdownLine("退货费用", claimed, "凭购物小票或购买凭证"));
        default -> {
          lines.add(
              new BreakdownLine(
                  "精神损害赔偿（申请 " + Money.text(claimed) + " 元）", Money.ZERO, EMOTIONAL_REFUSAL));
          continue;
        }
      }
      total = total.add(claimed);
    }
    lines.add(new BreakdownLine("合计", total, "医疗费用、误工费、退货费用之和"));
    return new CompensationQuote(total, CompensationQuote.CNY, BASIS, lines);
  }
}
