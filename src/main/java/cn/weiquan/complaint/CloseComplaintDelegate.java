package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.cases.CaseVariables;
import cn.weiquan.platform.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 结案: the case is closed; analytics read severity, category, rootCause and improvementCategory from
 * history.
 */
@Component("complaintClosure")
public class CloseComplaintDelegate implements JavaDelegate {
  static final String CLOSED = "已结案";
  private static final Logger LOG = LoggerFactory.getLogger(CloseComplaintDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CLOSED_AT, EngineClock.now());
    execution.setVariable(STAGE, CLOSED);
    LOG.info(
        "Complaint {} closed: severity={}, department={}, reopened={}x, satisfaction={}",
        CaseVariables.string(execution, CASE_NO),
        CaseVariables.string(execution, SEVERITY),
        CaseVariables.string(execution, DEPARTMENT),
        CaseVariables.integer(execution, REOPEN_COUNT, 0),
        CaseVariables.string(execution, SATISFACTION));
  }
}
