package cn.weiquan.platform;

import static cn.weiquan.platform.ProcessKeys.COMPLAINT_PAYOUT_APPROVAL;
import static cn.weiquan.platform.ProcessKeys.CONSUMER_DISPUTE;
import static cn.weiquan.platform.ProcessKeys.DISPUTE_PLATFORM;
import static cn.weiquan.platform.ProcessKeys.ENTERPRISE_COMPLAINT;
import static cn.weiquan.platform.WeiquanGroups.ADMIN;
import static cn.weiquan.platform.WeiquanGroups.ANALYSTS;
import static cn.weiquan.platform.WeiquanGroups.COMPLAINT_HANDLERS;
import static cn.weiquan.platform.WeiquanGroups.DEPARTMENTS;
import static cn.weiquan.platform.WeiquanGroups.DESIGNERS;
import static cn.weiquan.platform.WeiquanGroups.HEADQUARTERS;
import static cn.weiquan.platform.WeiquanGroups.MEDIATORS;
import static cn.weiquan.platform.WeiquanGroups.MONITORING;
import static cn.weiquan.platform.WeiquanGroups.PLATFORM_REVIEWERS;
import static cn.weiquan.platform.WeiquanGroups.SUPERVISORS;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;

/**
 * Who may see and do what in the engine, declared once (README "Access model"). {@link
 * GrantReconciler} makes the database hold exactly these group grants at every start, on existing
 * databases too. What the engine adds by itself stays outside: a task's candidate group gets that
 * task (read, work, its variables), a complaint's department gets that complaint ({@code
 * complaintAccess}), a deployer gets the deployment it made.
 *
 * <p>Variables are read only with the specific variable permissions
 * (enforceSpecificVariablePermission): contact data and a reporter's identity sit in the case's
 * spine process, which only the groups handling the whole case read; platform reviewers and payout
 * approvers work in called processes that hold the case facts and no personal data. Parties
 * (api-clients) hold no engine grant at all: they act through /api, which checks the party.
 */
public final class AccessModel {

  /**
   * One grant of the model: the group may do these on the resource (resourceId "*" = every one).
   */
  public record Grant(
      String group, Resource resource, String resourceId, Set<Permission> permissions, String why) {
    public Grant {
      permissions = Set.copyOf(permissions);
    }
  }

  /**
   * The application whose ACCESS opens /actuator beyond the two probes
   * (cn.weiquan.operations.ActuatorAccess).
   */
  public static final String MONITORING_APPLICATION = "monitoring";

  private AccessModel() {}

  /**
   * Every group the model speaks for; grants of these groups that the model does not list are
   * removed.
   */
  public static List<String> groups() {
    return Stream.concat(WeiquanGroups.ALL.stream(), DEPARTMENTS.stream()).toList();
  }

  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    // camunda-admin: everything, as Camunda's own administrator set-up grants
    for (Resource resource : Resources.values()) {
      grants.add(new Grant(ADMIN, resource, ANY, Set.of(Permissions.ALL), "administrator"));
    }

    // mediators: the whole consumer dispute, contact data and reporter included (they phone the
    // parties)
    tasklistWorker(grants, MEDIATORS);
    grants.add(
        definition(
            MEDIATORS,
            CONSUMER_DISPUTE,
            "start from Tasklist, read every dispute with its parties' data and work its tasks (all"
                + " theirs: ModelTaskGrants)",
            ProcessDefinitionPermissions.READ,
            CREATE_INSTANCE,
            READ_INSTANCE,
            READ_HISTORY,
            READ_TASK,
            ProcessDefinitionPermissions.UPDATE_TASK,
            READ_INSTANCE_VARIABLE,
            READ_HISTORY_VARIABLE,
            READ_TASK_VARIABLE));
    grants.add(
        definition(
            MEDIATORS,
            DISPUTE_PLATFORM,
            "follow the platform channel of their disputes",
            ProcessDefinitionPermissions.READ,
            READ_INSTANCE,
            READ_HISTORY,
            READ_TASK,
            READ_INSTANCE_VARIABLE,
            READ_HISTORY_VARIABLE,
            READ_TASK_VARIABLE));
    for (String channel : ProcessKeys.MEDIATED_CHANNELS) {
      grants.add(
          definition(
              MEDIATORS,
              channel,
              "work the channel's tasks (all theirs: ModelTaskGrants) with the parties' data",
              ProcessDefinitionPermissions.READ,
              READ_INSTANCE,
              READ_HISTORY,
              READ_TASK,
              ProcessDefinitionPermissions.UPDATE_TASK,
              READ_INSTANCE_VARIABLE,
              READ_HISTORY_VARIABLE,
              READ_TASK_VARIABLE));
    }
    grants.add(startInstances(MEDIATORS));

