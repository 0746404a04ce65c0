package cn.weiquan.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.weiquan.platform.AccessModel.Grant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the stored group grants equal the {@link AccessModel}: missing grants are added, grants
 * with other permissions are set to the model's, grants the model no longer has are deleted. Runs
 * at every start, so tightening a grant in code reaches databases created by earlier versions.
 * Leaves alone what the model does not own (per-task, per-instance and filter grants, user grants,
 * global grants).
 */
public class GrantReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(GrantReconciler.class);

  /** What one run changed, for the log and for tests. */
  public record Changes(int added, int updated, int removed) {}

  private final AuthorizationService authorizations;

  public GrantReconciler(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public Changes reconcile(List<Grant> model, List<String> groups) {
    Map<String, Grant> wanted = new HashMap<>();
    for (Grant grant : model) {
      Grant before =
          wanted.put(
              key(grant.group(), grant.resource().resourceType(), grant.resourceId()), grant);
      if (before != null) {
        throw new IllegalStateException(
            "the access model grants "
                + grant.group()
                + " on "
                + grant.resource().resourceName()
                + " "
                + grant.resourceId()
                + " twice");
      }
    }
    int added = 0;
    int updated = 0;
    int removed = 0;
    for (Authorization stored :
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groups.toArray(String[]::new))
            .list()) {
      Resource resource = resource(stored.getResourceType());
      if (resource == null || !AccessModel.ownedByModel(resource, stored.getResourceId())) {
        continue;
      }
      Grant grant =
          wanted.remove(key(stored.getGroupId(), stored.getResourceType(), stored.getResourceId()));
      if (grant == null) {
        authorizations.deleteAuthorization(stored.getId());
        LOG.info(
            "Access model: removed {}'s grant on {} {}",
            stored.getGroupId(),
            resource.resourceName(),
            stored.getResourceId());
        removed++;
      } else if (!holdsExactly(stored, grant.permissions())) {
        stored.setPermissions(grant.permissions().toArray(Permission[]::new));
        authorizations.saveAuthorization(stored);
        LOG.info(
            "Access model: set {}'s grant on {} {} to {}",
            grant.group(),
            resource.resourceName(),
            grant.resourceId(),
            grant.permissions());
        updated++;
      }
    }
    for (Grant grant : wanted.values()) {
      Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      created.setGroupId(grant.group());
      created.setResource(grant.resource());
      created.setResourceId(grant.resourceId());
      created.setPermissions(grant.permissions().toArray(Permission[]::new));
      authorizations.saveAuthorization(created);
      added++;
    }
    return new Changes(added, updated, removed);
  }

  static boolean holdsExactly(Authorization stored, Set<Permission> permissions) {
    if (permissions.stream().anyMatch(p -> p.getValue() == Permissions.ALL.getValue())) {
      return stored.isEveryPermissionGranted();
    }
    int wanted = permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    int held = 0;
    for (Permission permission : AccessModel.knownPermissions()) {
      if (stored.isPermissionGranted(permission)) {
        held |= permission.getValue();
      }
    }
    return held == wanted && !stored.isEveryPermissionGranted();
  }

  private static Resource resource(int type) {
    for (Resources resource : Resources.values()) {
      if (resource.resourceType() == type) {
        return resource;
      }
    }
    return null;
  }

  private static String key(String group, int resourceType, String resourceId) {
    return group + '\n' + resourceType + '\n' + resourceId;
  }
}
