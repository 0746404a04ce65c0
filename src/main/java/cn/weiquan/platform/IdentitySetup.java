package cn.weiquan.platform;

import static cn.weiquan.platform.WeiquanGroups.*;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Weiquan's groups, their grants, the administrator and (local profile only) one demo user
 * per group. Idempotent: a restart adds only what is missing.
 */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
public class IdentitySetup {
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  /** The two product processes; grants name them so a group sees only its own work. */
  public static final String CONSUMER_DISPUTE = "consumer-dispute";
  public static final String ENTERPRISE_COMPLAINT = "enterprise-complaint";

  /** Demo users of the local profile: id, password, group, display name. Listed in README.md. */
  public static final List<DemoUser> DEMO_USERS =
      List.of(
          new DemoUser("mediator", "mediator", MEDIATORS, "王", "调解员"),
          new DemoUser("handler", "handler", COMPLAINT_HANDLERS, "李", "客服专员"),
          new DemoUser("supervisor", "supervisor", SUPERVISORS, "张", "主管"),
          new DemoUser("analyst", "analyst", ANALYSTS, "赵", "分析员"),
          new DemoUser("designer", "designer", DESIGNERS, "钱", "设计员"),
          new DemoUser("api", "api", API_CLIENTS, "接口", "客户端"),
          new DemoUser("reviewer", "reviewer", PLATFORM_REVIEWERS, "周", "平台审核员"),
          new DemoUser("engineer", "engineer", "dept-engineering", "孙", "工程维修"));

  public record DemoUser(String id, String password, String group, String lastName, String firstName) {}

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final SecurityProperties properties;
  private final TasklistFilters filters;

  public IdentitySetup(
      IdentityService identity,
      AuthorizationService authorizations,
      SecurityProperties properties,
      TasklistFilters filters) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.properties = properties;
    this.filters = filters;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    for (String group : ALL) {
      ensureGroup(group);
    }
    for (String department : DEPARTMENTS) {
      ensureGroup(department);
    }
    grantAll();
    SecurityProperties.Admin admin = properties.admin();
    ensureUser(admin.id(), admin.password(), admin.lastName(), admin.firstName(), ADMIN);
    if (properties.demoUsers()) {
      for (DemoUser demo : DEMO_USERS) {
        ensureUser(demo.id(), demo.password(), demo.lastName(), demo.firstName(), demo.group());
      }
      LOG.info("Demo users present (local profile): {}", DEMO_USERS.stream().map(DemoUser::id).toList());
    }
    filters.ensureFilters();
  }

  private void grantAll() {
    // the administrator may do everything, as Camunda's own admin-user setup grants
    for (Resource resource : Resources.values()) {
      grant(ADMIN, resource, ANY, Permissions.ALL);
    }

    for (String app : List.of("tasklist")) {
      grant(MEDIATORS, Resources.APPLICATION, app, Permissions.ACCESS);
      grant(COMPLAINT_HANDLERS, Resources.APPLICATION, app, Permissions.ACCESS);
    }
    grantCaseWork(MEDIATORS, CONSUMER_DISPUTE);
    grantCaseWork(COMPLAINT_HANDLERS, ENTERPRISE_COMPLAINT);
    // 保密原则: a department may start complaints and works the tasks routed to it, but reads only the
    // instances the process grants it (complaintAccess), never every complainant's contact data
    for (String department : DEPARTMENTS) {
      grant(department, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(department, Resources.PROCESS_DEFINITION, ENTERPRISE_COMPLAINT,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(department, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
      grant(department, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    grant(HEADQUARTERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantCaseWork(HEADQUARTERS, ENTERPRISE_COMPLAINT);
    grant(PLATFORM_REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantCaseWork(PLATFORM_REVIEWERS, CONSUMER_DISPUTE);

    grant(SUPERVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantCaseWork(SUPERVISORS, ANY);
    grant(SUPERVISORS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    grant(SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);

    grant(ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(ANALYSTS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(ANALYSTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(ANALYSTS, Resources.TASK, ANY, Permissions.READ);
    grant(ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(ANALYSTS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(ANALYSTS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);

    grant(DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
    grant(DESIGNERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(DESIGNERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ);
    grant(DESIGNERS, Resources.TASK, ANY, Permissions.READ);
    // evaluating a decision (trying a changed table) needs CREATE_INSTANCE on it
    grant(DESIGNERS, Resources.DECISION_DEFINITION, ANY,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    grant(DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

    // api-clients start cases and correlate messages; they read cases only through /api, which shows a
    // party its own cases, so no READ_INSTANCE here (it would open every case over /engine-rest)
    for (String key : List.of(CONSUMER_DISPUTE, ENTERPRISE_COMPLAINT)) {
      grant(API_CLIENTS, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE);
    }
    grant(API_CLIENTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  /** Start cases of one process from Tasklist and work the tasks the engine offers the group. */
  private void grantCaseWork(String group, String processKey) {
    grant(group, Resources.PROCESS_DEFINITION, processKey,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  private void ensureGroup(String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(displayName(id));
      group.setType(ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void ensureUser(String id, String password, String lastName, String firstName, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@weiquan.local");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }

  /** Adds permissions to the group's grant on the resource, creating the grant if needed. */
  void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .singleResult();
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }
}
