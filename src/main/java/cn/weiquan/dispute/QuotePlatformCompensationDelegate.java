package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.rules.compensation.CompensationQuote;
import cn.weiquan.rules.compensation.CompensationService;
import cn.weiquan.rules.compensation.QuoteRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_QuotePlatformCompensation: when the platform-penalty decision names a compensation rule
 * (late shipment), the sum the merchant owes the buyer; otherwise none. Amounts are stored as
 * "12.34" strings like every sum of the case.
 */
@Component("quotePlatformCompensation")
public class QuotePlatformCompensationDelegate implements JavaDelegate {

  private final CompensationService compensation;

  public QuotePlatformCompensationDelegate(CompensationService compensation) {
    this.compensation = compensation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!QuoteRequest.Rules.LATE_SHIPMENT.equals(string(execution, COMPENSATION_RULE))) {
      execution.setVariable(COMPENSATION_AMOUNT, "0.00");
      execution.setVariable(COMPENSATION_BASIS, string(execution, PENALTY_BASIS));
      return;
    }
    CompensationQuote quote =
        compensation.quote(
            QuoteRequest.lateShipment(string(execution, PLATFORM), yuan(execution, PRICE)));
    execution.setVariable(COMPENSATION_AMOUNT, quote.amount().toPlainString());
    execution.setVariable(COMPENSATION_BASIS, quote.basis());
  }
}
