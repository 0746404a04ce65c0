package cn.weiquan.dispute;

import cn.weiquan.platform.ElementProperties;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * ${channelInputs}: what the spine's one call activity for the mediated channels passes to the
 * channel the consumer chose, and nothing more. The designer lists each channel's inputs on the
 * call activity as extension properties {@code inputs.<channel>} (comma-separated variable names,
 * Modeler: "Extension properties"): the facts its forms show and its steps read. A channel's mails
 * reach the parties through the spine ({@link cn.weiquan.cases.CaseScope}), so a channel holds only
 * the contact data its own forms show: the regulator track, which has no form, holds none, and no
 * channel holds a reporter's identity. A listed variable the case does not have is passed as null,
 * as a {@code camunda:in} would. The business key and the channel's outcome stay {@code camunda:in}
 * / {@code camunda:out} mappings of the model.
 */
@Component("channelInputs")
public class ChannelInputs implements DelegateVariableMapping {

  /** The extension property naming a channel's inputs: {@code inputs.association}, ... */
  public static final String PROPERTY_PREFIX = "inputs.";

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    Object channel = superExecution.getVariable(DisputeVariables.NEXT_CHANNEL);
    for (String name : inputs(superExecution, String.valueOf(channel))) {
      subVariables.putValueTyped(name, superExecution.getVariableTyped(name));
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    // the channel's outcome is a camunda:out of the model
  }

  /** The variable names listed for the channel on the call activity the execution is at. */
  static List<String> inputs(DelegateExecution execution, String channel) {
    String listed = ElementProperties.of(execution).get(PROPERTY_PREFIX + channel);
    if (listed == null) {
      throw new IllegalStateException(
          execution.getCurrentActivityId()
              + ": no extension property "
              + PROPERTY_PREFIX
              + channel
              + " lists what the channel '"
              + channel
              + "' receives");
    }
    return parse(listed);
  }

  /** A property's value: names separated by commas, blanks ignored. */
  public static List<String> parse(String listed) {
    return Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
