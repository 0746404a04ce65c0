package cn.weiquan.platform;

import static cn.weiquan.platform.WeiquanGroups.*;

import cn.weiquan.api.ApiClients;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
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
 * Creates Weiquan's groups, makes their grants equal the {@link AccessModel} (adding, narrowing and
 * removing), creates the administrator and, in the local profile only, one demo user per group and
 * the demo api client. Idempotent. Outside the demo profile it refuses to start while demo accounts
 * from an earlier local run are still in the database.
 */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
public class IdentitySetup {
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  /** Demo users of the local profile: id, password, group, display name. Listed in README.md. */
  public static final List<DemoUser> DEMO_USERS =
      List.of(
          new DemoUser("mediator", "mediator", MEDIATORS, "王", "调解员"),
          new DemoUser("handler", "handler", COMPLAINT_HANDLERS, "李", "客服专员"),
          new DemoUser("supervisor", "supervisor", SUPERVISORS, "张", "主管"),
          new DemoUser("analyst", "analyst", ANALYSTS, "赵", "分析员"),
          new DemoUser("designer", "designer", DESIGNERS, "钱", "设计员"),
          new DemoUser("reviewer", "reviewer", PLATFORM_REVIEWERS, "周", "平台审核员"),
          new DemoUser("engineer", "engineer", "dept-engineering", "孙", "工程维修"),
          new DemoUser("service", "service", "dept-customer-service", "吴", "客服部"),
          new DemoUser("hq", "hq", HEADQUARTERS, "郑", "总部审批"),
          new DemoUser("monitor", "monitor", MONITORING, "冯", "运维监控"));

  /** The demo api client of the local profile: client id and secret for /api (README). */
  public static final DemoUser DEMO_API_CLIENT =
      new DemoUser("api", "api", API_CLIENTS, "接口", "演示客户端");

  public record DemoUser(
      String id, String password, String group, String lastName, String firstName) {}

  /** Every password a demo account has: refused for the administrator outside the demo profile. */
  public static Set<String> demoPasswords() {
    Set<String> passwords = new LinkedHashSet<>(List.of("demo", DEMO_API_CLIENT.password()));
    DEMO_USERS.forEach(user -> passwords.add(user.password()));
    return passwords;
  }

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final SecurityProperties properties;
  private final TasklistFilters filters;
  private final ApiClients apiClients;
  private final TaskGrantCleanup taskGrants;

  public IdentitySetup(
      IdentityService identity,
      AuthorizationService authorizations,
      SecurityProperties properties,
      TasklistFilters filters,
      ApiClients apiClients,
      TaskGrantCleanup taskGrants) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.properties = properties;
    this.filters = filters;
    this.apiClients = apiClients;
    this.taskGrants = taskGrants;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    for (String group : AccessModel.groups()) {
      ensureGroup(group);
    }
    GrantReconciler.Changes changes =
        new GrantReconciler(authorizations).reconcile(AccessModel.grants(), AccessModel.groups());
    if (changes.updated() + changes.removed() > 0) {
      LOG.info(
          "Access model applied: {} grants added, {} narrowed, {} removed",
          changes.added(),
          changes.updated(),
          changes.removed());
    }
    int perTask = taskGrants.removeRedundant(AccessModel.grants());
    if (perTask > 0) {
      LOG.info("{} per-task grants removed that the access model now covers", perTask);
    }
    SecurityProperties.Admin admin = properties.admin();
    ensureUser(admin.id(), admin.password(), admin.lastName(), admin.firstName(), ADMIN);
    if (!properties.demoUsers()) {
      // outside the demo profile the administrator's password is the configured one, whatever an
      // earlier run left
      User administrator = identity.createUserQuery().userId(admin.id()).singleResult();
      administrator.setPassword(admin.password());
      identity.saveUser(administrator);
    }
    if (properties.demoUsers()) {
      for (DemoUser demo : DEMO_USERS) {
        ensureUser(demo.id(), demo.password(), demo.lastName(), demo.firstName(), demo.group());
      }
      apiClients.create(
          DEMO_API_CLIENT.id(), DEMO_API_CLIENT.firstName(), DEMO_API_CLIENT.password());
      LOG.info(
          "Demo users present (local profile): {} and the api client {}",
          DEMO_USERS.stream().map(DemoUser::id).toList(),
          DEMO_API_CLIENT.id());
    } else {
      refuseDemoAccounts();
    }
    filters.ensureFilters();
  }

  /**
   * Outside the demo profile, demo accounts left by a local run are known passwords: stop, or
   * remove them if asked.
   */
  private void refuseDemoAccounts() {
    List<String> left = new ArrayList<>();
    for (DemoUser demo : DEMO_USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        left.add(demo.id());
      }
    }
    if (identity.createUserQuery().userId(DEMO_API_CLIENT.id()).count() > 0) {
      left.add(DEMO_API_CLIENT.id());
    }
    if (left.isEmpty()) {
      return;
    }
    if (properties.removeDemoUsers()) {
      left.forEach(identity::deleteUser);
      LOG.warn(
          "Removed the demo accounts {} left in this database by a local run (weiquan.security.remove-demo-users)",
          left);
      return;
    }
    throw new ConfigurationProblem(
        "The database holds the demo accounts "
            + String.join(", ", left)
            + " (from a local run), whose passwords are"
            + " published in README.md; Weiquan does not start with them outside the local profile.",
        "Delete them in Admin, or start once with WEIQUAN_REMOVE_DEMO_USERS=true to have them removed.");
  }

  private void ensureGroup(String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(displayName(id));
      group.setType(ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void ensureUser(
      String id, String password, String lastName, String firstName, String group) {
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
}
