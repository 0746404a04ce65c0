package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer withdraws (撤回) at any stage: the case ends 撤回, both parties are told, no timer is
 * left behind.
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
class WithdrawalTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  private void withdrawAndAssertWithdrawn(ProcessInstance instance) {
    int consumerMails = cases.mailsTo(DisputeCases.CONSUMER_MAIL).size();
    int merchantMails = cases.mailsTo(DisputeCases.MERCHANT_MAIL).size();

    cases.correlate(instance, "Withdraw", Map.of(WITHDRAW_REASON, "已与商家私下和解"));

    assertThat(instance)
        .isEnded()
        .hasPassed("StartEvent_Withdraw", "Task_NotifyWithdrawn", "EndEvent_Withdrawn");
    assertThat(cases.variable(instance, STAGE)).isEqualTo("已撤回");
    assertThat(cases.variable(instance, WITHDRAW_REASON)).isEqualTo("已与商家私下和解");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL)).hasSize(consumerMails + 1);
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).hasSize(merchantMails + 1);
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("withdrawn");
    assertThat(cases.jobsOfCase(instance))
        .as("no timer of the case or its channel survives")
        .isZero();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(cases.caseNo(instance))
                .count())
        .isZero();
  }

  @Test
  void withdrawnDuringNegotiation() {
    ProcessInstance instance = cases.start();
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnWhileTheOfferIsOpen() {
    ProcessInstance instance = cases.start();
    cases.correlate(
        instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "offer", MERCHANT_OFFER, "换货"));
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnWhileChoosingTheNextChannel() {
    ProcessInstance instance = cases.start();
    cases.merchantRefuses(instance);
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringTheEvidenceWindow() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "platform");
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringThePlatformReview() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "platform");
    cases.passTimer("Timer_EvidenceWindow");
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringTheAcceptanceReview() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "association");
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringMediation() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "association");
    cases.acceptMediation(instance);
    cases.session(instance, "agreement");
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnWhileThePlatformDecisionAwaitsTheConsumer() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "platform");
    cases.passTimer("Timer_EvidenceWindow");
    cases.complete(
        instance,
        "Task_PlatformReview",
        Map.of(PLATFORM_VIOLATION, "none", PLATFORM_DECISION, "证据不足"));
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnWhileTheSettlementIsFulfilled() {
    ProcessInstance instance = cases.start();
    cases.correlate(instance, "MerchantResponse", Map.of(MERCHANT_ANSWER, "accept"));
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringTheRegulatorComplaintAndReport() {
    ProcessInstance instance = cases.start(Map.of(REPORT_VIOLATION, true));
    cases.toChannel(instance, "regulator");
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringArbitration() {
    ProcessInstance instance = cases.start(Map.of(ARBITRATION_AGREEMENT, true));
    cases.toChannel(instance, "arbitration");
    cases.complete(
        instance,
        "Task_FileArbitration",
        Map.of("arbitrationCommission", "杭州仲裁委员会", "arbitrationFiledOn", "2026-03-03"));
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnDuringTheLawsuit() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "court");
    cases.complete(
        instance,
        "Task_PrepareLitigationPackage",
        Map.of("courtName", "杭州互联网法院", "lawsuitFiledOn", "2026-03-05"));
    withdrawAndAssertWithdrawn(instance);
  }

  @Test
  void withdrawnWhileTheJudgmentIsEnforced() {
    ProcessInstance instance = cases.start();
    cases.toChannel(instance, "court");
    cases.complete(
        instance,
        "Task_PrepareLitigationPackage",
        Map.of("courtName", "杭州互联网法院", "lawsuitFiledOn", "2026-03-05"));
    cases.correlate(
        instance,
        "JudgmentReceived",
        Map.of(JUDGMENT_SERVED_AT, cases.now(), "judgmentSummary", "支持原告诉讼请求"));
    cases.passTimer("Timer_AppealWindow");
    cases.complete(
        instance, "Task_RecordPerformanceDeadline", Map.of(PERFORMANCE_DUE, "2026-05-20"));
    withdrawAndAssertWithdrawn(instance);
  }
}
