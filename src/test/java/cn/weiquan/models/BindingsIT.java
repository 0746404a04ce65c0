package cn.weiquan.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.EngineJobs;
import cn.weiquan.support.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The README's binding table, shown: a designer deploys one changed file over
 * /engine-rest/deployment/create as Camunda Modeler does, and the next case uses it; a running case
 * behaves as the table says.
 */
class BindingsIT extends ApplicationIT {
  private static final String DESIGNER = "designer";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Test
  void aChangedDecisionTable_decidesTheNextPayoutsApprover() throws IOException {
    String changed =
        Files.readString(ProjectFiles.path("processes/compensation-authority.dmn"))
            .replace(
                "<outputEntry id=\"OutputEntry_Frontline_2\"><text>\"complaint-handlers\"</text></outputEntry>",
                "<outputEntry id=\"OutputEntry_Frontline_2\"><text>\"supervisors\"</text></outputEntry>");
    assertThat(changed).contains("OutputEntry_Frontline_2\"><text>\"supervisors\"");
    String deployment = deploy("bindings-dmn", "compensation-authority.dmn", changed);
    try {
      Task approval = payoutWaitingForApproval("30");

      assertThat(candidateGroups(approval)).containsExactly("supervisors");
    } finally {
      undeploy(deployment);
    }
    assertThat(candidateGroups(payoutWaitingForApproval("30")))
        .as("the product's table again")
        .containsExactly("complaint-handlers");
  }

  @Test
  void aChangedForm_showsOnTheNextTask_andOnATaskAlreadyOpen() throws IOException {
    ProcessInstance open = disputeAtTheChoice();
    String formFile = "dispute-choose-channel.form";
    String changed = Files.readString(ProjectFiles.path("forms/" + formFile));
    String label = firstLabel(changed);
    changed =
        changed.replace("\"label\": \"" + label + "\"", "\"label\": \"" + label + "（设计员已修改）\"");
    assertThat(changed).contains("（设计员已修改）");
    String deployment = deploy("bindings-form", formFile, changed);
    try {
      ProcessInstance next = disputeAtTheChoice();

      assertThat(deployedForm(choiceTask(next))).contains(label + "（设计员已修改）");
      assertThat(deployedForm(choiceTask(open)))
          .as("binding latest: an open task loads the latest form too")
          .contains(label + "（设计员已修改）");
    } finally {
      undeploy(deployment);
    }
    assertThat(deployedForm(choiceTask(open))).doesNotContain("（设计员已修改）");
  }

  @Test
  void aChangedChannelModel_isCalledByTheNextCase_aRunningChannelFinishesOnItsVersion()
      throws IOException {
    ProcessInstance before = disputeAtTheChoice();
    choose(before, "court");
    ProcessDefinition old = calledDefinition(before, ProcessKeys.DISPUTE_COURT);
    String changed =
        Files.readString(ProjectFiles.path("processes/dispute-court.bpmn"))
            .replaceFirst("<bpmn:documentation>", "<bpmn:documentation>（设计员修订）");
    deploy("bindings-bpmn", "dispute-court.bpmn", changed);

    ProcessInstance after = disputeAtTheChoice();
    choose(after, "court");

    ProcessDefinition latest = calledDefinition(after, ProcessKeys.DISPUTE_COURT);
    assertThat(latest.getVersion()).isGreaterThan(old.getVersion());
    assertThat(engine.getRepositoryService().getProcessModel(latest.getId()))
        .asString(StandardCharsets.UTF_8)
        .contains("（设计员修订）");
    assertThat(calledDefinition(before, ProcessKeys.DISPUTE_COURT).getId())
        .as("the running channel keeps its version")
        .isEqualTo(old.getId());
    // the case's own definition is the one it started with
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(before.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(before.getProcessDefinitionId());
  }

  // ------------------------------------------------------------------ helpers

  private String deploy(String name, String fileName, String content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add(
        fileName,
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    ResponseEntity<JsonNode> response =
        as(DESIGNER)
            .post()
            .uri("/engine-rest/deployment/create")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(200);
    return response.getBody().path("id").asText();
  }

  /** A deployment without cases (a table, a form) may be taken back by the designer who made it. */
  private void undeploy(String deploymentId) {
    int status =
        as(DESIGNER)
            .delete()
            .uri("/engine-rest/deployment/{id}?cascade=true", deploymentId)
            .retrieve()
            .toBodilessEntity()
            .getStatusCode()
            .value();
    assertThat(status).isEqualTo(204);
  }

  private Task payoutWaitingForApproval(String amount) {
    String caseNo =
        as("api")
            .post()
            .uri("/api/complaints")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                """
            {"complainant":{"name":"王女士","phone":"13812345678","email":"wang@example.cn"},"contactChannel":"phone",
             "occurredOn":"%s","location":"3号楼","category":"staff-attitude","description":"服务态度差","claim":"道歉并补偿"}
            """
                    .formatted(LocalDate.now(CHINA).minusDays(1)))
            .retrieve()
            .body(JsonNode.class)
            .path("caseNo")
            .asText();
    runJobs();
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
    String proposal =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .list()
            .get(0)
            .getTaskDefinitionKey();
    complete(
        caseNo,
        proposal,
        Map.of(
            "solution",
            "赔礼道歉并补偿",
            "apology",
            "深表歉意",
            "compensationAmount",
            amount,
            "improvementMeasures",
            "加强培训",
            "committeeMembers",
            "客服部、主管",
            "committeeMinutes",
            "同意补偿",
            "remedyMeasures",
            "补救"));
    Task approval =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey("Task_ApprovePayout")
            .singleResult();
    assertThat(approval).as("the payout of %s waits for approval", amount).isNotNull();
    return approval;
  }

  private java.util.List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(link -> link.getGroupId())
        .toList();
  }

