package cn.weiquan.platform;

import static cn.weiquan.platform.WeiquanGroups.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every case worker has, made at every start by name. Each sorts by priority
 * first (the case's level, overdue tasks above all: {@code cn.weiquan.workplace.TaskPriority}),
 * then by due date: the engine puts a filter's own sorting before the one Tasklist sends (by
 * default "created"), so the most urgent task is on top.
 */
@Component
public class TasklistFilters {
  public static final String MY_TASKS = "我的任务";
  public static final String MY_GROUP_TASKS = "我组的任务";
  public static final String OVERDUE = "已逾期";

  public static final String ALL_TASKS = "全部任务";

  /**
   * The groups that work in Tasklist by the access model (its tasklist grant): each reads the case
   * workers' filters.
   */
  static List<String> workers() {
    return AccessModel.grants().stream()
        .filter(
            g ->
                g.resource().resourceType() == Resources.APPLICATION.resourceType()
                    && "tasklist".equals(g.resourceId()))
        .map(AccessModel.Grant::group)
        .filter(group -> !ADMIN.equals(group))
        .distinct()
        .toList();
  }

  /**
   * Supervisors "claim and reassign any task" (access model): they and the administrators see every
   * open task.
   */
  static final List<String> EVERY_TASK_READERS = List.of(SUPERVISORS);

  /** Case facts shown as columns in Tasklist; the processes set these variables. */
  private static final List<Map<String, String>> CASE_COLUMNS =
      List.of(
          Map.of("name", "caseNo", "label", "案件编号"),
          Map.of("name", "stage", "label", "阶段"),
          Map.of("name", "severity", "label", "级别"),
          Map.of("name", "department", "label", "责任部门"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizations;

  public TasklistFilters(
      FilterService filterService, TaskService taskService, AuthorizationService authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void ensureFilters() {
    ensure(
        MY_TASKS,
        -10,
        "分配给我的任务（紧急、逾期的在前）",
        mostUrgentFirst(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    ensure(
        MY_GROUP_TASKS,
        -5,
        "我所在组可认领的任务（紧急、逾期的在前）",
        mostUrgentFirst(
            taskService
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()));
    ensure(
        OVERDUE,
        0,
        "已过期限的任务（到期日早于现在）",
        mostUrgentFirst(
            taskService
                .createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .dueBeforeExpression("${now()}")));
    ensure(
        ALL_TASKS,
        5,
        "所有进行中的任务（主管督办、改派用）",
        mostUrgentFirst(taskService.createTaskQuery()),
        EVERY_TASK_READERS);
  }

  private static TaskQuery mostUrgentFirst(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    ensure(name, priority, description, query, workers());
  }

  /** The filter, with the product's query, readable by exactly these of the model's groups. */
  private void ensure(
      String name, int priority, String description, TaskQuery query, List<String> readers) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("description", description);
      props.put("priority", priority);
      props.put("refresh", true);
      props.put("showUndefinedVariable", false);
      props.put("variables", CASE_COLUMNS);
      filter =
          filterService.newTaskFilter(name).setOwner(null).setProperties(props).setQuery(query);
      filterService.saveFilter(filter);
    } else {
      // a database from an earlier version: the same filter, now with the product's query and
      // sorting
      filter.setQuery(query);
      filterService.saveFilter(filter);
    }
    for (String group : AccessModel.groups()) {
      if (!readers.contains(group)) {
        // a group that no longer works in Tasklist (or never should read this filter) loses it
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(Resources.FILTER)
            .resourceId(filter.getId())
            .list()
            .forEach(a -> authorizations.deleteAuthorization(a.getId()));
      }
    }
    for (String group : readers) {
      boolean granted =
          authorizations
                  .createAuthorizationQuery()
                  .groupIdIn(group)
                  .resourceType(Resources.FILTER)
                  .resourceId(filter.getId())
                  .count()
              > 0;
      if (!granted) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(Resources.FILTER);
        auth.setResourceId(filter.getId());
        auth.addPermission(Permissions.READ);
        authorizations.saveAuthorization(auth);
      }
    }
  }
}
