package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;

import cn.weiquan.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 评估回访结果: satisfied, reopen to investigation, or (past weiquan.complaint.max-reopen) escalate. */
@Component("complaintVisitOutcome")
public class EvaluateVisitDelegate implements JavaDelegate {
  private final ComplaintProperties properties;

  public EvaluateVisitDelegate(ComplaintProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int satisfaction = CaseVariables.integer(execution, SATISFACTION, 0);
    execution.setVariable(SATISFACTION, satisfaction);
    execution.setVariable(SATISFIED, VisitPolicy.satisfied(satisfaction, properties));
    execution.setVariable(
        VISIT_OUTCOME,
        VisitPolicy.outcome(
            satisfaction, CaseVariables.integer(execution, REOPEN_COUNT, 0), properties));
  }
}
