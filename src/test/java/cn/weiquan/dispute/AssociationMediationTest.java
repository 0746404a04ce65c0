package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consumer-association mediation (消协调解): acceptance review, sessions, testing pause, the statutory
 * limit.
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
class AssociationMediationTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  private ProcessInstance atTheAcceptanceReview() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "association");
    assertThat(instance).isWaitingAt("CallActivity_Channel");
    assertThat(association(instance)).isWaitingAt("Task_ReviewAcceptance");
    return instance;
  }

  private ProcessInstance association(ProcessInstance instance) {
    return cases.channel(instance, "dispute-association");
  }

  private ProcessInstance inMediation() {
    ProcessInstance instance = atTheAcceptanceReview();
    cases.acceptMediation(instance);
    assertThat(association(instance)).isWaitingAt("Task_ConductMediationSession");
    return instance;
  }

  @Test
  void acceptanceReview_isDueInSevenWorkingDaysForMediators_andBothPartiesAreTold() {
    ProcessInstance instance = atTheAcceptanceReview();

    Task review = cases.task(instance, "Task_ReviewAcceptance");
    assertThat(review).hasCandidateGroup("mediators");
    assertThat(review.getDueDate())
        .isEqualTo(
            cases.deadlines.due(
                "association-acceptance", DisputeCases.dateOf(DisputeCases.REGISTERED)))
        .isEqualTo(cases.variable(instance, ACCEPTANCE_DUE));
    // the form shows the deadline as the mail does, not as an ISO instant
    assertThat(association(instance))
        .variables()
        .containsEntry(
            ACCEPTANCE_DUE + "Text",
            cn.weiquan.calendar.ChineseDates.deadline(cases.variable(instance, ACCEPTANCE_DUE)));
    assertThat(instance)
        .variables()
        .containsEntry(STAGE, "消协受理审查")
        .containsEntry(CHANNEL, "association");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("消费者协会"));
    // the spine's stage deadline (the choice of channel) ended with the choice
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKey("channelChoiceDue");
  }

  @Test
  void
      acceptanceReviewOverdue_supervisorsCanTakeItOver_andTheMediatorsAreMailedWithoutTheParties() {
    ProcessInstance instance = atTheAcceptanceReview();

    cases.passTimer("Timer_AcceptanceOverdue");

    assertThat(association(instance))
        .hasPassed(
            "Task_EscalateAcceptance",
            "Task_NotifyAcceptanceOverdue",
            "EndEvent_AcceptanceEscalated")
        .isWaitingAt("Task_ReviewAcceptance");
    Task review = cases.task(instance, "Task_ReviewAcceptance");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("mediators", "supervisors");
    assertThat(cases.mailsTo(DisputeCases.MEDIATOR_MAIL))
        .singleElement()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains(cases.caseNo(instance)));
  }

  @Test
  void mediationNotAccepted_consumerIsToldWhy_andChoosesAgainWithoutTheAssociationOrTheRegulator() {
    ProcessInstance instance = atTheAcceptanceReview();
    ProcessInstance channel = association(instance);

    cases.complete(
        instance,
        "Task_ReviewAcceptance",
        Map.of(
            MEDIATION_ACCEPTED,
            false,
            "acceptanceReason",
            "同一纠纷已由人民法院受理",
            "acceptanceBasis",
            "《市场监督管理投诉举报处理暂行办法》第十五条"));

    assertThat(channel)
        .isEnded()
        .hasPassed("Task_NotifyMediationNotAccepted", "EndEvent_MediationNotAccepted");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .filteredOn(m -> DisputeCases.text(m).contains("不予受理"))
        .singleElement()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("同一纠纷已由人民法院受理"));
    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
    assertThat(cases.offered(instance)).containsExactly("platform", "court");
  }

  @Test
  void mediationAcceptedAndAgreed_fulfilled_mediationSucceeds_andTheCaseEnds() {
    ProcessInstance instance = inMediation();
    ProcessInstance channel = association(instance);
    Date accepted = cases.now();
    assertThat(cases.variable(instance, MEDIATION_DUE))
        .isEqualTo(cases.deadlines.due("association-mediation-limit", accepted));
    assertThat(cases.task(instance, "Task_ConductMediationSession").getDueDate())
        .isEqualTo(cases.variable(instance, MEDIATION_DUE));
    assertThat(instance).variables().containsEntry(STAGE, "消协调解");

    cases.session(instance, "agreement");
    cases.draftAndConfirm(instance, true);

    assertThat(channel)
        .hasPassed("EndEvent_AgreementReached", "Task_NotifyAgreement")
        .isWaitingAt("Task_TrackFulfilment");
    Task tracking = cases.task(instance, "Task_TrackFulfilment");
    // court confirmation may be asked within 30 days of the agreement (人民调解法 Art. 33)
    assertThat(tracking.getDueDate())
        .isEqualTo(cases.deadlines.due("court-confirmation", cases.now()));
    cases.complete(
        instance,
        "Task_TrackFulfilment",
        Map.of(
            "fulfilledOn",
            "2026-03-20",
            AGREEMENT_FULFILLED,
            true,
            "requestCourtConfirmation",
            true,
            "confirmationCourt",
            "杭州市西湖区人民法院"));

    assertThat(channel).isEnded().hasPassed("EndEvent_Mediated");
    assertThat(instance).isEnded().hasPassed("EndEvent_ResolvedInChannel");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("mediated");
  }

  @Test
  void agreementNotFulfilled_theChannelEndsUnresolved_andTheConsumerChoosesAgain() {
    ProcessInstance instance = inMediation();
    ProcessInstance channel = association(instance);
    cases.session(instance, "agreement");
    cases.draftAndConfirm(instance, true);

    cases.complete(
        instance,
        "Task_TrackFulfilment",
        Map.of(AGREEMENT_FULFILLED, false, "requestCourtConfirmation", false));

    assertThat(channel).isEnded().hasPassed("EndEvent_AgreementNotFulfilled");
    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
    assertThat(cases.offered(instance)).containsExactly("platform", "court");
  }

  @Test
  void partiesDoNotConfirmTheDraft_mediationContinuesWithAnotherSession() {
    ProcessInstance instance = inMediation();
    cases.session(instance, "continue");
    cases.session(instance, "agreement");

    cases.draftAndConfirm(instance, false);

    assertThat(association(instance)).isWaitingAt("Task_ConductMediationSession");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(association(instance).getId())
                .activityId("Task_ConductMediationSession")
                .count())
        .isEqualTo(3);
  }

  @Test
  void mediationFails_bothPartiesAreTold_andTheConsumerChoosesAgain() {
    ProcessInstance instance = inMediation();
    ProcessInstance channel = association(instance);

    cases.session(instance, "failed");

    assertThat(channel)
        .isEnded()
        .hasPassed(
            "EndEvent_MediationFailed",
            "Task_NotifyMediationFailed",
            "EndEvent_MediationFailedTerminated");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("调解不成"));
    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
  }

  @Test
  void mediationLimitReached_mediationEndsWithoutAgreementAndBothPartiesAreTold() {
    ProcessInstance instance = inMediation();
    ProcessInstance channel = association(instance);
    Object limit = cases.variable(instance, MEDIATION_DUE);
    int consumerMails = cases.mailsTo(DisputeCases.CONSUMER_MAIL).size();
    int merchantMails = cases.mailsTo(DisputeCases.MERCHANT_MAIL).size();

    Date due = cases.passTimer("Timer_MediationLimit");

    assertThat(due).isEqualTo(limit);
    assertThat(channel)
        .isEnded()
        .hasPassed("Task_NotifyMediationLimitReached", "EndEvent_MediationLimitReached")
        .hasNotPassed("Task_DraftAgreement");
    // the consumer is told the mediation ended and is asked for the next channel
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).hasSize(consumerMails + 2);
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).hasSize(merchantMails + 1);
    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
  }

  @Test
  void mediationLimitApproaching_theMediatorsAreRemindedOneWorkingDayBefore() {
    ProcessInstance instance = inMediation();
    Date due = (Date) cases.variable(instance, MEDIATION_DUE);

    Date reminded = cases.passTimer("Timer_MediationLimitReminder");

    assertThat(reminded).isEqualTo(cases.deadlines.reminderBefore(due));
    assertThat(association(instance))
        .hasPassed("Task_NotifyMediationLimitApproaching")
        .isWaitingAt("Task_ConductMediationSession");
    assertThat(cases.mailsTo(DisputeCases.MEDIATOR_MAIL)).hasSize(1);
  }

  @Test
  void testingPause_movesTheMediationLimitAndItsTimers() {
    ProcessInstance instance = inMediation();
    Date limitBefore = (Date) cases.variable(instance, MEDIATION_DUE);
    cases.session(instance, "testing");
    assertThat(cases.task(instance, "Task_RecordTestingPause")).hasCandidateGroup("mediators");

    // product testing Monday 9 to Friday 13 March: not counted in the mediation limit
    cases.complete(
        instance,
        "Task_RecordTestingPause",
        Map.of(
            PAUSED_FROM,
            "2026-03-09",
            PAUSED_TO,
            "2026-03-13",
            "testingInstitution",
            "国家家用电器质量检验检测中心",
            "testingResult",
            "漏水系内桶密封件缺陷"));

    Date limitAfter = (Date) cases.variable(instance, MEDIATION_DUE);
    assertThat(limitAfter)
        .isAfter(limitBefore)
        .isEqualTo(
            cases.deadlines.extendByPause(
                limitBefore, DisputeCases.day(2026, 3, 9), DisputeCases.day(2026, 3, 13)));
    assertThat(cases.timer("Timer_MediationLimit").getDuedate()).isEqualTo(limitAfter);
    assertThat(cases.timer("Timer_MediationLimitReminder").getDuedate())
        .isEqualTo(cases.deadlines.reminderBefore(limitAfter))
        .isAfter(cases.deadlines.reminderBefore(limitBefore));
    assertThat(association(instance)).isWaitingAt("Task_ConductMediationSession");
    assertThat(cases.task(instance, "Task_ConductMediationSession").getDueDate())
        .isEqualTo(limitAfter);
    assertThat(association(instance))
        .as("the form's text moves with the deadline")
        .variables()
        .containsEntry(
            MEDIATION_DUE + "Text", cn.weiquan.calendar.ChineseDates.deadline(limitAfter));

    // the old limit passes without ending the mediation
    cases.setClock(new Date(limitBefore.getTime() + 60_000));
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .timers()
                .activityId("Timer_MediationLimit")
                .executable()
                .count())
        .isZero();
  }

  @Test
  void testingPauseEndingBeforeItStarts_isRefusedInChinese_andTheTaskStaysOpen() {
    ProcessInstance instance = inMediation();
    Date limitBefore = (Date) cases.variable(instance, MEDIATION_DUE);
    cases.session(instance, "testing");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                cases.complete(
                    instance,
                    "Task_RecordTestingPause",
                    Map.of(
                        PAUSED_FROM,
                        "2026-03-13",
                        PAUSED_TO,
                        "2026-03-09",
                        "testingInstitution",
                        "国家家用电器质量检验检测中心")))
        .hasMessageContaining("检测、鉴定的结束日期（2026年3月9日）不能早于开始日期（2026年3月13日）");
    assertThat(association(instance)).isWaitingAt("Task_RecordTestingPause");
    assertThat(cases.variable(instance, MEDIATION_DUE)).isEqualTo(limitBefore);
  }
}
