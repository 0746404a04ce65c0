package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.weiquan.rules.compensation.BreakdownLine;
import cn.weiquan.rules.compensation.CompensationQuote;
import cn.weiquan.rules.compensation.CompensationService;
import cn.weiquan.rules.compensation.QuoteRequest;
import cn.weiquan.rules.eligibility.EligibilityService;

/**
 * Task_QuoteClaims: the sums of the lawsuit for the litigation package: the price paid back when a refund is
 * claimed, plus the punitive sum for fraud (消法 Art. 55) when the case is false advertising and the eligibility rules
 * allow punitive sums (a natural person buying for living consumption, not for resale).
 */
@Component("quoteClaims")
public class QuoteClaimsDelegate implements JavaDelegate {

    static final String FALSE_ADVERTISING = "false-advertising";

    private final CompensationService compensation;
    private final EligibilityService eligibility;

    public QuoteClaimsDelegate(CompensationService compensation, EligibilityService eligibility) {
        this.compensation = compensation;
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BigDecimal paid = yuan(execution, PRICE).multiply(BigDecimal.valueOf(quantity(execution)));
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<String> lines = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        if (flag(execution, CLAIM_REFUND)) {
            total = total.add(paid);
            lines.add("退还价款：" + paid.toPlainString() + " 元");
            bases.add("《消费者权益保护法》第二十四条");
        }
        if (FALSE_ADVERTISING.equals(string(execution, CATEGORY))
                && eligibility.check(CheckEligibilityDelegate.caseFacts(execution, "court")).punitiveDamagesAllowed()) {
            CompensationQuote fraud = compensation.quote(QuoteRequest.fraud(paid));
            total = total.add(fraud.amount());
            for (BreakdownLine line : fraud.breakdown()) {
                lines.add(line.label() + "：" + line.amount().toPlainString() + " 元（" + line.note() + "）");
            }
            bases.add(fraud.basis());
        }
        execution.setVariable(CLAIM_TOTAL, total.toPlainString());
        execution.setVariable(CLAIM_BREAKDOWN, String.join("\n", lines));
        execution.setVariable(CLAIM_BASIS, String.join("；", bases));
    }

    private static int quantity(DelegateExecution execution) {
        Integer quantity = integer(execution, QUANTITY);
        return quantity == null || quantity < 1 ? 1 : quantity;
    }
}
