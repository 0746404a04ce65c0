package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Consumer-association mediation (消协调解): acceptance review, sessions, testing pause, the statutory limit. */
@Deployment(resources = {DisputeCases.BPMN, DisputeCases.PLATFORM_BPMN, DisputeCases.PENALTY_DMN})
class AssociationMediationTest extends DisputeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
    @RegisterExtension
    static GreenMailExtension smtp = DisputeCases.smtp();

    @Override
    GreenMailExtension mail() {
        return smtp;
    }

    private ProcessInstance atTheAcceptanceReview() {
        ProcessInstance instance = cases.start();
        cases.toChannel(instance, "association");
        assertThat(instance).isWaitingAt("Task_ReviewAcceptance");
        return instance;
    }

    private ProcessInstance inMediation() {
        ProcessInstance instance = atTheAcceptanceReview();
        cases.acceptMediation(instance);
        assertThat(instance).isWaitingAt("Task_ConductMediationSession");
        return instance;
    }

    @Test
    void acceptanceReview_isDueInSevenWorkingDaysForMediators() {
        ProcessInstance instance = atTheAcceptanceReview();

        Task review = cases.task(instance, "Task_ReviewAcceptance");
        assertThat(review).hasCandidateGroup("mediators");
        assertThat(review.getDueDate()).isEqualTo(cases.deadlines.due("association-acceptance", DisputeCases.dateOf(DisputeCases.REGISTERED)))
                .isEqualTo(cases.variable(instance, ACCEPTANCE_DUE));
    }

    @Test
    void acceptanceReviewOverdue_supervisorsCanTakeItOver() {
        ProcessInstance instance = atTheAcceptanceReview();

        cases.passTimer("Timer_AcceptanceOverdue");

        assertThat(instance).hasPassed("Task_EscalateAcceptance", "EndEvent_AcceptanceEscalated").isWaitingAt("Task_ReviewAcceptance");
        Task review = cases.task(instance, "Task_ReviewAcceptance");
        assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("mediators", "supervisors");
        assertThat(cases.mailsTo(DisputeCases.MEDIATOR_MAIL)).hasSize(1);
    }

    @Test
    void mediationNotAccepted_consumerIsToldWhy() {
        ProcessInstance instance = atTheAcceptanceReview();

        cases.complete(instance, "Task_ReviewAcceptance", Map.of(MEDIATION_ACCEPTED, false,
                REASON, "同一纠纷已由人民法院受理", BASIS, "《市场监督管理投诉举报处理暂行办法》第十五条"));

        assertThat(instance).isEnded().hasPassed("Task_NotifyMediationNotAccepted", "EndEvent_MediationNotAccepted");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("消协不予受理");
        assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).last()
                .satisfies(m -> assertThat(DisputeCases.text(m)).contains("同一纠纷已由人民法院受理"));
    }

    @Test
    void mediationAcceptedAndAgreed_fulfilledWithCourtConfirmation_mediationSucceeds() {
        ProcessInstance instance = inMediation();
        Date accepted = cases.now();
        assertThat(cases.variable(instance, MEDIATION_DUE)).isEqualTo(cases.deadlines.due("mediation-limit", accepted));
        assertThat(cases.task(instance, "Task_ConductMediationSession").getDueDate()).isEqualTo(cases.variable(instance, MEDIATION_DUE));

        cases.session(instance, "agreement");
        cases.draftAndConfirm(instance, true);

        assertThat(instance).hasPassed("EndEvent_AgreementReached").isWaitingAt("Task_TrackFulfilment");
        Task tracking = cases.task(instance, "Task_TrackFulfilment");
        // court confirmation may be asked within 30 days of the agreement (人民调解法 Art. 33)
        assertThat(tracking.getDueDate()).isEqualTo(cases.deadlines.due("court-confirmation", cases.now()));
        cases.complete(instance, "Task_TrackFulfilment", Map.of("fulfilledOn", "2026-03-20", "agreementFulfilled", true,
                "requestCourtConfirmation", true, "confirmationCourt", "杭州市西湖区人民法院"));

        assertThat(instance).isEnded().hasPassed("EndEvent_MediationSucceeded");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("调解成功");
    }

    @Test
    void partiesDoNotConfirmTheDraft_mediationContinuesWithAnotherSession() {
        ProcessInstance instance = inMediation();
        cases.session(instance, "continue");
        cases.session(instance, "agreement");

        cases.draftAndConfirm(instance, false);

        assertThat(instance).isWaitingAt("Task_ConductMediationSession");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_ConductMediationSession").count()).isEqualTo(3);
    }

    @Test
    void mediationLimitReached_mediationEndsWithoutAgreementAndBothPartiesAreTold() {
        ProcessInstance instance = inMediation();
        int consumerMails = cases.mailsTo(DisputeCases.CONSUMER_MAIL).size();
        int merchantMails = cases.mailsTo(DisputeCases.MERCHANT_MAIL).size();

        Date due = cases.passTimer("Timer_MediationLimit");

        assertThat(due).isEqualTo(cases.variable(instance, MEDIATION_DUE));
        assertThat(instance).isEnded().hasPassed("Task_NotifyMediationEnded", "EndEvent_MediationEndedWithoutAgreement")
                .hasNotPassed("Task_DraftAgreement");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("调解终止");
        assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).hasSize(consumerMails + 1);
        assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).hasSize(merchantMails + 1);
    }

    @Test
    void mediationLimitApproaching_partiesAndMediatorAreRemindedOneWorkingDayBefore() {
        ProcessInstance instance = inMediation();
        Date due = (Date) cases.variable(instance, MEDIATION_DUE);

        Date reminded = cases.passTimer("Timer_MediationLimitReminder");

        assertThat(reminded).isEqualTo(cases.deadlines.reminderBefore(due));
        assertThat(instance).hasPassed("Task_NotifyMediationLimitApproaching").isWaitingAt("Task_ConductMediationSession");
        assertThat(cases.mailsTo(DisputeCases.MEDIATOR_MAIL)).hasSize(1);
    }

    @Test
    void testingPause_movesTheMediationLimitAndItsTimers() {
        ProcessInstance instance = inMediation();
        Date limitBefore = (Date) cases.variable(instance, MEDIATION_DUE);
        cases.session(instance, "testing");
        assertThat(cases.task(instance, "Task_RecordTestingPause")).hasCandidateGroup("mediators");

        // product testing Monday 9 to Friday 13 March: five working days not counted (SAMR Order 20 Art. 20)
        cases.complete(instance, "Task_RecordTestingPause", Map.of(PAUSED_FROM, "2026-03-09", PAUSED_TO, "2026-03-13",
                "testingInstitution", "国家家用电器质量检验检测中心", "testingResult", "漏水系内桶密封件缺陷"));

        Date limitAfter = (Date) cases.variable(instance, MEDIATION_DUE);
        assertThat(limitAfter).isAfter(limitBefore)
                .isEqualTo(cases.deadlines.extendByPause(limitBefore, DisputeCases.day(2026, 3, 9), DisputeCases.day(2026, 3, 13)));
        assertThat(cases.timer("Timer_MediationLimit").getDuedate()).isEqualTo(limitAfter);
        assertThat(cases.timer("Timer_MediationLimitReminder").getDuedate()).isEqualTo(cases.deadlines.reminderBefore(limitAfter))
                .isAfter(cases.deadlines.reminderBefore(limitBefore));
        assertThat(instance).isWaitingAt("Task_ConductMediationSession");
        assertThat(cases.task(instance, "Task_ConductMediationSession").getDueDate()).isEqualTo(limitAfter);

        // the old limit passes without ending the mediation
        cases.setClock(new Date(limitBefore.getTime() + 60_000));
        assertThat(engine.getManagementService().createJobQuery().timers().activityId("Timer_MediationLimit").executable().count()).isZero();
    }
}
