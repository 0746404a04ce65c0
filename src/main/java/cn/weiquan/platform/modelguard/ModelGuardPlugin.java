package cn.weiquan.platform.modelguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Designers change models, not the platform. Two engine hooks, so that every door is covered
 * (/engine-rest, the webapps' /camunda/api/engine, the Java API):
 *
 * <ul>
 *   <li>a pre-deployer refuses a non-administrator's deployment that breaks the {@link ModelPolicy}
 *       (400 over REST, {@link ModelRejectedException});
 *   <li>the engine's check before deleting a deployment refuses a non-administrator while the
 *       deployment's process definitions have running or historic cases (403 over REST, {@link
 *       AuthorizationException}).
 * </ul>
 *
 * Commands without an authenticated user (the application's deployment at start, engine tests) and
 * by members of the engine's admin groups (camunda-admin) are trusted.
 *
 * <p>The only class of Weiquan that uses engine implementation classes, each for want of public
 * API: the plugin and configuration types, {@link Deployer} and {@link DeploymentEntity} (the
 * pre-deployer hook), {@link Authentication} (what {@code IdentityService#getCurrentAuthentication}
 * returns), {@link CommandChecker} and {@link AuthorizationCommandChecker} (the only hook that sees
 * the id of a deployment being deleted), and {@link Context} (to count cases whatever the caller
 * may read).
 */
@Component
public class ModelGuardPlugin extends AbstractProcessEnginePlugin {
  private final ModelPolicy policy;
  private ProcessEngineConfigurationImpl configuration;

  public ModelGuardPlugin(ApplicationContext applicationContext) {
    this.policy = new ModelPolicy(new SpringBeanCatalog(applicationContext));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    // read when the engine builds its deployers in init(), so it must be set before
    List<Deployer> preDeployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    preDeployers.add(this::checkDeployment);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine creates its command checkers in init(); ours is its authorization checker plus one
    // rule
    List<CommandChecker> checkers = configuration.getCommandCheckers();
    int replaced = 0;
    for (int i = 0; i < checkers.size(); i++) {
      if (checkers.get(i).getClass() == AuthorizationCommandChecker.class) {
        checkers.set(i, new DeploymentDeletionChecker());
        replaced++;
      }
    }
    if (replaced != 1) {
      throw new IllegalStateException(
          "cannot guard deployment deletion: expected the engine's one AuthorizationCommandChecker,"
              + " found "
              + replaced
              + " among "
              + checkers);
    }
  }

  private void checkDeployment(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return; // a deployment loaded into the cache again (restart, cache miss) was checked when it
      // was made
    }
    Optional<String> user = untrustedUser();
    if (user.isEmpty()) {
      return;
    }
    Map<String, byte[]> resources = new TreeMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    List<Violation> violations = policy.check(resources);
    if (!violations.isEmpty()) {
      throw new ModelRejectedException(user.get(), violations);
    }
  }

  /**
   * The engine's authorization checks, and: a non-administrator does not delete a deployment that
   * has cases.
   */
  private final class DeploymentDeletionChecker extends AuthorizationCommandChecker {
    @Override
    public void checkDeleteDeployment(String deploymentId) {
      super.checkDeleteDeployment(deploymentId);
      Optional<String> user = untrustedUser();
      if (user.isEmpty()) {
        return;
      }
      // counted without the caller's authorizations: a case the user may not read still counts
      Cases cases =
          Context.getCommandContext().runWithoutAuthorization(() -> countCases(deploymentId));
      if (cases.all() > 0) {
        throw new AuthorizationException(
            "Deployment "
                + deploymentId
                + " may not be deleted by "
                + user.get()
                + ": its process definitions have "
                + cases.all()
                + (cases.all() == 1 ? " case" : " cases")
                + " ("
                + cases.running()
                + " running, "
                + (cases.all() - cases.running())
                + " finished),"
                + " whose runtime data and history a deletion would remove or orphan."
                + " Only an administrator (camunda-admin) may delete it; a deployment without cases may be deleted.");
      }
    }
  }

  /**
   * Process instances of a deployment's process definitions: still running, and all (running or
   * historic).
   */
  private record Cases(long running, long all) {}

  private Cases countCases(String deploymentId) {
    long running =
        configuration
            .getRuntimeService()
            .createProcessInstanceQuery()
            .deploymentId(deploymentId)
            .count();
    long historic = 0;
    for (ProcessDefinition definition :
        configuration
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(deploymentId)
            .list()) {
      historic +=
          configuration
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processDefinitionId(definition.getId())
              .count();
    }
    return new Cases(running, Math.max(running, historic));
  }

  /**
   * The user a command runs for, unless there is none (start-up, tests) or it is an administrator.
   */
  private Optional<String> untrustedUser() {
    Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
    if (authentication == null) {
      return Optional.empty();
    }
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    List<String> adminGroups =
        configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> adminUsers =
        configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    String userId = authentication.getUserId();
    boolean administrator =
        adminGroups.stream().anyMatch(groups::contains)
            || (userId != null && adminUsers.contains(userId));
    return administrator ? Optional.empty() : Optional.of(String.valueOf(userId));
  }
}
