package cn.weiquan.complaint;

import cn.weiquan.platform.ModelFunctions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** ${complaintStage.enter(execution, '调查核实')}: the stage label Tasklist and the mails show, set where a stage begins. */
@Component("complaintStage")
@ModelFunctions // models call its methods, e.g. ${complaintStage.enter(execution, '回访')}
public class ComplaintStage {

  public void enter(DelegateExecution execution, String stage) {
    execution.setVariable(ComplaintVariables.STAGE, stage);
  }
}
