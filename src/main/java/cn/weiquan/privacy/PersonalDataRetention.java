package cn.weiquan.privacy;

import cn.weiquan.intake.EvidenceStore;
import cn.weiquan.intake.IdempotencyStore;
import cn.weiquan.notification.MailLedger;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.ProcessKeys;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data no longer than its purpose needs (个人信息保护法 Art. 19; README "Retention"). Once
 * a case has been closed for its process's historyTimeToLive, its history, evidence files and
 * records and idempotency keys are deleted together, and the deletion is recorded. Runs at the
 * start of the engine's history-cleanup window, so the engine's own cleanup finds nothing of these
 * cases left; evidence of a case whose history the engine removed first is swept too. Idempotency
 * keys go earlier, after weiquan.retention.idempotency-keys, and the mail ledger's records after
 * weiquan.retention.mail-ledger. Safe on every node of a cluster at once.
 */
@Component
public class PersonalDataRetention {
  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);
  private static final int BATCH = 100;

  /** What one run deleted. */
  public record Result(int cases, int evidenceFiles, int idempotencyKeys, int mailRecords) {}

  private final RepositoryService repository;
  private final HistoryService history;
  private final EvidenceStore evidence;
  private final IdempotencyStore keys;
  private final ErasureLog log;
  private final Duration keepIdempotencyKeys;
  private final MailLedger mails;
  private final Duration keepMailRecords;

  public PersonalDataRetention(
      RepositoryService repository,
      HistoryService history,
      EvidenceStore evidence,
      IdempotencyStore keys,
      ErasureLog log,
      @Value("${weiquan.retention.idempotency-keys:P90D}") Duration keepIdempotencyKeys,
      MailLedger mails,
      @Value("${weiquan.retention.mail-ledger:P90D}") Duration keepMailRecords) {
    this.repository = repository;
    this.history = history;
    this.evidence = evidence;
    this.keys = keys;
    this.log = log;
    this.keepIdempotencyKeys = keepIdempotencyKeys;
    this.mails = mails;
    this.keepMailRecords = keepMailRecords;
  }

  @Scheduled(cron = "${weiquan.retention.cron:0 30 1 * * *}", zone = "Asia/Shanghai")
  public void nightly() {
    Result result = run(EngineClock.now());
    if (result.cases() + result.evidenceFiles() + result.idempotencyKeys() + result.mailRecords()
        > 0) {
      LOG.info(
          "Retention: {} closed cases past their time to live deleted with their evidence ({} files); {} old idempotency keys; {} old mail records",
          result.cases(),
          result.evidenceFiles(),
          result.idempotencyKeys(),
          result.mailRecords());
    }
  }

  /** Deletes what is due at {@code now}. */
  public Result run(Date now) {
    int cases = 0;
    int files = 0;
    for (String key : List.of(ProcessKeys.CONSUMER_DISPUTE, ProcessKeys.ENTERPRISE_COMPLAINT)) {
      for (ProcessDefinition definition :
          repository.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
        Integer days = definition.getHistoryTimeToLive();
        if (days == null) {
          continue;
        }
        Date closedBefore = new Date(now.getTime() - Duration.ofDays(days).toMillis());
        List<HistoricProcessInstance> due;
        do {
          due =
              history
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionId(definition.getId())
                  .rootProcessInstances()
                  .finishedBefore(closedBefore)
                  .listPage(0, BATCH);
          for (HistoricProcessInstance spine : due) {
            files += deleteCase(spine, now);
            cases++;
          }
        } while (due.size() == BATCH);
      }
    }
    // the engine's history cleanup may have removed a case first: its evidence goes now
    for (String caseNo : evidence.casesWithEvidence()) {
      if (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()
          == 0) {
        int deleted = evidence.deleteCase(caseNo).files();
        log.record(
            new ErasureLog.Entry(
                caseNo, ErasureLog.Reason.RETENTION, "retention", now, 0, deleted));
        files += deleted;
      }
    }
    int idempotencyKeys =
        keys.deleteOlderThan(new Date(now.getTime() - keepIdempotencyKeys.toMillis()));
    int mailRecords = mails.deleteOlderThan(new Date(now.getTime() - keepMailRecords.toMillis()));
    return new Result(cases, files, idempotencyKeys, mailRecords);
  }

  private int deleteCase(HistoricProcessInstance spine, Date now) {
    String caseNo = spine.getBusinessKey();
    int files = 0;
    if (caseNo != null) {
      files = evidence.deleteCase(caseNo).files();
      keys.deleteCase(caseNo);
      mails.deleteCase(caseNo);
    }
    List<String> ids = CaseInstances.of(history, spine);
    history.deleteHistoricProcessInstancesIfExists(ids);
    log.record(
        new ErasureLog.Entry(
            caseNo == null ? spine.getId() : caseNo,
            ErasureLog.Reason.RETENTION,
            "retention",
            now,
            0,
            files));
    return files;
  }
}
