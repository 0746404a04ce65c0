package cn.weiquan.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * Runs asynchronous continuations as the job executor would, in engine tests whose executor is off.
 */
public final class EngineJobs {
  private EngineJobs() {}

  /**
   * Executes executable message jobs (async steps, not timers) until none is left, of one process
   * instance or, with {@code processInstanceId} null, of all; fails after {@code maxRounds} rounds.
   */
  public static void runMessageJobs(
      ManagementService management, String processInstanceId, int maxRounds) {
    for (int round = 0; round < maxRounds; round++) {
      JobQuery query = management.createJobQuery().messages().executable();
      List<Job> jobs =
          (processInstanceId == null ? query : query.processInstanceId(processInstanceId)).list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("async jobs keep coming after " + maxRounds + " rounds");
  }
}
