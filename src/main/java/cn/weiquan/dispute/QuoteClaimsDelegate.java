package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.rules.Money;
import cn.weiquan.rules.compensation.CompensationQuote;
import cn.weiquan.rules.compensation.CompensationService;
import cn.weiquan.rules.compensation.LitigationClaims;
import cn.weiquan.rules.eligibility.EligibilityResult;
import cn.weiquan.rules.eligibility.EligibilityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_QuoteClaims: the sums of the lawsuit for the litigation package, by {@link
 * CompensationService#litigationClaims}: the price paid back when a refund is claimed, the
 * compensation the consumer claimed, and the punitive sum for fraud (消法 Art. 55) when the case is
 * false advertising and the eligibility rules allow it (a natural person buying for living
 * consumption, not beyond living needs), or a line saying why it is withheld; one total.
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
    EligibilityResult court =
        eligibility.check(CheckEligibilityDelegate.caseFacts(execution, "court"));
    boolean fraud = FALSE_ADVERTISING.equals(string(execution, CATEGORY));
    CompensationQuote claims =
        compensation.litigationClaims(
            new LitigationClaims(
                yuan(execution, PRICE),
                quantity(execution),
                flag(execution, CLAIM_REFUND),
                yuan(execution, CLAIM_AMOUNT),
                fraud ? "fraud" : null,
                court.punitiveDamagesAllowed(),
                court.punitiveWithheldBecause()));
    execution.setVariable(CLAIM_TOTAL, Money.text(claims.total()));
    execution.setVariable(CLAIM_BREAKDOWN, claims.breakdownText());
    execution.setVariable(CLAIM_BASIS, claims.basis());
  }

  private static int quantity(DelegateExecution execution) {
    Integer quantity = integer(execution, QUANTITY);
    return quantity == null || quantity < 1 ? 1 : quantity;
  }
}
