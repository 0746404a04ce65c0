package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Arbitration (仲裁) and the lawsuit (诉讼) up to enforcement. */
@Deployment(resources = {DisputeCases.BPMN, DisputeCases.PLATFORM_BPMN, DisputeCases.PENALTY_DMN})
class ArbitrationAndCourtTest extends DisputeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
    @RegisterExtension
    static GreenMailExtension smtp = DisputeCases.smtp();

    @Override
    GreenMailExtension mail() {
        return smtp;
    }

    @Test
    void arbitration_awardReceivedEndsTheCase() {
        ProcessInstance instance = cases.start(Map.of(ARBITRATION_AGREEMENT, true));
        cases.toChannel(instance, "arbitration");

        Task filing = cases.task(instance, "Task_FileArbitration");
        assertThat(filing).hasCandidateGroup("mediators");
        assertThat(filing.getDueDate()).isEqualTo(cases.variable(instance, "arbitrationFilingDue"));
        cases.complete(instance, "Task_FileArbitration", Map.of("arbitrationCommission", "杭州仲裁委员会", "arbitrationFiledOn", "2026-03-03"));
        assertThat(instance).isWaitingAt("Event_ArbitrationAward");
        cases.correlate(instance, "ArbitrationAward", Map.of("arbitrationAward", "被申请人退还货款1999.00元"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ArbitrationAwarded");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("仲裁结案");
    }

    private ProcessInstance judgmentServed() {
        // 案例三: false advertising → refund plus the punitive sum for fraud
        ProcessInstance instance = cases.start(Map.of(CATEGORY, "false-advertising", ITEM_NAME, "护肤品", PRICE, "300.00"));
        cases.toChannel(instance, "court");

        assertThat(instance).isWaitingAt("Task_PrepareLitigationPackage");
        // price 300.00 refunded; 3 × 300.00 = 900.00 punitive (消法 Art. 55, at least 500.00)
        assertThat(instance).variables().containsEntry(CLAIM_TOTAL, "1200.00").containsEntry(LIMITATION_EXPIRED, false);
        Task filing = cases.task(instance, "Task_PrepareLitigationPackage");
        assertThat(filing.getDueDate()).isEqualTo(cases.variable(instance, LIMITATION_DUE));
        cases.complete(instance, "Task_PrepareLitigationPackage", Map.of("courtName", "杭州互联网法院", "lawsuitFiledOn", "2026-03-05"));
        assertThat(instance).isWaitingAt("Event_JudgmentReceived");

        Date served = DisputeCases.day(2026, 4, 1);
        cases.setClock(new Date(served.getTime() + 10 * 3_600_000L));
        cases.correlate(instance, "JudgmentReceived", Map.of(JUDGMENT_SERVED_AT, served, "judgmentSummary", "支持原告全部诉讼请求"));
        assertThat(instance).isWaitingAt("Gateway_AppealRace");
        // 15 days from service (民事诉讼法 Art. 171)
        assertThat(cases.variable(instance, APPEAL_DUE)).isEqualTo(cases.deadlines.due("appeal", served));
        assertThat(cases.timer("Timer_AppealWindow").getDuedate()).isEqualTo(cases.variable(instance, APPEAL_DUE));
        return instance;
    }

    @Test
    void courtWithoutAppeal_judgmentTakesEffectAfterTheAppealWindowAndIsEnforced() {
        ProcessInstance instance = judgmentServed();

        cases.passTimer("Timer_AppealWindow");
        assertThat(instance).isWaitingAt("Event_EnforcementOutcome");
        assertThat(instance).variables().containsEntry(STAGE, "判决生效");
        cases.correlate(instance, "EnforcementOutcome", Map.of("enforcementOutcome", "被告已履行"));

        assertThat(instance).isEnded().hasPassed("EndEvent_JudgmentClosed").hasNotPassed("Event_Appealed");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("判决结案");
    }

    @Test
    void courtWithAppeal_secondInstanceJudgmentIsFinalAndEnforced() {
        ProcessInstance instance = judgmentServed();

        cases.correlate(instance, "Appealed", Map.of("appealedBy", "merchant"));
        assertThat(instance).isWaitingAt("Event_FinalJudgmentReceived");
        assertThat(instance).variables().containsEntry(STAGE, "二审");
        assertThat(engine.getManagementService().createJobQuery().timers().activityId("Timer_AppealWindow").count()).isZero();
        cases.correlate(instance, "JudgmentReceived", Map.of("judgmentSummary", "驳回上诉，维持原判"));
        cases.correlate(instance, "EnforcementOutcome", Map.of("enforcementOutcome", "强制执行完毕"));

        assertThat(instance).isEnded().hasPassed("Event_Appealed", "EndEvent_JudgmentClosed");
    }

    @Test
    void courtAfterTheLimitation_consumerIsToldAndTheCaseEnds() {
        // harm known 5 March 2023: eligible on 2 March 2026, the 3 years end 5 March 2026 at 24:00 (民法典 Art. 188)
        ProcessInstance instance = cases.start(Map.of(HARM_KNOWN_ON, DisputeCases.day(2023, 3, 5)));
        cases.merchantRefuses(instance);
        cases.setClock(DisputeCases.day(2026, 3, 9));

        cases.chooseChannel(instance, "court");

        assertThat(instance).isEnded().hasPassed("Task_NotifyLimitationExpired", "EndEvent_LimitationExpired").hasNotPassed("Task_QuoteClaims");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("超过诉讼时效");
        assertThat((String) cases.variable(instance, BASIS)).contains("第一百八十八条");
    }
}
