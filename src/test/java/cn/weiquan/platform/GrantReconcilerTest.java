package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.weiquan.platform.AccessModel.Grant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grants follow the code: a database holding the broad grants of the version before the access
 * model ends, after one reconciliation, with exactly the model's group grants; what the engine
 * granted per task, per case or per filter, and grants of users, are left as they were; a second
 * run changes nothing.
 */
class GrantReconcilerTest {

  @RegisterExtension
  static ProcessEngineExtension engineExtension =
      ProcessEngineExtension.builder().configurationResource("camunda.cfg.xml").build();

  ProcessEngine engine;

  @org.junit.jupiter.api.BeforeEach
  void authorizationOn() {
    engine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
  }

  @AfterEach
  void clean() {
    engine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
    AuthorizationService authorizations = engine.getAuthorizationService();
    authorizations
        .createAuthorizationQuery()
        .list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  @Test
  void aDatabaseWithLastVersionsBroadGrants_endsWithExactlyTheModel_andKeepsTheEnginesOwn() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    OldMainGrants.apply(authorizations);
    // what the engine and the processes grant per item, and a user's own grant: not the model's to
    // touch
    grant(
        authorizations,
        "platform-reviewers",
        null,
        Resources.TASK,
        "task-1",
        TaskPermissions.READ,
        TaskPermissions.READ_VARIABLE);
    grant(
        authorizations,
        "dept-engineering",
        null,
        Resources.HISTORIC_PROCESS_INSTANCE,
        "instance-1",
        HistoricProcessInstancePermissions.READ);
    grant(authorizations, "mediators", null, Resources.FILTER, "filter-1", Permissions.READ);
    grant(
        authorizations,
        null,
        "designer",
        Resources.DEPLOYMENT,
        "deployment-1",
        Permissions.READ,
        Permissions.DELETE);

    GrantReconciler.Changes first =
        new GrantReconciler(authorizations).reconcile(AccessModel.grants(), AccessModel.groups());

    assertThat(first.removed()).as("broad grants the model no longer has").isPositive();
    assertThat(first.updated()).as("grants narrowed or widened to the model's").isPositive();
    assertThat(storedModelGrants(authorizations)).isEqualTo(modelGrants());
    // the old database's leaks are closed
    assertThat(
            authorizations.isUserAuthorized(
                "analyst",
                java.util.List.of("analysts"),
                HistoricProcessInstancePermissions.READ,
                Resources.HISTORIC_PROCESS_INSTANCE,
                "any-case"))
        .isFalse();
    assertThat(
            authorizations.isUserAuthorized(
                "api",
                java.util.List.of("api-clients"),
                ProcessDefinitionPermissions.UPDATE_INSTANCE,
                Resources.PROCESS_DEFINITION,
                ProcessKeys.CONSUMER_DISPUTE))
        .isFalse();
    assertThat(
            authorizations.isUserAuthorized(
                "designer",
                java.util.List.of("designers"),
                ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION,
                ProcessKeys.CONSUMER_DISPUTE))
        .isFalse();
    // the engine's own per-item grants and the user's grant survive
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId("task-1")
                .count())
        .isOne();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                .resourceId("instance-1")
                .count())
        .isOne();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .resourceType(Resources.FILTER)
                .resourceId("filter-1")
                .count())
        .isOne();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .userIdIn("designer")
                .resourceId("deployment-1")
                .count())
        .isOne();

    GrantReconciler.Changes second =
        new GrantReconciler(authorizations).reconcile(AccessModel.grants(), AccessModel.groups());
    assertThat(second).isEqualTo(new GrantReconciler.Changes(0, 0, 0));
  }

  @Test
  void aFreshDatabase_getsTheModel() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    GrantReconciler.Changes changes =
        new GrantReconciler(authorizations).reconcile(AccessModel.grants(), AccessModel.groups());
    assertThat(changes.added()).isEqualTo(AccessModel.grants().size());
    assertThat(storedModelGrants(authorizations)).isEqualTo(modelGrants());
  }

  /** group|resource|id → permission bits, as the model says. */
  private static Map<String, Integer> modelGrants() {
    Map<String, Integer> model = new TreeMap<>();
    for (Grant grant : AccessModel.grants()) {
      model.put(
          key(grant.group(), grant.resource().resourceType(), grant.resourceId()),
          bits(grant.permissions()));
    }
    return model;
  }

  /** The same, as stored for the model's groups on what the model owns. */
  private static Map<String, Integer> storedModelGrants(AuthorizationService authorizations) {
    Map<String, Integer> stored = new TreeMap<>();
    for (Authorization a :
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(AccessModel.groups().toArray(String[]::new))
            .list()) {
      Resource resource =
          java.util.Arrays.stream(Resources.values())
              .filter(r -> r.resourceType() == a.getResourceType())
              .findFirst()
              .orElseThrow();
      if (AccessModel.ownedByModel(resource, a.getResourceId())) {
        Set<Permission> granted =
            AccessModel.knownPermissions().stream()
                .filter(a::isPermissionGranted)
                .collect(Collectors.toSet());
        stored.put(
            key(a.getGroupId(), a.getResourceType(), a.getResourceId()),
            a.isEveryPermissionGranted() ? Permissions.ALL.getValue() : bits(granted));
      }
    }
    return stored;
  }

  private static int bits(Set<Permission> permissions) {
    return permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
  }

  private static String key(String group, int resourceType, String resourceId) {
    return group + "|" + resourceType + "|" + resourceId;
  }

  static void grant(
      AuthorizationService authorizations,
      String group,
      String user,
      Resource resource,
      String id,
      Permission... permissions) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setUserId(user);
    a.setResource(resource);
    a.setResourceId(id);
    a.setPermissions(permissions);
    authorizations.saveAuthorization(a);
  }

  /**
   * The group grants the last version before the access model made at every start (its
   * IdentitySetup.grantAll), which added permissions to a group's grant on a resource and never
   * removed one.
   */
  static final class OldMainGrants {
    private static void grant(
        AuthorizationService a,
        String group,
        String user,
        Resource resource,
        String id,
        Permission... permissions) {
      Authorization existing =
          a.createAuthorizationQuery()
              .groupIdIn(group)
              .resourceType(resource)
              .resourceId(id)
              .authorizationType(AUTH_TYPE_GRANT)
              .singleResult();
      if (existing == null) {
        GrantReconcilerTest.grant(a, group, user, resource, id, permissions);
        return;
      }
      for (Permission permission : permissions) {
        existing.addPermission(permission);
      }
      a.saveAuthorization(existing);
    }

    private static final String DISPUTE = "consumer-dispute";
    private static final String COMPLAINT = "enterprise-complaint";

    static void apply(AuthorizationService a) {
      for (Resources resource : Resources.values()) {
        grant(a, "camunda-admin", null, resource, ANY, Permissions.ALL);
      }
      grant(a, "mediators", null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(a, "complaint-handlers", null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      caseWork(a, "mediators", DISPUTE);
      caseWork(a, "complaint-handlers", COMPLAINT);
      for (String department : WeiquanGroups.DEPARTMENTS) {
        grant(a, department, null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(
            a,
            department,
            null,
            Resources.PROCESS_DEFINITION,
            COMPLAINT,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(
            a,
            department,
            null,
            Resources.PROCESS_INSTANCE,
            ANY,
            ProcessInstancePermissions.CREATE);
        grant(a, department, null, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      }
      grant(a, "headquarters", null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      caseWork(a, "headquarters", COMPLAINT);
      grant(a, "platform-reviewers", null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      caseWork(a, "platform-reviewers", DISPUTE);
      grant(a, "supervisors", null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(a, "supervisors", null, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      caseWork(a, "supervisors", ANY);
      grant(a, "supervisors", null, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
      grant(
          a, "supervisors", null, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
      grant(a, "analysts", null, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(
          a,
          "analysts",
          null,
          Resources.PROCESS_DEFINITION,
          ANY,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      grant(a, "analysts", null, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
      grant(a, "analysts", null, Resources.TASK, ANY, Permissions.READ);
      grant(
          a,
          "analysts",
          null,
          Resources.DECISION_DEFINITION,
          ANY,
          Permissions.READ,
          Permissions.READ_HISTORY);
      grant(a, "analysts", null, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      grant(a, "analysts", null, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(
          a,
          "analysts",
          null,
          Resources.HISTORIC_PROCESS_INSTANCE,
          ANY,
          HistoricProcessInstancePermissions.READ);
      grant(a, "analysts", null, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(a, "designers", null, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(
          a,
          "designers",
          null,
          Resources.DEPLOYMENT,
          ANY,
          Permissions.CREATE,
          Permissions.READ,
          Permissions.DELETE);
      grant(
          a,
          "designers",
          null,
          Resources.PROCESS_DEFINITION,
          ANY,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(
          a,
          "designers",
          null,
          Resources.PROCESS_INSTANCE,
          ANY,
          ProcessInstancePermissions.CREATE,
          ProcessInstancePermissions.READ);
      grant(a, "designers", null, Resources.TASK, ANY, Permissions.READ);
      grant(
          a,
          "designers",
          null,
          Resources.DECISION_DEFINITION,
          ANY,
          Permissions.READ,
          Permissions.CREATE_INSTANCE,
          Permissions.READ_HISTORY);
      grant(
          a, "designers", null, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      for (String key : java.util.List.of(DISPUTE, COMPLAINT)) {
        grant(
            a,
            "api-clients",
            null,
            Resources.PROCESS_DEFINITION,
            key,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE);
      }
      grant(
          a,
          "api-clients",
          null,
          Resources.PROCESS_INSTANCE,
          ANY,
          ProcessInstancePermissions.CREATE);
    }

    private static void caseWork(AuthorizationService a, String group, String key) {
      grant(
          a,
          group,
          null,
          Resources.PROCESS_DEFINITION,
          key,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
      grant(a, group, null, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
      grant(a, group, null, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(a, group, null, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(
          a,
          group,
          null,
          Resources.HISTORIC_PROCESS_INSTANCE,
          ANY,
          HistoricProcessInstancePermissions.READ);
      grant(a, group, null, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
  }
}
