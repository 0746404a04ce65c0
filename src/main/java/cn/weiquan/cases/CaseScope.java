package cn.weiquan.cases;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A case is its spine's process instance plus the channel processes it calls. The spine holds what
 * the whole case needs (stage, the parties' contact data); a channel holds its own facts and
 * deadlines. Steps inside a channel reach the spine through here.
 */
public final class CaseScope {
  private CaseScope() {}

  /**
   * The process instance of the case's spine: the topmost caller of the execution's process
   * instance.
   */
  public static DelegateExecution spine(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }

  /**
   * The spine's variables overlaid by those the execution sees: everything a step of the case may
   * need to say.
   */
  public static Map<String, Object> variables(DelegateExecution execution) {
    DelegateExecution spine = spine(execution);
    Map<String, Object> variables = new HashMap<>();
    if (spine != execution.getProcessInstance()) {
      variables.putAll(spine.getVariables());
    }
    variables.putAll(execution.getVariables());
    return variables;
  }
}
