package cn.weiquan.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The fixed settings of a BPMN element, written by the designer as Camunda extension properties
 * (Modeler: "Extension properties"), e.g. the stage label of a Task_Enter* or the mail event of a
 * notify task. They are read from the deployed model, so unlike input parameters they cost no
 * process variable: nothing written per case, nothing in its history.
 */
public final class ElementProperties {

  /**
   * By process definition id and element id: a deployed definition never changes, so neither do its
   * properties.
   */
  private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();

  private static final Map<String, Set<String>> INPUTS = new ConcurrentHashMap<>();

  private ElementProperties() {}

  /**
   * The extension properties of the element the execution is at, by name (empty when it has none):
   * the sequence flow while a take listener runs, else the activity.
   */
  public static Map<String, String> of(DelegateExecution execution) {
    String element =
        ExecutionListener.EVENTNAME_TAKE.equals(execution.getEventName())
            ? execution.getCurrentTransitionId()
            : execution.getCurrentActivityId();
    return CACHE.computeIfAbsent(
        execution.getProcessDefinitionId() + '/' + element,
        key -> Collections.unmodifiableMap(of(execution.getBpmnModelElementInstance())));
  }

  /**
   * The names of the input parameters the element declares: only those are the element's own local
   * variables (a step without an input mapping runs in its parent's scope, whose variables are the
   * case's).
   */
  public static Set<String> inputParameters(DelegateExecution execution) {
    return INPUTS.computeIfAbsent(
        execution.getProcessDefinitionId() + '/' + execution.getCurrentActivityId(),
        key -> {
          Set<String> names = new LinkedHashSet<>();
          ExtensionElements extensions =
              ((BaseElement) execution.getBpmnModelElementInstance()).getExtensionElements();
          if (extensions != null) {
            for (CamundaInputOutput mapping :
                extensions.getChildElementsByType(CamundaInputOutput.class)) {
              for (CamundaInputParameter parameter : mapping.getCamundaInputParameters()) {
                names.add(parameter.getCamundaName());
              }
            }
          }
          return Collections.unmodifiableSet(names);
        });
  }

  public static Map<String, String> of(FlowElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions =
        element == null ? null : ((BaseElement) element).getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        String value = property.getCamundaValue();
        if (property.getCamundaName() != null && value != null && !value.isBlank()) {
          properties.put(property.getCamundaName().strip(), value.strip());
        }
      }
    }
    return properties;
  }
}
