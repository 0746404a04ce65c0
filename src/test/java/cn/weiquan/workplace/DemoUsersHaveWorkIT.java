package cn.weiquan.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.AccessModel;
import cn.weiquan.platform.IdentitySetup;
import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.platform.TaskGrantCleanup;
import cn.weiquan.platform.TasklistFilters;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.DisputeFacts;
import cn.weiquan.support.EngineJobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Every demo user of README's table has work to try: after one case of each kind reaches the step
 * its group works on, each Tasklist user finds that step in the Tasklist filter 我组的任务 (supervisors
 * also in 全部任务), asked over the engine's REST API as that user, with the step's documentation as
 * its description and the most urgent task first; the Cockpit users find the cases.
 */
class DemoUsersHaveWorkIT extends ApplicationIT {
  @Autowired TaskGrantCleanup taskGrantCleanup;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  void oneCaseOfEachKind_everyDemoUserFindsTheirStepInTheirTasklistFilter() {
    TaskService tasks = engine.getTaskService();
    // a consumer dispute whose merchant refused: the mediator records the consumer's choice of
    // channel
    ProcessInstance refused = fileDispute();
    merchantRefuses(refused);
    Task channelChoice = task(refused.getBusinessKey(), "Task_RecordChannelChoice");
    // another at the platform's review
    ProcessInstance atPlatform = fileDispute();
    merchantRefuses(atPlatform);
    tasks.complete(
        task(atPlatform.getBusinessKey(), "Task_RecordChannelChoice").getId(),
        Map.of("nextChannel", "platform"));
    runJobs();
    for (String party : List.of("merchant", "consumer")) {
      engine
          .getRuntimeService()
          .createMessageCorrelation("EvidenceSubmitted")
          .processInstanceBusinessKey(atPlatform.getBusinessKey())
          .setVariable("evidenceFrom", party)
          .setVariable("evidenceDescription", "举证材料")
          .correlate();
      runJobs();
    }
    Task platformReview = task(atPlatform.getBusinessKey(), "Task_PlatformReview");

    // complaints filed over /api: a lift failure (紧急, engineering), a rude employee (重要, customer
    // service)
    String liftFailure = fileComplaint("lift-failure");
    String rudeEmployee = fileComplaint("staff-attitude");
    // one at the committee (supervisors with the department), one at headquarters' approval of ¥800
    String atCommittee = fileComplaint("staff-attitude");
    acceptAndInvestigate(atCommittee);
    String atHeadquarters = fileComplaint("staff-attitude");
    acceptAndInvestigate(atHeadquarters);
    propose(atHeadquarters, "Task_CommitteeReview", "800.00");
    // a cleaning complaint (一般, environment) settled with ¥30: the complaint desk approves payouts
    // below ¥50
    String smallPayout = fileComplaint("cleaning");
    acceptAndInvestigate(smallPayout);
    propose(smallPayout, "Task_NegotiateSolution", "30.00");

    Map<String, Task> work = new HashMap<>();
    work.put("mediator", channelChoice);
    work.put("reviewer", platformReview);
    work.put("engineer", task(liftFailure, "Task_DispatchEmergency"));
    work.put("service", task(rudeEmployee, "Task_AcceptComplaint"));
    work.put("supervisor", task(atCommittee, "Task_CommitteeReview"));
    work.put("hq", task(atHeadquarters, "Task_ApprovePayout"));
    work.put("handler", task(smallPayout, "Task_ApprovePayout"));

    List<String> tasklistUsers = new ArrayList<>();
    for (IdentitySetup.DemoUser demo : IdentitySetup.DEMO_USERS) {
      if (List.of("analyst", "designer").contains(demo.id())) {
        continue; // Cockpit users, below
      }
      if (demo.id().equals("monitor")) {
        continue; // the monitoring system's account: /actuator only (OperabilityIT), no webapp
      }
      tasklistUsers.add(demo.id());
      Task expected = work.get(demo.id());
      assertThat(expected)
          .as("the test gives the demo user %s (%s) work", demo.id(), demo.group())
          .isNotNull();
      JsonNode listed = filterList(demo.id(), TasklistFilters.MY_GROUP_TASKS);
      JsonNode found = byId(listed, expected.getId());
      assertThat(found)
          .as(
              "%s finds %s (%s) in %s",
              demo.id(), expected.getName(), expected.getId(), TasklistFilters.MY_GROUP_TASKS)
          .isNotNull();
      assertThat(found.path("description").asText())
          .as("%s reads what the step asks (its documentation)", demo.id())
          .hasSizeGreaterThan(60);
      assertThat(priorities(listed))
          .as("%s's list: the most urgent first", demo.id())
          .isSortedAccordingTo((a, b) -> b - a);
    }
    assertThat(tasklistUsers)
        .containsExactlyInAnyOrder(
            "mediator", "reviewer", "handler", "engineer", "service", "supervisor", "hq");

    // the engineer's lift failure is 紧急: both its tasks above the supervisor's 重要 committee in 全部任务
    JsonNode everything = filterList("supervisor", TasklistFilters.ALL_TASKS);
    int urgent = indexOf(everything, task(liftFailure, "Task_AcceptComplaint").getId());
    int important = indexOf(everything, work.get("supervisor").getId());
    assertThat(important).as("the supervisor's committee in 全部任务").isNotNegative();
    assertThat(urgent).as("the 紧急 complaint above the 重要 one in 全部任务").isBetween(0, important - 1);
    assertThat(filterNames("demo"))
        .as("the administrator has every filter")
        .contains(TasklistFilters.MY_GROUP_TASKS, TasklistFilters.ALL_TASKS);
    assertThat(filterNames("engineer"))
        .as("全部任务 is the supervisors'")
        .doesNotContain(TasklistFilters.ALL_TASKS);

    // Cockpit users: the cases, without their data
    for (String cockpitUser : List.of("analyst", "designer")) {
      JsonNode cases =
          as(cockpitUser)
              .get()
              .uri("/engine-rest/process-instance?businessKey={key}", liftFailure)
              .retrieve()
              .body(JsonNode.class);
      assertThat(cases).as("%s sees the filed complaint in Cockpit", cockpitUser).hasSize(1);
    }
  }

