package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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

import com.icegreen.greenmail.junit5.GreenMailExtension;

import cn.weiquan.platform.ProcessKeys;

/**
 * Platform intervention (平台介入): the spine calls the channel process dispute-platform, which runs the respondent's
 * 3-day evidence window and the platform's review and decision; the consumer's answer to the decision is back in the
 * spine, where the parties' contact data is.
 */
@Deployment(resources = {DisputeCases.BPMN, DisputeCases.PLATFORM_BPMN, DisputeCases.PENALTY_DMN})
class PlatformInterventionTest extends DisputeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
    @RegisterExtension
    static GreenMailExtension smtp = DisputeCases.smtp();

    @Override
    GreenMailExtension mail() {
        return smtp;
    }

    private ProcessInstance atTheEvidenceWindow() {
        ProcessInstance instance = cases.start();
        cases.toChannel(instance, "platform");
        assertThat(instance).isWaitingAt("CallActivity_PlatformIntervention");
        assertThat(platform(instance)).isWaitingAt("Gateway_EvidenceRace");
        return instance;
    }

    private ProcessInstance platform(ProcessInstance instance) {
        return cases.channel(instance, ProcessKeys.DISPUTE_PLATFORM);
    }

    @Test
    void evidenceRequested_bothPartiesAreAskedAndTheWindowIsThreeCalendarDays() {
        ProcessInstance instance = atTheEvidenceWindow();

        // requested Monday 2 March: 3 calendar days, not rolled over → Thursday 5 March 24:00 Beijing time
        Date due = Date.from(Instant.parse("2026-03-05T16:00:00Z"));
        assertThat(cases.variable(instance, EVIDENCE_DUE)).isEqualTo(due);
        assertThat(cases.timer("Timer_EvidenceWindow").getDuedate()).isEqualTo(due);
        assertThat(cases.timer("Timer_EvidenceWindowReminder").getDuedate())
                .isEqualTo(cases.deadlines.reminderBefore(due));
        assertThat(cases.variable(instance, "evidenceReminderAt")).as("derived from the deadline, not stored").isNull();
        assertThat(instance).variables().containsEntry(STAGE, "平台介入");
        assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).last().satisfies(m -> assertThat(DisputeCases.text(m)).contains("2026年3月5日"));
        assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).as("the channel mails from the spine's contact data").last()
                .satisfies(m -> assertThat(DisputeCases.text(m)).contains("2026年3月5日"));
    }

    @Test
    void channelProcess_holdsTheCaseFactsButNoContactDataOrReporter() {
        ProcessInstance instance = cases.start(Map.of(REPORT_VIOLATION, true, REPORTER_NAME, "匿名举报人"));
        cases.toChannel(instance, "platform");

        Map<String, Object> channel = engine.getRuntimeService().getVariables(platform(instance).getId());
        assertThat(channel).containsEntry(ITEM_NAME, "滚筒洗衣机").containsEntry(MERCHANT_NAME, "某家电旗舰店")
                .containsKey(DESCRIPTION).containsEntry(CASE_NO, cases.caseNo(instance));
        assertThat(channel).doesNotContainKeys(CONSUMER_NAME, CONSUMER_PHONE, CONSUMER_EMAIL, MERCHANT_EMAIL, REPORTER_NAME,
                "mediatorEmail", "reporterPhone", "reporterEmail");
        assertThat(platform(instance).getBusinessKey()).isEqualTo(cases.caseNo(instance));
    }

    @Test
    void evidenceInTime_platformReviewerDecidesAndThePenaltyAndCompensationApply() {
        ProcessInstance instance = atTheEvidenceWindow();
        ProcessInstance channel = platform(instance);

        cases.correlate(instance, "EvidenceSubmitted", Map.of(EVIDENCE_FROM, "merchant", EVIDENCE_DESCRIPTION, "发货记录截图"));

        assertThat(channel).isWaitingAt("Task_PlatformReview");
        Task review = cases.task(instance, "Task_PlatformReview");
        assertThat(review).hasCandidateGroup("platform-reviewers");
        assertThat(review.getProcessInstanceId()).as("the reviewer's task is in the channel, not the spine").isEqualTo(channel.getId());
        // platform-review: 3 working days from Monday 2 March → Thursday 5 March 24:00
        assertThat(review.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-03-05T16:00:00Z")))
                .isEqualTo(cases.variable(instance, REVIEW_DUE));
        assertThat(channel).variables().containsEntry(EVIDENCE_WINDOW_LAPSED, false);
        assertThat(instance).variables().containsEntry(STAGE, "平台审核");

        cases.complete(instance, "Task_PlatformReview", Map.of(PLATFORM_VIOLATION, "late-shipment", PLATFORM_DECISION, "卖家未在72小时内发货，投诉成立"));

        assertThat(channel).hasPassed("BusinessRule_PlatformPenalty", "Task_QuotePlatformCompensation", "EndEvent_PlatformDecided").isEnded();
        assertThat(instance).isWaitingAt("Task_RecordPlatformDecisionAnswer");
        // Taobao late shipment: 5% of 1999.00 = 99.95, capped at 30.00; 3 points if not paid before the platform steps in
        assertThat(instance).variables().containsEntry(POINTS_DEDUCTED, 3).containsEntry(COMPENSATION_RULE, "late-shipment")
                .containsEntry(COMPENSATION_AMOUNT, "30.00").containsEntry(STAGE, "平台已裁决");
        cases.complete(instance, "Task_RecordPlatformDecisionAnswer", Map.of(CONSUMER_DECISION, "accept"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ResolvedByPlatform");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("平台处理完结");
    }

    @Test
    void evidenceWindowLapses_platformDecidesOnTheRecordAndTheHistorySaysSo() {
        ProcessInstance instance = atTheEvidenceWindow();
        ProcessInstance channel = platform(instance);

        Date due = cases.passTimer("Timer_EvidenceWindow");

        assertThat(due).isEqualTo(cases.variable(instance, EVIDENCE_DUE));
        assertThat(channel).hasPassed("Timer_EvidenceWindow", "EndEvent_EvidenceWindowLapsed").isWaitingAt("Task_PlatformReview");
        assertThat(channel).variables().containsEntry(EVIDENCE_WINDOW_LAPSED, true);
        var lapsed = engine.getHistoryService().createHistoricDetailQuery().processInstanceId(channel.getId()).variableUpdates().list()
                .stream().map(HistoricVariableUpdate.class::cast).filter(u -> u.getVariableName().equals(EVIDENCE_WINDOW_LAPSED)).toList();
        assertThat(lapsed).singleElement().satisfies(u -> assertThat(u.getValue()).isEqualTo(true));

        cases.complete(instance, "Task_PlatformReview", Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "被投诉方逾期未举证，按现有材料支持消费者退货退款"));

        assertThat(channel).hasNotPassed("BusinessRule_PlatformPenalty").isEnded();
        assertThat(instance).isWaitingAt("Task_RecordPlatformDecisionAnswer").variables().containsEntry(EVIDENCE_WINDOW_LAPSED, true);
    }

    @Test
    void evidenceWindowClosing_partiesAreRemindedOneWorkingDayBefore() {
        ProcessInstance instance = atTheEvidenceWindow();
        int before = cases.mailsTo(DisputeCases.MERCHANT_MAIL).size();

        cases.passTimer("Timer_EvidenceWindowReminder");

        assertThat(platform(instance)).hasPassed("Task_NotifyEvidenceWindowClosing", "EndEvent_EvidenceReminderSent").isWaitingAt("Gateway_EvidenceRace");
        assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).hasSize(before + 1);
    }

    @Test
    void consumerRejectsThePlatformDecisionByMessage_choosesTheNextChannelAgain() {
        ProcessInstance instance = atTheEvidenceWindow();
        cases.correlate(instance, "EvidenceSubmitted", Map.of(EVIDENCE_FROM, "merchant", EVIDENCE_DESCRIPTION, "质检报告"));
        cases.complete(instance, "Task_PlatformReview", Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "证据不足以认定违规"));

        cases.correlate(instance, "ConsumerDecision", Map.of(CONSUMER_DECISION, "escalate"));

        assertThat(instance).hasPassed("Event_PlatformDecisionAnswered").isWaitingAt("Task_RecordChannelChoice");
        assertThat(instance).variables().containsEntry(STAGE, "选择维权途径");
    }

    @Test
    void withdrawnDuringTheEvidenceWindow_theChannelEndsWithTheCase() {
        ProcessInstance instance = atTheEvidenceWindow();
        ProcessInstance channel = platform(instance);

        cases.correlate(instance, "Withdraw", Map.of(WITHDRAW_REASON, "已与商家私下和解"));

        assertThat(instance).isEnded();
        assertThat(channel).isEnded();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(channel.getId()).count())
                .as("no timer of the channel survives").isZero();
    }
}
