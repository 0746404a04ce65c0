package cn.weiquan.platform;

import cn.weiquan.platform.AccessModel.Grant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's own grants of a task to its candidate group, except where the {@link AccessModel}
 * already lets that group read and work every task of the task's process (mediators on the dispute
 * and its mediated channels). There such a grant adds nothing, yet costs one row in
 * ACT_RU_AUTHORIZATION per task, and the engine's task query joins those rows to each task with a
 * condition no database can use an index for: with 10,000 running disputes, the mediator's 我组的任务
 * took 10–50 s on PostgreSQL (AnalyticsBenchmark). Groups that see only the tasks given to them
 * (departments, platform reviewers, payout approvers) keep the engine's per-task grant. An engine
 * plugin puts the provider in place of the engine's default one.
 */
@Component
public class ModelTaskGrants extends AbstractProcessEnginePlugin {
  private static final List<Grant> MODEL = AccessModel.grants();

  /** What a definition-wide grant must hold to make a per-task grant of the group redundant. */
  static final Set<ProcessDefinitionPermissions> WORK_EVERY_TASK =
      Set.of(
          ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.UPDATE_TASK,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  /** The engine's default grants for new items, but for the candidate groups the model covers. */
  static final class Provider extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      String key = definitionKey(task);
      if (key != null && coversEveryTask(MODEL, groupId, key)) {
        return new AuthorizationEntity[0];
      }
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }
  }

  /** Whether the model lets the group read, work and read the variables of every task of key. */
  static boolean coversEveryTask(List<Grant> model, String group, String key) {
    return model.stream()
        .anyMatch(
            grant ->
                grant.group().equals(group)
                    && grant.resource().resourceType()
                        == Resources.PROCESS_DEFINITION.resourceType()
                    && (grant.resourceId().equals(key)
                        || grant.resourceId().equals(Authorization.ANY))
                    && grant.permissions().containsAll(WORK_EVERY_TASK));
  }

  private static String definitionKey(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return null;
    }
    return Context.getProcessEngineConfiguration()
        .getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId())
        .getKey();
  }
}