    // platform reviewers: only the tasks of the platform channel offered to them (granted per task
    // by the engine)
    tasklistWorker(grants, PLATFORM_REVIEWERS);
    grants.add(
        definition(
            PLATFORM_REVIEWERS,
            DISPUTE_PLATFORM,
            "see the model of their tasks",
            ProcessDefinitionPermissions.READ));

    // the complaint desk registers complaints and approves small payouts (tasks granted per task)
    tasklistWorker(grants, COMPLAINT_HANDLERS);
    grants.add(
        definition(
            COMPLAINT_HANDLERS,
            ENTERPRISE_COMPLAINT,
            "register complaints from Tasklist",
            ProcessDefinitionPermissions.READ,
            CREATE_INSTANCE));
    grants.add(
        definition(
            COMPLAINT_HANDLERS,
            COMPLAINT_PAYOUT_APPROVAL,
            "see the model of their approvals",
            ProcessDefinitionPermissions.READ));
    grants.add(startInstances(COMPLAINT_HANDLERS));

    tasklistWorker(grants, HEADQUARTERS);
    grants.add(
        definition(
            HEADQUARTERS,
            COMPLAINT_PAYOUT_APPROVAL,
            "see the model of their approvals",
            ProcessDefinitionPermissions.READ));

    // departments: register complaints; each reads only the complaints routed to it (granted per
    // case)
    for (String department : DEPARTMENTS) {
      tasklistWorker(grants, department);
      grants.add(
          definition(
              department,
              ENTERPRISE_COMPLAINT,
              "register complaints from Tasklist",
              ProcessDefinitionPermissions.READ,
              CREATE_INSTANCE));
      grants.add(startInstances(department));
    }

    // supervisors: every case with its parties' data, escalations, reassigning tasks
    grants.add(application(SUPERVISORS, "tasklist"));
    grants.add(application(SUPERVISORS, "cockpit"));
    grants.add(
        definition(
            SUPERVISORS,
            ANY,
            "read and supervise every case with its parties' data",
            ProcessDefinitionPermissions.READ,
            CREATE_INSTANCE,
            READ_INSTANCE,
            READ_HISTORY,
            READ_TASK,
            ProcessDefinitionPermissions.UPDATE_TASK,
            READ_INSTANCE_VARIABLE,
            READ_HISTORY_VARIABLE,
            READ_TASK_VARIABLE));
    grants.add(
        new Grant(
            SUPERVISORS,
            Resources.TASK,
            ANY,
            Set.of(Permissions.READ, Permissions.UPDATE),
            "claim and reassign any task"));
    grants.add(
        new Grant(
            SUPERVISORS,
            Resources.PROCESS_INSTANCE,
            ANY,
            Set.of(ProcessInstancePermissions.READ, ProcessInstancePermissions.CREATE),
            "read and start cases"));
    readDecisionsAndDeployments(grants, SUPERVISORS);

    // analysts: Cockpit's counts, histories and decisions; no case variable at all (aggregates come
    // from /api)
    grants.add(application(ANALYSTS, "cockpit"));
    grants.add(
        definition(
            ANALYSTS,
            ANY,
            "instances, history and tasks in Cockpit, without variables",
            ProcessDefinitionPermissions.READ,
            READ_INSTANCE,
            READ_HISTORY,
            READ_TASK));
    readDecisionsAndDeployments(grants, ANALYSTS);

