package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import cn.weiquan.calendar.Deadline;
import cn.weiquan.calendar.Deadlines;
import cn.weiquan.platform.ElementProperties;
import cn.weiquan.platform.EngineClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckLimitation: a civil claim must be brought within 3 years of knowing the harm and the
 * liable party (民法典 Art. 188). Counted from harmKnownOn, else the receipt or payment date, else the
 * registration. The task's extension properties name the deadline it stores (deadlineVariable =
 * limitationDue) and the period (deadlinePeriod = civil-limitation). A last day in a year whose
 * rest days are not published yet is counted on weekends only, and the stored basis says so (see
 * Deadlines).
 */
@Component("checkLimitation")
public class CheckLimitationDelegate implements JavaDelegate {

  private final Deadlines deadlines;

  public CheckLimitationDelegate(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, String> settings = ElementProperties.of(execution);
    String variable = settings.get(Deadlines.DECLARED_VARIABLE);
    String period = settings.get(Deadlines.DECLARED_PERIOD);
    if (variable == null || period == null) {
      throw new IllegalStateException(
          execution.getCurrentActivityId()
              + " needs the properties "
              + Deadlines.DECLARED_VARIABLE
              + " and "
              + Deadlines.DECLARED_PERIOD);
    }
    Date known =
        firstPresent(
            date(execution, HARM_KNOWN_ON), date(execution, RECEIVED_AT), date(execution, PAID_AT));
    if (known == null) {
      // no date of the purchase at all: by the day of registration the consumer knew of the harm
      known =
          execution
              .getProcessEngineServices()
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(execution.getProcessInstanceId())
              .singleResult()
              .getStartTime();
    }
    Deadline limitation = deadlines.store(execution.getProcessInstance(), variable, period, known);
    boolean expired = EngineClock.instant().isAfter(limitation.due());
    execution.setVariable(LIMITATION_EXPIRED, expired);
    if (expired) {
      execution.setVariable(REASON, "诉讼时效期间已届满（自知道权利受到损害之日起三年）");
      execution.setVariable(BASIS, limitation.basis());
    }
  }

  private static Date firstPresent(Date... dates) {
    for (Date date : dates) {
      if (date != null) {
        return date;
      }
    }
    return null;
  }
}
