package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Arbitration (仲裁) and the lawsuit (诉讼) up to enforcement. */
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
class ArbitrationAndCourtTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  @Test
  void arbitration_awardReceivedEndsTheCase() {
    ProcessInstance instance = cases.start(Map.of(ARBITRATION_AGREEMENT, true));
    cases.merchantRefuses(instance);
    assertThat(cases.offered(instance)).contains("arbitration").doesNotContain("court");
    cases.chooseChannel(instance, "arbitration");
    ProcessInstance channel = cases.channel(instance, "dispute-arbitration");

    Task filing = cases.task(instance, "Task_FileArbitration");
    assertThat(filing).hasCandidateGroup("mediators");
    assertThat(filing.getDueDate()).isEqualTo(cases.variable(instance, "arbitrationFilingDue"));
    cases.complete(
        instance,
        "Task_FileArbitration",
        Map.of("arbitrationCommission", "杭州仲裁委员会", "arbitrationFiledOn", "2026-03-03"));
    assertThat(channel).isWaitingAt("Event_ArbitrationAward");
    cases.correlate(instance, "ArbitrationAward", Map.of("arbitrationAward", "被申请人退还货款1999.00元"));

    assertThat(channel).isEnded().hasPassed("Task_NotifyArbitrationAward", "EndEvent_Arbitrated");
    assertThat(instance).isEnded().hasPassed("EndEvent_ResolvedInChannel");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("arbitrated");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("被申请人退还货款1999.00元"));
  }

  private ProcessInstance court(ProcessInstance instance) {
    return cases.channel(instance, "dispute-court");
  }

  private ProcessInstance judgmentServed() {
    // 案例三: false advertising → refund plus the punitive sum for fraud
    ProcessInstance instance =
        cases.start(Map.of(CATEGORY, "false-advertising", ITEM_NAME, "护肤品", PRICE, "300.00"));
    cases.toChannel(instance, "court");
    ProcessInstance channel = court(instance);

    assertThat(channel).isWaitingAt("Task_PrepareLitigationPackage");
    // price 300.00 refunded; 3 × 300.00 = 900.00 punitive (消法 Art. 55, at least 500.00)
    assertThat(new BigDecimal(cases.variable(instance, CLAIM_TOTAL).toString()))
        .isEqualByComparingTo("1200.00");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("1200.00", "第五十五条"));
    Task filing = cases.task(instance, "Task_PrepareLitigationPackage");
    assertThat(filing.getDueDate()).isEqualTo(cases.variable(instance, LIMITATION_DUE));
    cases.complete(
        instance,
        "Task_PrepareLitigationPackage",
        Map.of(
            "courtName",
            "杭州互联网法院",
            "lawsuitFiledOn",
            "2026-03-05",
            "courtCaseNo",
            "（2026）浙0192民初1234号"));
    assertThat(channel).hasPassed("Task_NotifyLawsuitFiled").isWaitingAt("Event_JudgmentReceived");

    Date served = DisputeCases.day(2026, 4, 1);
    cases.setClock(new Date(served.getTime() + 10 * 3_600_000L));
    cases.correlate(
        instance,
        "JudgmentReceived",
        Map.of(JUDGMENT_SERVED_AT, served, "judgmentSummary", "支持原告全部诉讼请求"));
    assertThat(channel).isWaitingAt("Gateway_AppealRace");
    // 15 days from service (民事诉讼法 Art. 171)
    assertThat(cases.variable(instance, APPEAL_DUE))
        .isEqualTo(cases.deadlines.due("appeal", served));
    assertThat(cases.timer("Timer_AppealWindow").getDuedate())
        .isEqualTo(cases.variable(instance, APPEAL_DUE));
    return instance;
  }

  /** The judgment took effect: the mediator enters the performance deadline from the judgment. */
  private Date performanceEntered(ProcessInstance instance) {
    assertThat(court(instance)).isWaitingAt("Task_RecordPerformanceDeadline");
    assertThat(instance).variables().containsEntry(STAGE, "判决生效");
    cases.complete(
        instance, "Task_RecordPerformanceDeadline", Map.of(PERFORMANCE_DUE, "2026-05-20"));
    Date performanceDue = DisputeCases.day(2026, 5, 20);
    // two years from the last day of performance (民事诉讼法 Art. 250)
    Date enforcementDue = (Date) cases.variable(instance, ENFORCEMENT_DUE);
    assertThat(enforcementDue)
        .isEqualTo(cases.deadlines.due("enforcement-application", performanceDue));
    assertThat(cases.task(instance, "Task_ApplyForEnforcement").getDueDate())
        .isEqualTo(enforcementDue);
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("2026年5月20日", "2028年5月"));
    return enforcementDue;
  }

  @Test
  void courtWithoutAppeal_judgmentTakesEffectAfterTheAppealWindow_theMerchantPerforms() {
    ProcessInstance instance = judgmentServed();
    ProcessInstance channel = court(instance);

    cases.passTimer("Timer_AppealWindow");
    performanceEntered(instance);
    cases.complete(instance, "Task_ApplyForEnforcement", Map.of(ENFORCEMENT, "performed"));

    assertThat(channel)
        .isEnded()
        .hasPassed("Task_NotifyJudgmentPerformed", "EndEvent_JudgmentPerformed")
        .hasNotPassed("Event_Appealed");
    assertThat(instance).isEnded().hasPassed("EndEvent_ResolvedInChannel");
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("judged");
  }

  @Test
  void courtWithAppeal_secondInstanceJudgmentIsFinal_andEnforced() {
    ProcessInstance instance = judgmentServed();
    ProcessInstance channel = court(instance);

    cases.correlate(instance, "Appealed", Map.of("appealedBy", "经营者"));
    assertThat(channel).isWaitingAt("Event_FinalJudgmentReceived");
    assertThat(instance).variables().containsEntry(STAGE, "二审");
    assertThat(cases.timerCount("Timer_AppealWindow")).isZero();
    cases.correlate(instance, "JudgmentReceived", Map.of("judgmentSummary", "驳回上诉，维持原判"));
    performanceEntered(instance);
    cases.complete(
        instance,
        "Task_ApplyForEnforcement",
        Map.of(
            ENFORCEMENT,
            "applied",
            "enforcementAppliedOn",
            "2026-05-25",
            "enforcementCourt",
            "杭州互联网法院",
            "enforcementCaseNo",
            "（2026）浙0192执567号"));
    assertThat(channel).isWaitingAt("Event_EnforcementOutcome");
    assertThat(instance).variables().containsEntry(STAGE, "强制执行");
    cases.correlate(
        instance, "EnforcementOutcome", Map.of("enforcementOutcome", "强制执行完毕，已退还货款并支付赔偿"));

    assertThat(channel)
        .isEnded()
        .hasPassed("Event_Appealed", "Task_NotifyEnforcementOutcome", "EndEvent_Enforced");
    assertThat(instance).isEnded();
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("judged");
  }

  @Test
  void twentyTwoUnitsForLivingConsumption_theCourtClaimsWithholdThePunitiveSum_andSayWhy() {
    // 案例: 22 cameras bought "for living consumption" at 300.00 each, falsely advertised
    ProcessInstance instance =
        cases.start(
            Map.of(CATEGORY, "false-advertising", ITEM_NAME, "相机", PRICE, "300.00", QUANTITY, 22));
    cases.toChannel(instance, "court");

    // refund 22 × 300.00 = 6600.00; no punitive sum: the quantity is beyond living needs (bad faith
    // signal)
    assertThat(new BigDecimal(cases.variable(instance, CLAIM_TOTAL).toString()))
        .isEqualByComparingTo("6600.00");
    assertThat((String) cases.variable(instance, CLAIM_BREAKDOWN)).contains("22", "生活消费");
  }
}
