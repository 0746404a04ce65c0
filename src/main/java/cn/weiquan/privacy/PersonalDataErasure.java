package cn.weiquan.privacy;

import cn.weiquan.intake.EvidenceStore;
import cn.weiquan.intake.IdempotencyStore;
import cn.weiquan.platform.EngineClock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erases one case's personal data on request (个人信息保护法 Art. 47): the {@link PersonalData} variables
 * in every process of the case, running and in history (task-local copies included), its comments,
 * its evidence files and records, its idempotency keys. What identifies no one stays, so the case
 * still counts in every statistic. Each step is idempotent: a request that failed half-way is
 * completed by asking again.
 */
@Component
public class PersonalDataErasure {
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataErasure.class);

  /** What an erasure removed. */
  public record Result(String caseNo, int variables, int files) {}

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final EvidenceStore evidence;
  private final IdempotencyStore keys;
  private final ErasureLog log;

  public PersonalDataErasure(
      RuntimeService runtime,
      HistoryService history,
      TaskService tasks,
      EvidenceStore evidence,
      IdempotencyStore keys,
      ErasureLog log) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.evidence = evidence;
    this.keys = keys;
    this.log = log;
  }

  /** Empty when no case has this number. */
  public Optional<Result> erase(String caseNo, String requestedBy) {
    List<HistoricProcessInstance> spines =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNo)
            .rootProcessInstances()
            .list();
    if (spines.isEmpty()) {
      return Optional.empty();
    }
    String[] ids =
        spines.stream()
            .flatMap(spine -> CaseInstances.of(history, spine).stream())
            .toArray(String[]::new);
    Set<String> names = PersonalData.all();
    String[] nameArray = names.toArray(String[]::new);

    // running processes: take the values out (the history marks them deleted), remember where they
    // were
    List<VariableInstance> live =
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .variableNameIn(nameArray)
            .list();
    for (VariableInstance variable : live) {
      if (variable.getTaskId() != null) {
        tasks.removeVariableLocal(variable.getTaskId(), variable.getName());
      } else {
        runtime.removeVariableLocal(variable.getExecutionId(), variable.getName());
      }
    }
    // every value they ever had, with its updates, in every process and task of the case
    int erased = 0;
    for (HistoricVariableInstance old :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .variableNameIn(nameArray)
            .includeDeleted()
            .list()) {
      history.deleteHistoricVariableInstance(old.getId());
      erased++;
    }
    // a running case's forms show that something was there; an e-mail stays absent, so its mails
    // are skipped
    for (VariableInstance variable : live) {
      if (variable.getTaskId() == null && !PersonalData.removedEntirely(variable.getName())) {
        runtime.setVariableLocal(
            variable.getExecutionId(), variable.getName(), PersonalData.ERASED);
      }
    }
    for (String id : ids) {
      try {
        tasks.deleteProcessInstanceComments(id);
      } catch (ProcessEngineException noneOrEnded) {
        // nothing to delete for this process
      }
    }
    EvidenceStore.Deleted files = evidence.deleteCase(caseNo);
    keys.deleteCase(caseNo);
    log.record(
        new ErasureLog.Entry(
            caseNo,
            ErasureLog.Reason.REQUEST,
            requestedBy,
            EngineClock.now(),
            erased,
            files.files()));
    LOG.info(
        "Personal data of case {} erased on request of {}: {} variable values, {} evidence files",
        caseNo,
        requestedBy,
        erased,
        files.files());
    return Optional.of(new Result(caseNo, erased, files.files()));
  }
}