  @Test
  void
      aMediatorsTask_carriesNoGrantOfItsOwn_yetTheMediatorFindsReadsAndClaimsIt_andAnEngineerCannot() {
    ProcessInstance refused = fileDispute();
    merchantRefuses(refused);
    Task choice = task(refused.getBusinessKey(), "Task_RecordChannelChoice");
    assertThat(
            engine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceType(Resources.TASK)
                .resourceId(choice.getId())
                .list())
        .as("no per-task grant: the access model covers every task of the dispute for mediators")
        .isEmpty();

    assertThat(byId(filterList("mediator", TasklistFilters.MY_GROUP_TASKS), choice.getId()))
        .as("the mediator's 我组的任务")
        .isNotNull();
    assertThat(
            as("mediator")
                .get()
                .uri("/engine-rest/task/{id}/form-variables", choice.getId())
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("the mediator reads the task's variables")
        .isEqualTo(200);
    assertThat(
            as("mediator")
                .post()
                .uri("/engine-rest/task/{id}/claim", choice.getId())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"userId\":\"mediator\"}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("the mediator claims it")
        .isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(choice.getId()).singleResult())
        .extracting(Task::getAssignee)
        .isEqualTo("mediator");

    assertThat(
            as("engineer")
                .get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}", refused.getBusinessKey())
                .retrieve()
                .body(JsonNode.class))
        .as("a department's engineer does not see a dispute's task")
        .isEmpty();
    assertThat(
            as("engineer")
                .post()
                .uri("/engine-rest/task/{id}/unclaim", choice.getId())
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .as("nor touch it")
        .isEqualTo(403);
  }

  @Test
  void perTaskGrantsAnEarlierVersionWrote_theCoveredOnesAreRemovedAtStart_othersStay() {
    ProcessInstance refused = fileDispute();
    merchantRefuses(refused);
    Task choice = task(refused.getBusinessKey(), "Task_RecordChannelChoice");
    AuthorizationService authorizations = engine.getAuthorizationService();
    // as the engine's default grants wrote them before ModelTaskGrants (the task and its history),
    // and one a person added
    grant("mediators", Resources.TASK, choice.getId(), Permissions.READ, Permissions.UPDATE);
    grant("mediators", Resources.HISTORIC_TASK, choice.getId(), HistoricTaskPermissions.READ);
    Authorization other =
        grant(
            "dept-engineering",
            Resources.TASK,
            choice.getId(),
            Permissions.READ,
            Permissions.UPDATE);
    try {
      assertThat(taskGrantCleanup.removeRedundant(AccessModel.grants())).isEqualTo(2);
      assertThat(authorizations.createAuthorizationQuery().resourceId(choice.getId()).list())
          .extracting(Authorization::getGroupId)
          .as("the mediators' grant went, the department's stays")
          .containsExactly("dept-engineering");
    } finally {
      authorizations.deleteAuthorization(other.getId());
    }
  }

  private Authorization grant(
      String group, Resources resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    return authorizations.saveAuthorization(grant);
  }

  // ------------------------------------------------------------------ REST as the user

  private JsonNode filterList(String user, String filterName) {
    String id = null;
    for (JsonNode filter :
        as(user)
            .get()
            .uri("/engine-rest/filter?resourceType=Task")
            .retrieve()
            .body(JsonNode.class)) {
      if (filter.path("name").asText().equals(filterName)) {
        id = filter.path("id").asText();
      }
    }
    assertThat(id).as("%s has the filter %s", user, filterName).isNotNull();
    JsonNode list =
        as(user)
            .post()
            .uri("/engine-rest/filter/{id}/list?firstResult=0&maxResults=500", id)
            .contentType(MediaType.APPLICATION_JSON)
            .body("{}")
            .retrieve()
            .body(JsonNode.class);
    assertThat(list.isArray()).as("%s's %s: %s", user, filterName, list).isTrue();
    return list;
  }

  private List<String> filterNames(String user) {
    return as(user)
        .get()
        .uri("/engine-rest/filter?resourceType=Task")
        .retrieve()
        .body(JsonNode.class)
        .findValuesAsText("name");
  }

  private static JsonNode byId(JsonNode list, String taskId) {
    for (JsonNode task : list) {
      if (task.path("id").asText().equals(taskId)) {
        return task;
      }
    }
    return null;
  }

  private static int indexOf(JsonNode list, String taskId) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path("id").asText().equals(taskId)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Integer> priorities(JsonNode list) {
    List<Integer> priorities = new ArrayList<>();
    list.forEach(task -> priorities.add(task.path("priority").asInt()));
    return priorities;
  }

  // ------------------------------------------------------------------ cases

  private ProcessInstance fileDispute() {
    Map<String, Object> v =
        DisputeFacts.onlinePurchase(
            LocalDate.now(CHINA),
            "演示消费者",
            "13800007777",
            "consumer@example.cn",
            "电饭煲（演示）",
            "内胆涂层脱落");
    v.put("price", "399.00");
    ProcessInstance dispute =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, v);
    runJobs();
    return dispute;
  }

