package cn.weiquan.complaint;

import cn.weiquan.cases.CaseVariables;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * 保密原则: the handling department may read its own complaint (and its history), case by case. The
 * engine already grants the candidate groups their tasks; supervisors read every case by their
 * grants. Listener at the end of routing and of the triage step, so a reassigned department is
 * granted too.
 */
@Component("complaintAccess")
public class ComplaintAccess implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String department = CaseVariables.string(execution, ComplaintVariables.DEPARTMENT);
    if (department != null) {
      grant(
          execution.getProcessEngineServices().getAuthorizationService(),
          execution.getProcessInstanceId(),
          department);
    }
  }

  static void grant(AuthorizationService authorizations, String processInstanceId, String group) {
    grant(
        authorizations,
        Resources.PROCESS_INSTANCE,
        processInstanceId,
        group,
        ProcessInstancePermissions.READ);
    grant(
        authorizations,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        group,
        HistoricProcessInstancePermissions.READ);
  }

  private static void grant(
      AuthorizationService authorizations,
      Resource resource,
      String id,
      String group,
      org.camunda.bpm.engine.authorization.Permission permission) {
    boolean granted =
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(id)
                .hasPermission(permission)
                .count()
            > 0;
    if (!granted) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(id);
      grant.addPermission(permission);
      authorizations.saveAuthorization(grant);
    }
  }
}
