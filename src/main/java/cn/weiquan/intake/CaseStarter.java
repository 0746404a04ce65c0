package cn.weiquan.intake;

import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a case for a filing exactly once per idempotency key. The key's row is inserted in the
 * transaction that starts the process instance: of two concurrent requests with one key, the second
 * blocks on the key's unique index, fails when the first commits, rolls back its own start (case
 * number included) and answers with the first one's case; if the first rolled back instead, the
 * second's start stands.
 */
@Component
public class CaseStarter {
  static final String CASE_NO = "caseNo";
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

  /**
   * The case a filing produced; created is false when an earlier request with the same key had
   * started it.
   */
  public record StartedCase(String caseNo, String processInstanceId, boolean created) {}

  private final RuntimeService runtime;
  private final IdempotencyStore keys;
  private final TransactionTemplate transaction;

  public CaseStarter(
      RuntimeService runtime, IdempotencyStore keys, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.keys = keys;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * @param idempotencyKey the Idempotency-Key header or the body's externalReference; null starts
   *     unconditionally
   * @param fingerprint a digest of the request: a key reused for a different request is refused
   *     (422)
   */
  public StartedCase start(
      String processKey,
      ApiCaller caller,
      String idempotencyKey,
      String fingerprint,
      Map<String, Object> variables) {
    if (idempotencyKey == null) {
      return transaction.execute(status -> startInstance(processKey, variables));
    }
    String scopedKey =
        caller.userId() + "\n" + idempotencyKey; // keys of different callers never meet
    long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      Optional<IdempotencyStore.Filing> earlier = keys.find(scopedKey);
      if (earlier.isPresent()) {
        return sameCase(earlier.get(), processKey, fingerprint);
      }
      try {
        return transaction.execute(
            status -> {
              StartedCase started = startInstance(processKey, variables);
              // a concurrent twin blocks here on the key, then fails and rolls back its whole start
              keys.record(
                  new IdempotencyStore.Filing(
                      scopedKey,
                      processKey,
                      started.caseNo(),
                      started.processInstanceId(),
                      fingerprint));
              return started;
            });
      } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrentRetry) {
        // the same key is being (or has just been) filed by a concurrent request: read its outcome
        if (System.nanoTime() > giveUp) {
          throw new ApiException(
              HttpStatus.CONFLICT,
              Filings.IDEMPOTENCY_KEY,
              "in-progress",
              "使用此 Idempotency-Key 的请求仍在处理中，请稍后重试",
              "a request with this Idempotency-Key is still being processed; retry later");
        }
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }
  }

  private static StartedCase sameCase(
      IdempotencyStore.Filing filing, String processKey, String fingerprint) {
    if (!filing.processKey().equals(processKey) || !filing.fingerprint().equals(fingerprint)) {
      throw new ApiException(
              HttpStatus.UNPROCESSABLE_ENTITY,
              Filings.IDEMPOTENCY_KEY,
              "key-reused",
              "此 Idempotency-Key（或 externalReference）已用于另一个不同的请求",
              "this Idempotency-Key (or externalReference) was already used for a different request")
          .with("caseNo", filing.processKey().equals(processKey) ? filing.caseNo() : null);
    }
    return new StartedCase(filing.caseNo(), filing.processInstanceId(), false);
  }

  private StartedCase startInstance(String processKey, Map<String, Object> variables) {
    ProcessInstanceWithVariables instance =
        runtime
            .createProcessInstanceByKey(processKey)
            .setVariables(variables)
            .executeWithVariablesInReturn();
    Object caseNo = instance.getVariables().get(CASE_NO);
    if (caseNo == null) {
      caseNo = instance.getBusinessKey();
    }
    if (caseNo == null) {
      throw new IllegalStateException(processKey + " did not assign a case number");
    }
    return new StartedCase(caseNo.toString(), instance.getId(), true);
  }
}