  private void merchantRefuses(ProcessInstance dispute) {
    engine
        .getRuntimeService()
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(dispute.getId())
        .setVariable("merchantAnswer", "reject")
        .correlate();
    runJobs();
  }

  private String fileComplaint(String category) {
    String filing =
        """
        {"complainant":{"name":"演示投诉人","phone":"13900007777","email":"complainant@example.cn"},"contactChannel":"phone",
         "occurredOn":"%s","location":"5号楼","category":"%s","description":"投诉内容","claim":"尽快处理"}
        """
            .formatted(LocalDate.now(CHINA).minusDays(1), category);
    String caseNo =
        as("api")
            .post()
            .uri("/api/complaints")
            .contentType(MediaType.APPLICATION_JSON)
            .body(filing)
            .retrieve()
            .body(JsonNode.class)
            .path("caseNo")
            .asText();
    assertThat(caseNo).startsWith("TS-");
    runJobs();
    return caseNo;
  }

  private void acceptAndInvestigate(String caseNo) {
    complete(caseNo, "Task_AcceptComplaint", Map.of("firstContactNote", "已致电投诉人"));
    complete(
        caseNo,
        "Task_InvestigateComplaint",
        Map.of(
            "contactRecord",
            "面谈",
            "verifiedFacts",
            "投诉属实",
            "evidence",
            "现场照片",
            "responsibility",
            "company"));
  }

  private void propose(String caseNo, String taskKey, String compensation) {
    complete(
        caseNo,
        taskKey,
        Map.of(
            "solution",
            "赔礼道歉并补偿",
            "apology",
            "深表歉意",
            "compensationAmount",
            compensation,
            "improvementMeasures",
            "加强培训",
            "committeeMembers",
            "客服部、主管",
            "committeeMinutes",
            "同意补偿"));
  }

  private void complete(String caseNo, String taskKey, Map<String, Object> answers) {
    engine.getFormService().submitTaskForm(task(caseNo, taskKey).getId(), answers);
    runJobs();
  }

  private Task task(String caseNo, String taskKey) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, caseNo).isNotNull();
    return task;
  }

  private void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }
}
