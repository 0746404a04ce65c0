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

/** The Tasklist filters every case worker has from the first start. Created once, by name. */
@Component
public class TasklistFilters {
  public static final String MY_TASKS = "我的任务";
  public static final String MY_GROUP_TASKS = "我组的任务";
  public static final String OVERDUE = "已逾期";

  private static final List<String> WORKERS =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(MEDIATORS, COMPLAINT_HANDLERS, SUPERVISORS, PLATFORM_REVIEWERS, HEADQUARTERS),
              DEPARTMENTS.stream())
          .toList();

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

  public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void ensureFilters() {
    ensure(MY_TASKS, -10, "分配给我的任务",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(MY_GROUP_TASKS, -5, "我所在组可认领的任务",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure(OVERDUE, 0, "已过期限的任务（到期日早于现在）",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().dueBeforeExpression("${now()}"));
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("description", description);
      props.put("priority", priority);
      props.put("refresh", true);
      props.put("showUndefinedVariable", false);
      props.put("variables", CASE_COLUMNS);
      filter = filterService.newTaskFilter(name).setOwner(null).setProperties(props).setQuery(query);
      filterService.saveFilter(filter);
    }
    for (String group : WORKERS) {
      boolean granted =
          authorizations.createAuthorizationQuery().groupIdIn(group)
              .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
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
