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
  private static final String RUNTIME_PERMISSIONS = "(6, 70)";

  /** READ and READ | READ_VARIABLE on a historic task: its history counterpart. */
  private static final String HISTORIC_PERMISSIONS = "(2, 66)";

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
      boolean everyProcess = Authorization.ANY.equals(grant.resourceId());
      removed +=
          remove(
              grant,
              Resources.TASK,
              RUNTIME_PERMISSIONS,
              "SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_"
                  + (everyProcess ? "" : " WHERE D.KEY_ = ?"));
      removed +=
          remove(
              grant,
              Resources.HISTORIC_TASK,
              HISTORIC_PERMISSIONS,
              "SELECT H.ID_ FROM ACT_HI_TASKINST H"
                  + (everyProcess ? "" : " WHERE H.PROC_DEF_KEY_ = ?"));
    }
    return removed;
  }

  private int remove(Grant grant, Resources resource, String permissions, String tasks) {
    String sql =
        "DELETE FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = "
            + Authorization.AUTH_TYPE_GRANT
            + " AND RESOURCE_TYPE_ = "
            + resource.resourceType()
            + " AND GROUP_ID_ = ? AND PERMS_ IN "
            + permissions
            + " AND RESOURCE_ID_ IN ("
            + tasks
            + ")";
    return Authorization.ANY.equals(grant.resourceId())
        ? jdbc.update(sql, grant.group())
        : jdbc.update(sql, grant.group(), grant.resourceId());
  }
}
