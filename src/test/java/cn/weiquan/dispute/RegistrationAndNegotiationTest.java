package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registration and negotiation with the merchant (协商和解). */
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
class RegistrationAndNegotiationTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  @Test
  void eligibleCase_isNumberedAndTheMerchantIsAskedToRespondWithinThreeWorkingDays() {
    ProcessInstance instance = cases.start();

    String caseNo = cases.caseNo(instance);
    assertThat(caseNo).matches("WQ-2026-\\d{6}");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNo)
                .count())
        .isEqualTo(1);
    assertThat(instance).isWaitingAt("Gateway_MerchantResponseRace");
    assertThat(instance).variables().containsEntry(STAGE, "协商和解").containsEntry(ELIGIBLE, true);
    // Monday 2 March + 3 working days: Thursday 5 March, 24:00 Beijing time
    assertThat(cases.variable(instance, MERCHANT_RESPONSE_DUE))
        .isEqualTo(Date.from(Instant.parse("2026-03-05T16:00:00Z")));
    assertThat(cases.variable(instance, MERCHANT_RESPONSE_DUE + "Basis")).isNotNull();
    assertThat(cases.timer("Timer_MerchantResponseWindow").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-03-05T16:00:00Z")));
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).hasSize(1);
    assertThat(DisputeCases.text(cases.mailsTo(DisputeCases.MERCHANT_MAIL).get(0)))
        .contains(caseNo);
  }

  @Test
  void consecutiveCases_getConsecutiveNumbers() {
    String first = cases.caseNo(cases.start());
    String second = cases.caseNo(cases.start());
    assertThat(Integer.parseInt(second.substring(8)))
        .isEqualTo(Integer.parseInt(first.substring(8)) + 1);
  }

  @Test
  void registeredFromTheTasklistStartForm_formValuesAreReadAsTheyArrive() {
    Map<String, Object> form = new HashMap<>(DisputeCases.washingMachineCase());
    // the date fields of a Camunda Form arrive as text
    form.put(PAID_AT, "2026-02-20");
    form.put(RECEIVED_AT, "2026-02-24");
    form.put(HARM_KNOWN_ON, "2026-02-25");
    form.remove(PLATFORM);
    form.remove(REPORT_VIOLATION);
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .singleResult()
            .getId();
    assertThat(engine.getFormService().getStartFormKey(definitionId)).isNull();
    assertThat(engine.getFormService().getStartFormData(definitionId).getCamundaFormRef().getKey())
        .isEqualTo("dispute-register");

    ProcessInstance instance = engine.getFormService().submitStartForm(definitionId, form);
    cases.runJobs();

    assertThat(instance).isWaitingAt("Gateway_MerchantResponseRace");
    assertThat(instance)
        .variables()
        .containsEntry(REPORT_VIOLATION, false)
        .containsEntry(ELIGIBLE, true);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getBusinessKey())
        .isEqualTo(cases.caseNo(instance));
  }

  @Test
  void purchaseAndHarmDatedAfterToday_registrationIsRefusedInChinese_andNothingStarts() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> cases.start(Map.of(PAID_AT, "2026-03-05", HARM_KNOWN_ON, "2026-03-06")))
        .hasMessageContaining("付款日期（2026年3月5日）、知道权益受损的日期（2026年3月6日）不能晚于今天（2026年3月2日）");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void ineligibleCase_consumerIsToldWhyWithTheBasisAndTheCaseEndsNotAccepted() {
    ProcessInstance instance = cases.start(Map.of(HARM_KNOWN_ON, DisputeCases.day(2022, 12, 1)));

    assertThat(instance).isEnded().hasPassed("Task_NotifyNotEligible");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("EndEvent_NotEligible")
                .count())
        .isEqualTo(1);
    assertThat(cases.variable(instance, STAGE)).isEqualTo("不予受理");
    assertThat(cases.variable(instance, ELIGIBLE)).isEqualTo(false);
    assertThat((String) cases.variable(instance, BASIS)).contains("第一百八十八条");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).isEmpty();
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .singleElement()
        .satisfies(mail -> assertThat(DisputeCases.text(mail)).contains("三年"));
  }

  @Test
  void merchantAccepts_settledByNegotiationAfterTheFulfilmentIsConfirmed() {
    ProcessInstance instance = cases.start();

    cases.correlate(instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "accept"));

    assertThat(instance).isWaitingAt("Task_ConfirmSettlement");
    Task confirm = cases.task(instance, "Task_ConfirmSettlement");
    assertThat(confirm).hasCandidateGroup("mediators");
    assertThat(confirm.getDueDate()).isEqualTo(cases.variable(instance, "settlementDue"));
    assertThat(instance).variables().containsEntry(STAGE, "和解履行");
    cases.complete(
        instance,
        "Task_ConfirmSettlement",
        Map.of(
            "settlementMethod",
            "refund",
            "settlementAmount",
            "1999.00",
            "settlementFulfilledOn",
            "2026-03-04",
            "settlementConfirmed",
            true));

    assertThat(instance).isEnded();
    assertThat(cases.variable(instance, STAGE)).isEqualTo("协商解决");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("settled");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("EndEvent_SettledByNegotiation")
                .count())
        .isEqualTo(1);
  }

  @Test
  void merchantOffers_consumerAcceptsByMessage_settled() {
    ProcessInstance instance = cases.start();

    cases.correlate(
        instance,
        "MerchantResponse",
        Map.of(MERCHANT_ANSWER, "offer", MERCHANT_OFFER, "免费维修并补偿200元"));
    assertThat(instance).isWaitingAt("Task_RecordOfferAnswer");
    assertThat(cases.task(instance, "Task_RecordOfferAnswer")).hasCandidateGroup("mediators");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).hasSize(2);

    cases.correlate(instance, "ConsumerDecision", Map.of(CONSUMER_DECISION, "accept"));

    assertThat(instance).isWaitingAt("Task_ConfirmSettlement");
  }

  @Test
  void merchantOffers_consumerDeclinesInTasklist_consumerChoosesTheNextChannel() {
    ProcessInstance instance = cases.start();
    cases.correlate(
        instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "offer", MERCHANT_OFFER, "补偿50元"));

    cases.complete(
        instance,
        "Task_RecordOfferAnswer",
        Map.of(CONSUMER_DECISION, "escalate", "consumerComment", "补偿过低"));

    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
    assertThat(instance).variables().containsEntry(STAGE, "选择维权途径");
  }

  @Test
  void
      merchantSilentPastTheWindow_consumerChoosesTheNextChannel_andTheLapsedWindowLeavesTheCasesDeadlines() {
    ProcessInstance instance = cases.start();
    Object window = cases.variable(instance, MERCHANT_RESPONSE_DUE);

    Date due = cases.passTimer("Timer_MerchantResponseWindow");

    assertThat(due).isEqualTo(window);
    assertThat(instance)
        .hasPassed("Timer_MerchantResponseWindow")
        .isWaitingAt("Task_RecordChannelChoice");
    Task choice = cases.task(instance, "Task_RecordChannelChoice");
    assertThat(choice).hasCandidateGroup("mediators");
    assertThat(choice.getDueDate()).isEqualTo(cases.variable(instance, "channelChoiceDue"));
    // the case now waits for the consumer's choice only: the merchant's window is history
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys(MERCHANT_RESPONSE_DUE, MERCHANT_RESPONSE_DUE + "Basis")
        .containsKey("channelChoiceDue");
  }

  @Test
  void merchantRefuses_consumerChoosesMediationByMessage() {
    ProcessInstance instance = cases.start();
    cases.merchantRefuses(instance);

    cases.correlate(
        instance,
        "ConsumerDecision",
        Map.of(CONSUMER_DECISION, "escalate", NEXT_CHANNEL, "association"));

    assertThat(instance)
        .hasPassed("Event_ChannelDecisionReceived")
        .isWaitingAt("CallActivity_Channel");
    assertThat(cases.channel(instance, "dispute-association")).isWaitingAt("Task_ReviewAcceptance");
    assertThat(instance)
        .variables()
        .containsEntry(STAGE, "消协受理审查")
        .containsEntry(CHANNEL, "association")
        .containsEntry("triedAssociation", true)
        .doesNotContainKey("triedCourt");
  }

  @Test
  void onlinePurchaseReceivedFiveDaysAgo_theNoReasonReturnIsStillInTime() {
    // received Wednesday 25 February, filed Monday 2 March: 7 days from receipt end 4 March (消法
    // Art. 25)
    ProcessInstance instance = cases.start(Map.of(RECEIVED_AT, DisputeCases.day(2026, 2, 25)));

    assertThat(cases.variable(instance, "returnWindow")).isEqualTo("in-time");
    assertThat((String) cases.variable(instance, "returnWindowNote"))
        .contains("截至 2026-03-04 24:00", "在期限内", "第二十五条");
  }

  @Test
  void onlinePurchaseReceivedLongAgo_theNoReasonReturnIsLate_theCaseStillGoesOn() {
    ProcessInstance instance = cases.start(Map.of(RECEIVED_AT, DisputeCases.day(2026, 2, 10)));

    assertThat(cases.variable(instance, "returnWindow")).isEqualTo("late");
    assertThat((String) cases.variable(instance, "returnWindowNote")).contains("已超过期限", "质量");
    assertThat(instance).isWaitingAt("Gateway_MerchantResponseRace");
  }

  @Test
  void boughtInAShop_noReasonReturnDoesNotApply() {
    ProcessInstance instance =
        cases.start(
            Map.of(
                PURCHASE_CHANNEL,
                "offline",
                PLATFORM,
                "",
                RECEIVED_AT,
                DisputeCases.day(2026, 2, 27)));

    assertThat(cases.variable(instance, "returnWindow")).isEqualTo("not-applicable");
    assertThat((String) cases.variable(instance, "returnWindowNote"))
        .contains("不适用")
        .doesNotContain("截至");
  }
}