  private ProcessInstance disputeAtTheChoice() {
    LocalDate today = LocalDate.now(CHINA);
    Map<String, Object> v = new HashMap<>();
    v.put("consumerName", "绑定测试消费者");
    v.put("consumerPhone", "13800000001");
    v.put("consumerEmail", "binding@example.cn");
    v.put("merchantName", "某家电旗舰店");
    v.put("merchantEmail", "shop@example.cn");
    v.put("purchaseChannel", "offline");
    v.put("itemName", "滚筒洗衣机");
    v.put("price", "1999.00");
    v.put("quantity", 1);
    v.put("paidAt", Date.from(today.minusDays(10).atStartOfDay(CHINA).toInstant()));
    v.put("harmKnownOn", Date.from(today.minusDays(7).atStartOfDay(CHINA).toInstant()));
    v.put("category", "quality");
    v.put("description", "漏水严重");
    v.put("claimRefund", true);
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.CONSUMER_DISPUTE, v);
    runJobs();
    engine
        .getRuntimeService()
        .createMessageCorrelation("MerchantResponse")
        .processInstanceId(instance.getId())
        .setVariable("merchantAnswer", "reject")
        .correlate();
    runJobs();
    assertThat(choiceTask(instance)).isNotNull();
    return instance;
  }

  private Task choiceTask(ProcessInstance instance) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey("Task_RecordChannelChoice")
        .singleResult();
  }

  private void choose(ProcessInstance instance, String channel) {
    engine.getTaskService().complete(choiceTask(instance).getId(), Map.of("nextChannel", channel));
    runJobs();
  }

  private ProcessDefinition calledDefinition(ProcessInstance spine, String key) {
    String definitionId =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(spine.getId())
            .processDefinitionKey(key)
            .singleResult()
            .getProcessDefinitionId();
    return engine.getRepositoryService().getProcessDefinition(definitionId);
  }

  /** The form Tasklist loads for the task, as the mediator's browser asks for it. */
  private String deployedForm(Task task) {
    ResponseEntity<String> form =
        as("mediator")
            .get()
            .uri("/engine-rest/task/{id}/deployed-form", task.getId())
            .retrieve()
            .toEntity(String.class);
    assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(200);
    return form.getBody();
  }

  private static String firstLabel(String form) {
    java.util.regex.Matcher label =
        java.util.regex.Pattern.compile("\"label\": \"([^\"]+)\"").matcher(form);
    assertThat(label.find()).isTrue();
    return label.group(1);
  }

  private void complete(String caseNo, String taskKey, Map<String, Object> answers) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseNo)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task %s of %s", taskKey, caseNo).isNotNull();
    engine.getFormService().submitTaskForm(task.getId(), answers);
    runJobs();
  }

  private void runJobs() {
    EngineJobs.runMessageJobs(engine.getManagementService(), null, 100);
  }
}
