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
 * 记录定级与分派: applies the handler's override of the level and a reassignment, keeping the rule's
 * result beside it (severityByRule, departmentByRule) so the history shows who changed what and
 * why.
 */
@Component("complaintTriage")
public class ApplyTriageDelegate implements JavaDelegate {
  private static final Logger LOG = LoggerFactory.getLogger(ApplyTriageDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(FIRST_RESPONDED_AT, EngineClock.now());
    String caseNo = CaseVariables.string(execution, CASE_NO);

    String ruled = CaseVariables.string(execution, SEVERITY);
    String override = TriagePolicy.levelOf(CaseVariables.string(execution, SEVERITY_OVERRIDE));
    boolean overridden = override != null && !override.equals(ruled);
    if (overridden) {
      String reason = CaseVariables.string(execution, SEVERITY_OVERRIDE_REASON);
      if (reason == null) {
        throw new IllegalArgumentException("调整投诉等级须说明理由 (" + SEVERITY_OVERRIDE_REASON + ")");
      }
      execution.setVariable(SEVERITY_BY_RULE, ruled);
      execution.setVariable(SEVERITY, override);
      execution.setVariable(HANDLING_MODE, TriagePolicy.handlingModeFor(override));
      LOG.info("Complaint {}: level {} overridden to {}", caseNo, ruled, override);
    }
    execution.setVariable(SEVERITY_OVERRIDDEN, overridden);

    String department = CaseVariables.string(execution, DEPARTMENT);
    String reassigned = CaseVariables.string(execution, REASSIGN_DEPARTMENT);
    if (reassigned != null && !reassigned.equals(department)) {
      if (CaseVariables.string(execution, REASSIGN_REASON) == null) {
        throw new IllegalArgumentException("改派部门须说明理由 (" + REASSIGN_REASON + ")");
      }
      execution.setVariable(DEPARTMENT_BY_RULE, department);
      execution.setVariable(DEPARTMENT, reassigned);
      LOG.info("Complaint {}: reassigned from {} to {}", caseNo, department, reassigned);
    }
  }
}
