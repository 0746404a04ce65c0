package cn.weiquan.platform;

import cn.weiquan.platform.AccessModel.Grant;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes the per-task grants that {@link ModelTaskGrants} no longer writes, from databases where
 * an earlier version wrote them: grants of a group on one running task whose process the model lets
 * that group read and work entirely, holding nothing beyond what the engine gives a candidate group
 * (READ, UPDATE, READ_VARIABLE). One statement per group and process, at every start (after the
 * access model is applied, so no one loses a right in between); nothing to do after the first.
 */
@Component
public class TaskGrantCleanup {
  /** READ | UPDATE and READ | UPDATE | READ_VARIABLE on a task: the engine's candidate grant. */
  private static final String CANDIDATE_PERMISSIONS = "(6, 70)";

  private final JdbcTemplate jdbc;

  public TaskGrantCleanup(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns the number of grants removed. */
  public int removeRedundant(List<Grant> model) {
    int removed = 0;
    for (Grant grant : model) {
      if (grant.resource().resourceType() != Resources.PROCESS_DEFINITION.resourceType()
          || !grant.permissions().containsAll(ModelTaskGrants.WORK_EVERY_TASK)) {
        continue;
      }
      String tasks =
          "SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_";
      String sql =
          "DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = "
              + Authorization.AUTH_TYPE_GRANT
              + " AND RESOURCE_TYPE_ = "
              + Resources.TASK.resourceType()
              + " AND GROUP_ID_ = ? AND PERMS_ IN "
              + CANDIDATE_PERMISSIONS
              + " AND RESOURCE_ID_ IN (";
      removed +=
          Authorization.ANY.equals(grant.resourceId())
              ? jdbc.update(sql + tasks + ")", grant.group())
              : jdbc.update(sql + tasks + " WHERE D.KEY_ = ?)", grant.group(), grant.resourceId());
    }
    return removed;
  }
}
