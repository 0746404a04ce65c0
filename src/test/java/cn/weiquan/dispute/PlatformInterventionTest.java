package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.weiquan.platform.ProcessKeys;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Platform intervention (平台介入): the spine calls the channel process dispute-platform, which runs
 * the respondent's 3-day evidence window and the platform's review and decision; the consumer's
 * answer to the decision is back in the spine, where the parties' contact data is.
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
class PlatformInterventionTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  private ProcessInstance atTheEvidenceWindow() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "platform");
    assertThat(instance).isWaitingAt("CallActivity_Platform");
    assertThat(platform(instance)).isWaitingAt("Event_EvidenceSubmitted");
    return instance;
  }

  private ProcessInstance platform(ProcessInstance instance) {
    return cases.channel(instance, ProcessKeys.DISPUTE_PLATFORM);
  }

  private void evidence(ProcessInstance instance, String from, String description) {
    cases.correlate(
        instance,
        "EvidenceSubmitted",
        Map.of(EVIDENCE_FROM, from, EVIDENCE_DESCRIPTION, description));
  }

  @Test
  void evidenceRequested_bothPartiesAndThePlatformAreAsked_andTheWindowIsThreeCalendarDays() {
    ProcessInstance instance = atTheEvidenceWindow();

    // requested Monday 2 March: 3 calendar days, not rolled over → Thursday 5 March 24:00 Beijing
    // time
    Date due = Date.from(Instant.parse("2026-03-05T16:00:00Z"));
    assertThat(cases.variable(instance, EVIDENCE_DUE)).isEqualTo(due);
    assertThat(cases.timer("Timer_EvidenceWindow").getDuedate()).isEqualTo(due);
    assertThat(cases.timer("Timer_EvidenceWindowReminder").getDuedate())
        .isEqualTo(cases.deadlines.reminderBefore(due));
    assertThat(instance)
        .variables()
        .containsEntry(STAGE, "平台介入")
        .containsEntry(CHANNEL, "platform")
        .containsEntry("triedPlatform", true);
    for (String party :
        new String[] {
          DisputeCases.MERCHANT_MAIL, DisputeCases.CONSUMER_MAIL, DisputeCases.PLATFORM_MAIL
        }) {
      assertThat(cases.mailsTo(party))
          .as("mail to %s", party)
          .last()
          .satisfies(m -> assertThat(DisputeCases.text(m)).contains("2026年3月5日（星期四）24:00"));
    }
    // the platform learns the facts and the consumer's name, not how to reach the parties
    assertThat(DisputeCases.text(cases.mailsTo(DisputeCases.PLATFORM_MAIL).get(0)))
        .contains("滚筒洗衣机", "某家电旗舰店");
  }

  @Test
  void channelProcess_holdsTheCaseFactsButNoContactDataOrReporter() {
    ProcessInstance instance = cases.start(Map.of(REPORT_VIOLATION, true, REPORTER_NAME, "匿名举报人"));
    cases.toChannel(instance, "platform");

    Map<String, Object> channel =
        engine.getRuntimeService().getVariables(platform(instance).getId());
    assertThat(channel)
        .containsEntry(ITEM_NAME, "滚筒洗衣机")
        .containsEntry(MERCHANT_NAME, "某家电旗舰店")
        .containsKey(DESCRIPTION)
        .containsEntry(CASE_NO, cases.caseNo(instance));
    assertThat(channel)
        .doesNotContainKeys(
            CONSUMER_NAME,
            CONSUMER_PHONE,
            CONSUMER_EMAIL,
            MERCHANT_EMAIL,
            REPORTER_NAME,
            "mediatorEmail",
            "reporterPhone",
            "reporterEmail");
    assertThat(platform(instance).getBusinessKey()).isEqualTo(cases.caseNo(instance));
  }

  @Test
  void
      bothPartiesSendEvidence_theWindowClosesEarly_theReviewerDecidesAndThePenaltyAndCompensationApply() {
    ProcessInstance instance = atTheEvidenceWindow();
    ProcessInstance channel = platform(instance);

    evidence(instance, "merchant", "发货记录截图");
    assertThat(channel)
        .as("one party's evidence leaves the window open for the other")
        .isWaitingAt("Event_EvidenceSubmitted");
    assertThat(channel)
        .variables()
        .containsEntry(EVIDENCE_FROM_MERCHANT, true)
        .containsEntry(EVIDENCE_FROM_CONSUMER, false);
    evidence(instance, "consumer", "漏水视频");

    assertThat(channel).hasPassed("EndEvent_EvidenceComplete").isWaitingAt("Task_PlatformReview");
    Task review = cases.task(instance, "Task_PlatformReview");
    assertThat(review).hasCandidateGroup("platform-reviewers");
    assertThat(review.getProcessInstanceId())
        .as("the reviewer's task is in the channel, not the spine")
        .isEqualTo(channel.getId());
    assertThat(engine.getTaskService().getVariable(review.getId(), STAGE))
        .as("the review form shows the stage, read from the channel")
        .isEqualTo("平台审核");
    // platform-review: 3 working days from Monday 2 March → Thursday 5 March 24:00
    assertThat(review.getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-03-05T16:00:00Z")))
        .isEqualTo(cases.variable(instance, REVIEW_DUE));
    assertThat(channel)
        .variables()
        .containsEntry(EVIDENCE_WINDOW_LAPSED, false)
        .containsEntry(EVIDENCE_COMPLETE, true)
        .doesNotContainKey(EVIDENCE_DUE);
    assertThat(cases.timerCount("Timer_EvidenceWindow")).isZero();
    assertThat(instance).variables().containsEntry(STAGE, "平台审核");

    cases.complete(
        instance,
        "Task_PlatformReview",
        Map.of(PLATFORM_VIOLATION, "late-shipment", PLATFORM_DECISION, "卖家未在72小时内发货，投诉成立"));

    assertThat(channel)
        .hasPassed(
            "BusinessRule_PlatformPenalty",
            "Task_QuotePlatformCompensation",
            "EndEvent_PlatformDecided")
        .isEnded();
    assertThat(instance).isWaitingAt("Task_RecordPlatformDecisionAnswer");
    // Taobao late shipment: 5% of 1999.00 = 99.95, capped at 30.00; 3 points if not paid before the
    // platform steps in
    assertThat(instance)
        .variables()
        .containsEntry(POINTS_DEDUCTED, 3)
        .containsEntry(COMPENSATION_RULE, "late-shipment")
        .containsEntry(STAGE, "平台已裁决");
    assertThat(new java.math.BigDecimal(cases.variable(instance, COMPENSATION_AMOUNT).toString()))
        .isEqualByComparingTo("30.00");
    Task answer = cases.task(instance, "Task_RecordPlatformDecisionAnswer");
    assertThat(answer).hasCandidateGroup("mediators");
    assertThat(answer.getDueDate()).isEqualTo(cases.variable(instance, "decisionAnswerDue"));
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("卖家未在72小时内发货，投诉成立"));
    cases.complete(
        instance, "Task_RecordPlatformDecisionAnswer", Map.of(CONSUMER_DECISION, "accept"));

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_NotifyResolvedByPlatform", "EndEvent_ResolvedByPlatform");
    assertThat(cases.variable(instance, STAGE)).isEqualTo("平台处理完结");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("platform-decided");
  }

  @Test
  void onlyTheConsumerSendsEvidence_theWindowLapses_theMerchantIsLateOnTheRecord() {
    ProcessInstance instance = atTheEvidenceWindow();
    ProcessInstance channel = platform(instance);
    Object window = cases.variable(instance, EVIDENCE_DUE);
    evidence(instance, "consumer", "漏水视频");

    Date due = cases.passTimer("Timer_EvidenceWindow");

    assertThat(due).isEqualTo(window);
    assertThat(channel)
        .hasPassed("Timer_EvidenceWindow")
        .hasNotPassed("EndEvent_EvidenceComplete")
        .isWaitingAt("Task_PlatformReview");
    assertThat(channel)
        .variables()
        .containsEntry(EVIDENCE_WINDOW_LAPSED, true)
        .containsEntry(EVIDENCE_FROM_CONSUMER, true)
        .containsEntry(EVIDENCE_FROM_MERCHANT, false);
    var lapsed =
        engine
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(channel.getId())
            .variableUpdates()
            .list()
            .stream()
            .map(HistoricVariableUpdate.class::cast)
            .filter(u -> u.getVariableName().equals(EVIDENCE_WINDOW_LAPSED))
            .map(HistoricVariableUpdate::getValue)
            .toList();
    assertThat(lapsed)
        .as("false when the window opened, true when it lapsed")
        .containsExactly(false, true);

    cases.complete(
        instance,
        "Task_PlatformReview",
        Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "被投诉方逾期未举证，按现有材料支持消费者退货退款"));

    assertThat(channel).hasNotPassed("BusinessRule_PlatformPenalty").isEnded();
    assertThat(instance)
        .isWaitingAt("Task_RecordPlatformDecisionAnswer")
        .variables()
        .containsEntry(EVIDENCE_WINDOW_LAPSED, true);
  }

  @Test
  void evidenceWindowClosing_partiesAreRemindedOneWorkingDayBefore() {
    ProcessInstance instance = atTheEvidenceWindow();
    int before = cases.mailsTo(DisputeCases.MERCHANT_MAIL).size();

    cases.passTimer("Timer_EvidenceWindowReminder");

    assertThat(platform(instance))
        .hasPassed("Task_NotifyEvidenceWindowClosing", "EndEvent_EvidenceReminderSent")
        .isWaitingAt("Event_EvidenceSubmitted");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).hasSize(before + 1);
  }

  @Test
  void consumerRejectsThePlatformDecisionByMessage_choosesAgain_withoutThePlatform() {
    ProcessInstance instance = atTheEvidenceWindow();
    cases.passTimer("Timer_EvidenceWindow");
    cases.complete(
        instance,
        "Task_PlatformReview",
        Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "证据不足以认定违规"));

    cases.correlate(instance, "ConsumerDecision", Map.of(CONSUMER_DECISION, "escalate"));

    assertThat(instance)
        .hasPassed("Event_PlatformDecisionAnswered")
        .isWaitingAt("Task_RecordChannelChoice");
    assertThat(instance).variables().containsEntry(STAGE, "选择维权途径");
    assertThat(cases.offered(instance)).containsExactly("association", "regulator", "court");
  }

  @Test
  void platformDecisionAnsweredInTasklist_notAccepted_choosesAgain() {
    ProcessInstance instance = atTheEvidenceWindow();
    cases.passTimer("Timer_EvidenceWindow");
    cases.complete(
        instance,
        "Task_PlatformReview",
        Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "证据不足以认定违规"));

    cases.complete(
        instance,
        "Task_RecordPlatformDecisionAnswer",
        Map.of(CONSUMER_DECISION, "escalate", "consumerComment", "不服"));

    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
  }

  @Test
  void withdrawnDuringTheEvidenceWindow_theChannelEndsWithTheCase() {
    ProcessInstance instance = atTheEvidenceWindow();
    ProcessInstance channel = platform(instance);

    cases.correlate(instance, "Withdraw", Map.of(WITHDRAW_REASON, "已与商家私下和解"));

    assertThat(instance).isEnded();
    assertThat(channel).isEnded();
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(channel.getId())
                .count())
        .as("no timer of the channel survives")
        .isZero();
  }
}
