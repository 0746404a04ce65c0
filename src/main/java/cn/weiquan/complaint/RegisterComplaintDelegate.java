package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.calendar.ChineseDates;
import cn.weiquan.cases.CaseVariables;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.privacy.Masking;
import cn.weiquan.rules.Money;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 登记投诉: completes the registration record after the case-number step (${assignCaseNumber}, prefix
 * TS) gave the complaint its number: when it was received, the flags the severity table reads, the
 * amount claimed as exact yuan.
 */
@Component("complaintRegistration")
public class RegisterComplaintDelegate implements JavaDelegate {
  private static final Logger LOG = LoggerFactory.getLogger(RegisterComplaintDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    Date now = EngineClock.now();
    String caseNo = CaseVariables.string(execution, CASE_NO);
    java.time.LocalDate occurred = CaseVariables.day(execution, OCCURRED_ON);
    if (occurred != null && occurred.isAfter(EngineClock.today())) {
      // the start form cannot compare two dates (form-js): refused here, in Chinese, and nothing is
      // started
      throw new BadUserRequestException(
          "发生时间（"
              + ChineseDates.day(occurred)
              + "）不能晚于今天（"
              + ChineseDates.day(EngineClock.today())
              + "）");
    }
    execution.setVariable(RECEIVED_AT, now);
    execution.setVariable(REOPEN_COUNT, 0);
    execution.setVariable(
        AMOUNT_CLAIMED, Money.text(CaseVariables.yuan(execution, AMOUNT_CLAIMED)));
    // the rule table reads every criterion; an unticked box arrives as no variable at all
    for (String criterion :
        new String[] {SAFETY_HAZARD, PERSONAL_INJURY, MEDIA_EXPOSURE, REPEAT_COMPLAINT}) {
      execution.setVariable(criterion, CaseVariables.flag(execution, criterion));
    }
    // the response step asks "has an e-mail?" of a variable that must exist
    execution.setVariable(COMPLAINANT_EMAIL, CaseVariables.string(execution, COMPLAINANT_EMAIL));
    LOG.info(
        "Complaint {} registered: channel={}, category={}, complainant={} phone={} email={}",
        caseNo,
        CaseVariables.string(execution, CONTACT_CHANNEL),
        CaseVariables.string(execution, CATEGORY),
        Masking.name(CaseVariables.string(execution, COMPLAINANT_NAME)),
        Masking.phone(CaseVariables.string(execution, COMPLAINANT_PHONE)),
        Masking.email(CaseVariables.string(execution, COMPLAINANT_EMAIL)));
  }
}
