package cn.weiquan.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A node's name in a cluster ({@code weiquan.cluster.node-name}, unique per node, e.g. its host and
 * port) as the lock owner of the jobs its job executor takes ({@code ACT_RU_JOB.LOCK_OWNER_}): an
 * operator sees which node holds a job and which jobs a dead node left locked. Unset, the engine's
 * own random id per start. An engine plugin because the job executor's lock owner has no other
 * setting (the starter's {@code camunda.bpm.job-execution} properties do not include it).
 */
@Component
public class NodeName extends AbstractProcessEnginePlugin {
  /** The width of ACT_RU_JOB.LOCK_OWNER_. */
  static final int MAX_LENGTH = 255;

  private final String name;

  public NodeName(@Value("${weiquan.cluster.node-name:}") String name) {
    this.name = name == null ? "" : name.strip();
    if (this.name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "weiquan.cluster.node-name has " + this.name.length() + " characters, at most 255");
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}
