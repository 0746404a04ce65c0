package cn.weiquan.complaint;

import cn.weiquan.cases.CaseVariables;
import cn.weiquan.rules.Money;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.platform.EngineClock;
import cn.weiquan.privacy.Masking;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 登记投诉: assigns the complaint number (the business key) and completes the registration record. */
@Component("complaintRegistration")
public class RegisterComplaintDelegate implements JavaDelegate {
  private static final Logger LOG = LoggerFactory.getLogger(RegisterComplaintDelegate.class);

  private final ComplaintNumbering numbering;

  public RegisterComplaintDelegate(ComplaintNumbering numbering) {
    this.numbering = numbering;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = EngineClock.now();
    String caseNo = numbering.next(LocalDate.ofInstant(now.toInstant(), EngineClock.CHINA));
    execution.setProcessBusinessKey(caseNo);
    execution.setVariable(CASE_NO, caseNo);
    execution.setVariable(RECEIVED_AT, now);
    execution.setVariable(REOPEN_COUNT, 0);
    execution.setVariable(AMOUNT_CLAIMED,
        Money.text(CaseVariables.yuan(execution, AMOUNT_CLAIMED)));
    // the rule table reads every criterion; an unticked box arrives as no variable at all
    for (String criterion : new String[] {SAFETY_HAZARD, PERSONAL_INJURY, MEDIA_EXPOSURE, REPEAT_COMPLAINT}) {
      execution.setVariable(criterion, Values.flag(execution, criterion));
    }
    // the response step asks "has an e-mail?" of a variable that must exist
    execution.setVariable(COMPLAINANT_EMAIL, Values.text(execution, COMPLAINANT_EMAIL));
    LOG.info("Complaint {} registered: channel={}, category={}, complainant={} phone={} email={}",
        caseNo, Values.text(execution, CONTACT_CHANNEL), Values.text(execution, CATEGORY),
        Masking.name(Values.text(execution, COMPLAINANT_NAME)),
        Masking.phone(Values.text(execution, COMPLAINANT_PHONE)),
        Masking.email(Values.text(execution, COMPLAINANT_EMAIL)));
  }
}
