package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The consumer's choice of the next channel (消法 Art. 39): the open-channels decision says which channels are still
 * open, the form and the mail list exactly those, a choice outside them is refused, and a channel that did not resolve
 * the dispute brings the case back to the choice without it.
 */
@Deployment(resources = {DisputeCases.BPMN, DisputeCases.PLATFORM_BPMN, DisputeCases.ASSOCIATION_BPMN, DisputeCases.REGULATOR_BPMN,
        DisputeCases.ARBITRATION_BPMN, DisputeCases.COURT_BPMN, DisputeCases.PENALTY_DMN, DisputeCases.CHANNELS_DMN})
class ChannelChoiceTest extends DisputeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
    @RegisterExtension
    static GreenMailExtension smtp = DisputeCases.smtp();

    @Override
    GreenMailExtension mail() {
        return smtp;
    }

    @Test
    void negotiationFailed_onlinePurchase_platformAssociationRegulatorAndCourtAreOffered_inTheTaskAndTheMail() {
        ProcessInstance instance = cases.start();

        cases.merchantRefuses(instance);

        assertThat(instance).hasPassed("Task_CheckLimitation", "BusinessRule_OpenChannels")
                .isWaitingAt("Task_RecordChannelChoice");
        assertThat(cases.offered(instance)).containsExactly("platform", "association", "regulator", "court");
        assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).last().satisfies(m -> assertThat(DisputeCases.text(m))
                .contains("电商平台介入", "消费者协会调解", "向市场监管部门投诉", "向人民法院起诉").doesNotContain("申请仲裁"));
    }

    @Test
    void withAnArbitrationAgreement_arbitrationIsOfferedInsteadOfTheCourt() {
        ProcessInstance instance = cases.start(Map.of(ARBITRATION_AGREEMENT, true, PURCHASE_CHANNEL, "offline"));

        cases.merchantRefuses(instance);

        assertThat(cases.offered(instance)).containsExactly("association", "regulator", "arbitration");
    }

    @Test
    void aChannelNotOffered_isRefused_inTasklistAndByMessage_andTheCaseStaysAtTheChoice() {
        ProcessInstance instance = cases.start();
        cases.merchantRefuses(instance);

        assertThatThrownBy(() -> cases.chooseChannel(instance, "arbitration"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不在本案可选的途径内");
        assertThatThrownBy(() -> cases.correlate(instance, "ConsumerDecision", Map.of(CONSUMER_DECISION, "escalate", NEXT_CHANNEL, "court-of-appeal")))
                .hasMessageContaining("court-of-appeal");

        assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void limitationRunsOutBeforeTheChoice_consumerIsToldAndTheCaseEnds() {
        // harm known 5 March 2023: eligible on 2 March 2026, the 3 years end 5 March 2026 at 24:00 (民法典 Art. 188)
        ProcessInstance instance = cases.start(Map.of(HARM_KNOWN_ON, DisputeCases.day(2023, 3, 5)));
        cases.setClock(DisputeCases.day(2026, 3, 9));

        cases.merchantRefuses(instance);

        assertThat(instance).isEnded().hasPassed("Task_NotifyLimitationExpired", "EndEvent_LimitationExpired")
                .hasNotPassed("BusinessRule_OpenChannels");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("超过诉讼时效");
        assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("limitation-expired");
        assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).last()
                .satisfies(m -> assertThat(DisputeCases.text(m)).contains("2026年3月5日", "第一百八十八条"));
    }

    @Test
    void theDesignerNarrowsTheChannels_noneLeft_theConsumerIsToldAndTheCaseEnds() {
        ProcessInstance instance = cases.start();
        // a designer deploys a new version of the decision (binding latest): the running case uses it at its next choice
        var narrowed = engine.getRepositoryService().createDeployment().name("designer: no channel for this case")
                .addClasspathResource("dispute/dispute-open-channels-none.dmn").deploy();
        try {
            cases.merchantRefuses(instance);

            assertThat(instance).isEnded().hasPassed("Task_NotifyNoChannelLeft", "EndEvent_NoChannelLeft")
                    .hasNotPassed("Task_RecordChannelChoice");
            assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("no-channel-left");
            assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).last()
                    .satisfies(m -> assertThat(DisputeCases.text(m)).contains("已无"));
        } finally {
            engine.getRepositoryService().deleteDeployment(narrowed.getId(), true);
        }
    }

    @Test
    void aChannelThatDidNotResolveTheDispute_bringsTheCaseBackToTheChoice_withoutTheChannelsTried() {
        ProcessInstance instance = cases.start();
        cases.toChannel(instance, "association");
        cases.complete(instance, "Task_ReviewAcceptance", Map.of(MEDIATION_ACCEPTED, false,
                "acceptanceReason", "经营者已停业", "acceptanceBasis", "本会受理范围"));
        assertThat(cases.offered(instance)).containsExactly("platform", "court");

        cases.chooseChannel(instance, "platform");
        cases.passTimer("Timer_EvidenceWindow");
        cases.complete(instance, "Task_PlatformReview", Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "证据不足"));
        cases.complete(instance, "Task_RecordPlatformDecisionAnswer", Map.of(CONSUMER_DECISION, "escalate"));

        assertThat(cases.offered(instance)).containsExactly("court");
        assertThat(instance).variables().containsEntry("triedAssociation", true).containsEntry("triedPlatform", true)
                .containsEntry("triedCourt", false);
        cases.chooseChannel(instance, "court");
        assertThat(cases.channel(instance, "dispute-court")).isWaitingAt("Task_PrepareLitigationPackage");
    }
}
