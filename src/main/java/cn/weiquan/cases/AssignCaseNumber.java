package cn.weiquan.cases;

import cn.weiquan.casenumber.CaseNumbers;
import cn.weiquan.platform.ElementProperties;
import cn.weiquan.platform.EngineClock;
import io.micrometer.core.instrument.Metrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ${assignCaseNumber}: the one case-number step of every process. Gives the case the next number of
 * the year with the prefix the step's extension property {@code casePrefix} names (WQ-2026-000123
 * for disputes, TS-2026-000045 for a company's complaints; Modeler: the element template "Weiquan
 * 分配案件编号") and makes it the business key. A number the REST intake already assigned is kept.
 * Numbers come from the shared, gap-free per-year sequence of {@link CaseNumbers}, in the engine's
 * transaction: a start that fails gives its number back.
 */
@Component("assignCaseNumber")
public class AssignCaseNumber implements JavaDelegate {
  public static final String CASE_NO = "caseNo";
  public static final String CASE_PREFIX = "casePrefix";

  private final CaseNumbers caseNumbers;

  public AssignCaseNumber(CaseNumbers caseNumbers) {
    this.caseNumbers = caseNumbers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = CaseVariables.string(execution, CASE_NO);
    if (caseNo == null) {
      String prefix = ElementProperties.of(execution).get(CASE_PREFIX);
      if (prefix == null) {
        throw new IllegalStateException(
            execution.getCurrentActivityId()
                + ": the case-number step needs the property "
                + CASE_PREFIX);
      }
      caseNo = caseNumbers.next(prefix, EngineClock.today());
      execution.setVariable(CASE_NO, caseNo);
    }
    if (!caseNo.equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(caseNo);
    }
    countFiled(processKey(execution));
  }

  /**
   * weiquan_cases_filed_total{process}, counted when the start commits: a start that rolls back
   * filed nothing. Boot binds its registry to Micrometer's global one, so engine-only tests (no
   * registry) count into nothing.
   */
  private static void countFiled(String process) {
    Runnable count = () -> Metrics.counter("weiquan.cases.filed", "process", process).increment();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              count.run();
            }
          });
    } else {
      count.run();
    }
  }

  private static String processKey(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element == null ? "unknown" : ((Process) element).getId();
  }
}
