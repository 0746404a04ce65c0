package cn.weiquan.intake;

import cn.weiquan.api.ApiCaller;
import cn.weiquan.api.ApiException;
import cn.weiquan.platform.WeiquanGroups;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case. A case's parties are the api client that filed it ({@code
 * filedBy}, acting for the consumer or complainant) and the api client named for the merchant
 * ({@code merchantUser}): facts of the case. Staff read a case when the engine lets them read its
 * data (README "Access model": READ_HISTORY_VARIABLE on the process, or READ on that case's
 * history, as a complaint's department has): one source of authorization for /api and the engine.
 * Anyone else gets 404, exactly as for a number that does not exist, so case numbers cannot be
 * probed.
 */
@Component
public class CaseAccess {
  private static final Pattern CASE_NO = Pattern.compile("[A-Z]{2,8}-\\d{4}-\\d{1,12}");
  private static final Map<String, String> ROLE_NAMES =
      Map.of("claimant", "投诉方", "merchant", "经营者", "staff", "工作人员");

  /** What the caller is to the case. */
  public enum Role {
    CLAIMANT,
    MERCHANT,
    STAFF
  }

  /** A case found for a caller. */
  public record CaseRef(
      String processKey,
      String caseNo,
      String processInstanceId,
      String processDefinitionId,
      boolean ended,
      Set<Role> roles) {
    public boolean is(Role role) {
      return roles.contains(role);
    }
  }

  private final HistoryService history;
  private final AuthorizationService authorizations;

  public CaseAccess(HistoryService history, AuthorizationService authorizations) {
    this.history = history;
    this.authorizations = authorizations;
  }

  /** The case, if the caller may read it; 404 otherwise. */
  public CaseRef read(String processKey, String caseNo, ApiCaller caller) {
    if (caseNo == null || !CASE_NO.matcher(caseNo).matches()) {
      throw noSuchCase(String.valueOf(caseNo).replaceAll("[^A-Za-z0-9-]", ""));
    }
    List<HistoricProcessInstance> found =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .processInstanceBusinessKey(caseNo)
            .list();
    if (found.size() != 1) {
      throw noSuchCase(caseNo);
    }
    HistoricProcessInstance instance = found.get(0);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableNameIn(IntakeVariables.FILED_BY, IntakeVariables.MERCHANT_USER)
            .list()) {
      if (caller.userId().equals(v.getValue())) {
        roles.add(IntakeVariables.FILED_BY.equals(v.getName()) ? Role.CLAIMANT : Role.MERCHANT);
      }
    }
    if (roles.isEmpty() && mayReadCaseData(caller, processKey, instance.getId())) {
      roles.add(Role.STAFF);
    }
    if (roles.isEmpty()) {
      throw noSuchCase(caseNo);
    }
    return new CaseRef(
        processKey,
        caseNo,
        instance.getId(),
        instance.getProcessDefinitionId(),
        instance.getEndTime() != null,
        roles);
  }

  /**
   * The engine's answer to "may this user read the case's data?", as its historic variable query
   * decides it.
   */
  public boolean mayReadCaseData(ApiCaller caller, String processKey, String processInstanceId) {
    List<String> groups = List.copyOf(caller.groups());
    return authorizations.isUserAuthorized(
            caller.userId(),
            groups,
            ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
            Resources.PROCESS_DEFINITION,
            processKey)
        || authorizations.isUserAuthorized(
            caller.userId(),
            groups,
            HistoricProcessInstancePermissions.READ,
            Resources.HISTORIC_PROCESS_INSTANCE,
            processInstanceId);
  }

  /**
   * The case, if the caller may act on it in one of the given roles: 404 for strangers, 403 for the
   * wrong party.
   */
  public CaseRef act(String processKey, String caseNo, ApiCaller caller, Role... allowed) {
    CaseRef ref = read(processKey, caseNo, caller);
    for (Role role : allowed) {
      if (ref.is(role)) {
        return ref;
      }
    }
    String who = allowed.length == 1 ? allowed[0].name().toLowerCase() : "parties";
    throw ApiException.forbidden(
        "此操作只能由案件 " + caseNo + " 的" + ROLE_NAMES.getOrDefault(who, "当事人") + "进行",
        "this answer is for the " + who + " of case " + caseNo);
  }

  /**
   * 404 for a case that does not exist and for one the caller is no party to: numbers cannot be
   * probed.
   */
  static ApiException noSuchCase(String caseNo) {
    return ApiException.notFound("您名下没有案件 " + caseNo, "no case " + caseNo + " for this caller");
  }

  /** Filing needs the api-clients group: those accounts act for parties. */
  public static void requireApiClient(ApiCaller caller) {
    if (!caller.isMemberOf(WeiquanGroups.API_CLIENTS)) {
      throw ApiException.forbidden(
          "只有接口客户端（api-clients 组）可以提交案件", "filing is for members of the api-clients group");
    }
  }
}
