package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.weiquan.privacy.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The consumer's choice of the next channel (消法 Art. 39): the open-channels decision says which
 * channels are still open, the form and the mail list exactly those, a choice outside them is
 * refused, and a channel that did not resolve the dispute brings the case back to the choice
 * without it.
 */
@Deployment(
    resources = {
      DisputeCases.BPMN,
      DisputeCases.PLATFORM_BPMN,
      DisputeCases.ASSOCIATION_BPMN,
      DisputeCases.REGULATOR_BPMN,
      DisputeCases.ARBITRATION_BPMN,
      DisputeCases.COURT_BPMN,
      DisputeCases.PENALTY_DMN,
      DisputeCases.CHANNELS_DMN
    })
class ChannelChoiceTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  @Test
  void
      negotiationFailed_onlinePurchase_platformAssociationRegulatorAndCourtAreOffered_inTheTaskAndTheMail() {
    ProcessInstance instance = cases.start();

    cases.merchantRefuses(instance);

    assertThat(instance)
        .hasPassed("Task_CheckLimitation", "BusinessRule_OpenChannels")
        .isWaitingAt("Task_RecordChannelChoice");
    assertThat(cases.offered(instance))
        .containsExactly("platform", "association", "regulator", "court");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .last()
        .satisfies(
            m ->
                assertThat(DisputeCases.text(m))
                    .contains("电商平台介入", "消费者协会调解", "向市场监管部门投诉", "向人民法院起诉")
                    .doesNotContain("申请仲裁"));
  }

  @Test
  void withAnArbitrationAgreement_arbitrationIsOfferedInsteadOfTheCourt() {
    ProcessInstance instance =
        cases.start(Map.of(ARBITRATION_AGREEMENT, true, PURCHASE_CHANNEL, "offline"));

    cases.merchantRefuses(instance);

    assertThat(cases.offered(instance)).containsExactly("association", "regulator", "arbitration");
  }

  @Test
  void aChannelNotOffered_isRefused_inTasklistAndByMessage_andTheCaseStaysAtTheChoice() {
    ProcessInstance instance = cases.start();
    cases.merchantRefuses(instance);

    assertThatThrownBy(() -> cases.chooseChannel(instance, "arbitration"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("不在本案可选的途径内");
    assertThatThrownBy(
            () ->
                cases.correlate(
                    instance,
                    "ConsumerDecision",
                    Map.of(CONSUMER_DECISION, "escalate", NEXT_CHANNEL, "court-of-appeal")))
        .hasMessageContaining("court-of-appeal");

    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId())
                .count())
        .isZero();
  }

  @Test
  void limitationRunsOutBeforeTheChoice_consumerIsToldAndTheCaseEnds() {
    // harm known 5 March 2023: eligible on 2 March 2026, the 3 years end 5 March 2026 at 24:00 (民法典
    // Art. 188)
    ProcessInstance instance = cases.start(Map.of(HARM_KNOWN_ON, DisputeCases.day(2023, 3, 5)));
    cases.setClock(DisputeCases.day(2026, 3, 9));

    cases.merchantRefuses(instance);

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_NotifyLimitationExpired", "EndEvent_LimitationExpired")
        .hasNotPassed("BusinessRule_OpenChannels");
    assertThat(cases.variable(instance, STAGE)).isEqualTo("超过诉讼时效");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("limitation-expired");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("2026年3月5日", "第一百八十八条"));
  }

  @Test
  void theDesignerNarrowsTheChannels_noneLeft_theConsumerIsToldAndTheCaseEnds() {
    ProcessInstance instance = cases.start();
    // a designer deploys a new version of the decision (binding latest): the running case uses it
    // at its next choice
    var narrowed =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("designer: no channel for this case")
            .addClasspathResource("dispute/dispute-open-channels-none.dmn")
            .deploy();
    try {
      cases.merchantRefuses(instance);

      assertThat(instance)
          .isEnded()
          .hasPassed("Task_NotifyNoChannelLeft", "EndEvent_NoChannelLeft")
          .hasNotPassed("Task_RecordChannelChoice");
      assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("no-channel-left");
      assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
          .last()
          .satisfies(m -> assertThat(DisputeCases.text(m)).contains("已无"));
    } finally {
      engine.getRepositoryService().deleteDeployment(narrowed.getId(), true);
    }
  }

  @Test
  void aChannelThatDidNotResolveTheDispute_bringsTheCaseBackToTheChoice_withoutTheChannelsTried() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "association");
    cases.complete(
        instance,
        "Task_ReviewAcceptance",
        Map.of(
            MEDIATION_ACCEPTED, false, "acceptanceReason", "经营者已停业", "acceptanceBasis", "本会受理范围"));
    assertThat(cases.offered(instance)).containsExactly("platform", "court");

    cases.chooseChannel(instance, "platform");
    cases.passTimer("Timer_EvidenceWindow");
    cases.complete(
        instance,
        "Task_PlatformReview",
        Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "证据不足"));
    cases.complete(
        instance, "Task_RecordPlatformDecisionAnswer", Map.of(CONSUMER_DECISION, "escalate"));

    assertThat(cases.offered(instance)).containsExactly("court");
    assertThat(instance)
        .variables()
        .containsEntry("triedAssociation", true)
        .containsEntry("triedPlatform", true)
        .doesNotContainKey("triedCourt");
    cases.chooseChannel(instance, "court");
    assertThat(cases.channel(instance, "dispute-court"))
        .isWaitingAt("Task_PrepareLitigationPackage");
  }

  @Test
  void mediationFails_theConsumerGoesToArbitration_inTheSameCase() {
    ProcessInstance instance =
        cases.start(Map.of(ARBITRATION_AGREEMENT, true, PURCHASE_CHANNEL, "offline"));
    cases.toChannel(instance, "association");
    cases.acceptMediation(instance);
    cases.session(instance, "failed");

    // the association handled the dispute: neither it nor the regulator takes it again; the
    // arbitration agreement stands
    assertThat(cases.offered(instance)).containsExactly("arbitration");
    cases.chooseChannel(instance, "arbitration");
    cases.complete(
        instance,
        "Task_FileArbitration",
        Map.of("arbitrationCommission", "上海仲裁委员会", "arbitrationFiledOn", "2026-03-10"));
    cases.correlate(instance, "ArbitrationAward", Map.of("arbitrationAward", "被申请人退还货款1999.00元"));

    assertThat(instance).isEnded().hasPassed("CallActivity_Channel", "EndEvent_ResolvedInChannel");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("arbitrated");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(instance.getId())
                .list())
        .extracting(p -> p.getProcessDefinitionKey())
        .containsExactlyInAnyOrder("dispute-association", "dispute-arbitration");
  }

  @Test
  void mediationFails_theConsumerSues_theJudgmentIsEnforced_inTheSameCase() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "association");
    cases.acceptMediation(instance);
    cases.session(instance, "failed");
    assertThat(cases.offered(instance)).containsExactly("platform", "court");

    cases.chooseChannel(instance, "court");
    cases.complete(
        instance,
        "Task_PrepareLitigationPackage",
        Map.of("courtName", "杭州互联网法院", "lawsuitFiledOn", "2026-03-12"));
    cases.correlate(
        instance,
        "JudgmentReceived",
        Map.of(JUDGMENT_SERVED_AT, cases.now(), "judgmentSummary", "判决被告退还货款"));
    cases.passTimer("Timer_AppealWindow");
    cases.complete(
        instance, "Task_RecordPerformanceDeadline", Map.of(PERFORMANCE_DUE, "2026-04-30"));
    cases.complete(
        instance,
        "Task_ApplyForEnforcement",
        Map.of(
            ENFORCEMENT,
            "applied",
            "enforcementAppliedOn",
            "2026-05-06",
            "enforcementCourt",
            "杭州互联网法院"));
    cases.correlate(instance, "EnforcementOutcome", Map.of("enforcementOutcome", "执行完毕"));

    assertThat(instance).isEnded().hasPassed("EndEvent_ResolvedInChannel");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("judged");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(instance.getId())
                .list())
        .extracting(p -> p.getProcessDefinitionKey())
        .containsExactlyInAnyOrder("dispute-association", "dispute-court");
  }

  @Test
  void aPlatformComplaintFiledAfterItsWindow_theCaseIsNotOfferedThePlatform() {
    // a malicious-review complaint 20 days after the trade completed: the platform's 15 days have
    // passed
    ProcessInstance instance =
        cases.start(
            Map.of(
                "platformComplaint",
                "malicious-review",
                "tradeCompletedOn",
                DisputeCases.day(2026, 2, 10)));

    cases.merchantRefuses(instance);

    assertThat(cases.variable(instance, "platformFiling")).isEqualTo("late");
    assertThat((String) cases.variable(instance, "platformFilingNote")).contains("十五天", "已超过期限");
    assertThat(cases.offered(instance)).containsExactly("association", "regulator", "court");
  }

  /**
   * Each channel receives the facts listed for it on the call activity: what the first task's form
   * shows, and of the parties' contact data only what that form shows; the regulator track, which
   * has no form, holds none, and no channel holds the reporter's identity (mails reach the parties
   * through the spine).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "association, Task_ReviewAcceptance",
    "arbitration, Task_FileArbitration",
    "court, Task_PrepareLitigationPackage",
    "regulator,"
  })
  void eachChannel_holdsWhatItsFormShows_andNoOtherPersonalData(String channel, String firstTask)
      throws Exception {
    ProcessInstance instance =
        cases.start(
            Map.of(
                ARBITRATION_AGREEMENT,
                channel.equals("arbitration"),
                PURCHASE_CHANNEL,
                channel.equals("arbitration") ? "offline" : "online-platform",
                REPORT_VIOLATION,
                true,
                "reporterName",
                "李举报",
                "reporterEmail",
                "reporter@example.cn",
                "reporterPhone",
                "13900000000"));
    cases.toChannel(instance, channel);
    ProcessInstance called = cases.channel(instance, "dispute-" + channel);
    Map<String, Object> held = engine.getRuntimeService().getVariablesLocal(called.getId());

    Set<String> shown = new TreeSet<>();
    if (firstTask != null) {
      Task task = cases.task(instance, firstTask);
      String formRef =
          engine
              .getRepositoryService()
              .getBpmnModelInstance(task.getProcessDefinitionId())
              .<UserTask>getModelElementById(firstTask)
              .getCamundaFormRef();
      JsonNode form = new ObjectMapper().readTree(Path.of("forms", formRef + ".form").toFile());
      form.findParents("key").stream()
          .filter(field -> field.path("disabled").asBoolean() || field.path("readonly").asBoolean())
          .forEach(field -> shown.add(field.path("key").asText()));
      Map<String, Object> visible = engine.getTaskService().getVariables(task.getId());
      assertThat(shown).as("fields the %s form shows", formRef).contains(CONSUMER_PHONE, PRICE);
      for (String key : shown) {
        assertThat(visible.get(key)).as("%s shows %s", formRef, key).isNotNull();
      }
    }
    Set<String> personal = new TreeSet<>(held.keySet());
    personal.retainAll(PersonalData.CONTACT);
    assertThat(personal).as("contact data held by %s", channel).isSubsetOf(shown);
    assertThat(held.keySet()).noneMatch(name -> name.startsWith("reporter"));
    if (firstTask == null) {
      assertThat(personal).isEmpty();
      assertThat(held).containsEntry(REPORT_VIOLATION, true);
    }
  }
}
