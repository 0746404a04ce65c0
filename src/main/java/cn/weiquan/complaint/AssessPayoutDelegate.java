package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.cases.CaseVariables;
import cn.weiquan.rules.Money;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核定赔付金额: normalises the proposed compensation to yuan with two decimals; any payout needs
 * approval.
 */
@Component("complaintPayout")
public class AssessPayoutDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal amount = CaseVariables.yuan(execution, COMPENSATION_AMOUNT);
    execution.setVariable(COMPENSATION_AMOUNT, Money.text(amount));
    execution.setVariable(PAYOUT_REQUIRED, amount.signum() > 0);
  }
}
