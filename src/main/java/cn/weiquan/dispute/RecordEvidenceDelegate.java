package cn.weiquan.dispute;

import static cn.weiquan.cases.CaseVariables.*;
import static cn.weiquan.dispute.DisputeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ${recordEvidence}, the evidence record of the platform window. As Task_RecordEvidence: the
 * evidence window takes each party's evidence (EvidenceSubmitted, evidenceFrom consumer or
 * merchant); it stays open for the other party until its deadline, and closes early once both have
 * sent theirs. Only a party who sent nothing in the window is late. As a listener on the flow the
 * window's timer takes: the window lapsed (evidenceWindowLapsed), on the record for the reviewer
 * and the history.
 */
@Component("recordEvidence")
public class RecordEvidenceDelegate implements JavaDelegate, ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(EVIDENCE_WINDOW_LAPSED, true);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String from = string(execution, EVIDENCE_FROM);
    if ("merchant".equals(from)) {
      execution.setVariable(EVIDENCE_FROM_MERCHANT, true);
    } else if ("consumer".equals(from)) {
      execution.setVariable(EVIDENCE_FROM_CONSUMER, true);
    } else {
      throw new IllegalArgumentException("evidenceFrom must be consumer or merchant, was " + from);
    }
    execution.setVariable(
        EVIDENCE_COMPLETE,
        flag(execution, EVIDENCE_FROM_MERCHANT) && flag(execution, EVIDENCE_FROM_CONSUMER));
  }
}