    // designers: deploy models (checked before acceptance) and try decisions; no case variable, no
    // case action
    grants.add(application(DESIGNERS, "cockpit"));
    grants.add(
        new Grant(
            DESIGNERS,
            Resources.DEPLOYMENT,
            ANY,
            Set.of(Permissions.CREATE, Permissions.READ, Permissions.DELETE),
            "deploy from Camunda Modeler; deleting a deployment that has cases is refused"));
    grants.add(
        definition(
            DESIGNERS,
            ANY,
            "see how the models run, without variables",
            ProcessDefinitionPermissions.READ,
            READ_INSTANCE,
            READ_HISTORY,
            READ_TASK));
    grants.add(
        new Grant(
            DESIGNERS,
            Resources.DECISION_DEFINITION,
            ANY,
            Set.of(Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY),
            "evaluate a changed table"));
    grants.add(
        new Grant(
            DESIGNERS,
            Resources.DECISION_REQUIREMENTS_DEFINITION,
            ANY,
            Set.of(Permissions.READ),
            "see decision requirements"));

    // monitoring: /actuator (metrics and full health) only, no webapp and no case (camunda-admin
    // has it through ALL)
    grants.add(application(MONITORING, MONITORING_APPLICATION));

    // api-clients: nothing here on purpose (parties act through /api only)
    return List.copyOf(grants);
  }

  private static void tasklistWorker(List<Grant> grants, String group) {
    grants.add(application(group, "tasklist"));
    grants.add(
        new Grant(
            group,
            Resources.DEPLOYMENT,
            ANY,
            Set.of(Permissions.READ),
            "load a task's Camunda Form"));
  }

  private static void readDecisionsAndDeployments(List<Grant> grants, String group) {
    grants.add(
        new Grant(
            group,
            Resources.DECISION_DEFINITION,
            ANY,
            Set.of(Permissions.READ, Permissions.READ_HISTORY),
            "decision tables and their history"));
    grants.add(
        new Grant(
            group,
            Resources.DECISION_REQUIREMENTS_DEFINITION,
            ANY,
            Set.of(Permissions.READ),
            "decision requirements"));
    grants.add(
        new Grant(
            group,
            Resources.DEPLOYMENT,
            ANY,
            Set.of(Permissions.READ),
            "deployed models and forms"));
  }

  private static Grant application(String group, String app) {
    return new Grant(
        group, Resources.APPLICATION, app, Set.of(Permissions.ACCESS), "log in to " + app);
  }

  private static Grant startInstances(String group) {
    return new Grant(
        group,
        Resources.PROCESS_INSTANCE,
        ANY,
        Set.of(ProcessInstancePermissions.CREATE),
        "start the cases its definitions allow");
  }

  private static Grant definition(String group, String key, String why, Permission... permissions) {
    return new Grant(
        group, Resources.PROCESS_DEFINITION, key, new LinkedHashSet<>(List.of(permissions)), why);
  }

  /**
   * The grants the model owns: all but those on one task, one instance or one filter (the engine
   * and the filters make those).
   */
  static boolean ownedByModel(Resource resource, String resourceId) {
    boolean perItem =
        Stream.of(
                Resources.FILTER,
                Resources.PROCESS_INSTANCE,
                Resources.HISTORIC_PROCESS_INSTANCE,
                Resources.TASK,
                Resources.HISTORIC_TASK,
                Resources.BATCH)
            .anyMatch(r -> r.resourceType() == resource.resourceType());
    return !perItem || ANY.equals(resourceId);
  }

  /** Every permission a stored grant could hold, to compare it bit by bit with the model's. */
  static List<Permission> knownPermissions() {
    List<Permission> all = new ArrayList<>(List.of(Permissions.values()));
    all.addAll(List.of(ProcessDefinitionPermissions.values()));
    all.addAll(List.of(ProcessInstancePermissions.values()));
    all.addAll(List.of(TaskPermissions.values()));
    all.addAll(List.of(org.camunda.bpm.engine.authorization.HistoricTaskPermissions.values()));
    all.addAll(
        List.of(org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.values()));
    all.addAll(List.of(org.camunda.bpm.engine.authorization.BatchPermissions.values()));
    all.addAll(List.of(org.camunda.bpm.engine.authorization.SystemPermissions.values()));
    all.addAll(
        List.of(org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions.values()));
    all.removeIf(
        p ->
            p.getValue() == Permissions.NONE.getValue()
                || p.getValue() == Permissions.ALL.getValue());
    return all;
  }
}
