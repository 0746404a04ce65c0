package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Administrative complaint (行政投诉) to the market regulator and the report track (举报) alongside it.
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
class RegulatorAndReportTest extends DisputeProcessTest {

  @RegisterExtension static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
  @RegisterExtension static GreenMailExtension smtp = DisputeCases.smtp();

  static final String REPORTER_NAME = "王举报";
  static final String REPORTER_PHONE = "13900000000";

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  private ProcessInstance regulator(ProcessInstance instance) {
    return cases.channel(instance, "dispute-regulator");
  }

  private ProcessInstance complained(Map<String, Object> facts) {
    ProcessInstance instance = cases.start(facts);
    cases.toChannel(instance, "regulator");
    assertThat(instance).isWaitingAt("CallActivity_Channel");
    return instance;
  }

  @Test
  void regulatorAcceptsInTime_mediatesAndResolves_theCaseEndsHandledByTheRegulator() {
    ProcessInstance instance = complained(Map.of(CATEGORY, "false-advertising"));
    ProcessInstance channel = regulator(instance);

    assertThat(channel).isWaitingAt("Gateway_AcceptanceRace", "Gateway_TracksJoin");
    assertThat(instance)
        .variables()
        .containsEntry(STAGE, "行政投诉")
        .containsEntry(CHANNEL, "regulator");
    // the regulator decides on acceptance within 7 working days (消法 Art. 46)
    assertThat(cases.variable(instance, REGULATOR_ACCEPTANCE_DUE))
        .isEqualTo(cases.deadlines.due("regulator-acceptance", cases.now()));
    assertThat(cases.timer("Timer_RegulatorAcceptanceOverdue").getDuedate())
        .isEqualTo(cases.variable(instance, REGULATOR_ACCEPTANCE_DUE));

    Date accepted = DisputeCases.day(2026, 3, 4);
    cases.correlate(
        instance,
        "RegulatorAccepted",
        Map.of("regulatorName", "某区市场监督管理局", REGULATOR_ACCEPTED_AT, accepted));
    assertThat(channel).isWaitingAt("Event_RegulatorOutcome");
    assertThat(instance).variables().containsEntry(STAGE, "行政投诉已受理");
    // accepted before 15 April 2026: Order 20's 45 working days from acceptance
    assertThat(cases.variable(instance, REGULATOR_MEDIATION_DUE))
        .isEqualTo(cases.deadlines.due("mediation-limit", accepted));
    assertThat(engine.getRuntimeService().getVariables(channel.getId()))
        .doesNotContainKey(REGULATOR_ACCEPTANCE_DUE);
    cases.correlate(
        instance,
        "RegulatorOutcome",
        Map.of("regulatorOutcome", "经调解，经营者同意退货退款", REGULATOR_RESOLVED, true));

    assertThat(channel).isEnded().hasPassed("EndEvent_RegulatorResolved");
    assertThat(instance).isEnded();
    assertThat(cases.variable(instance, CASE_OUTCOME)).isEqualTo("regulator-handled");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("经调解，经营者同意退货退款"));
  }

  @Test
  void acceptedUnderTheNewMeasures_theMediationLimitFollowsThem() {
    ProcessInstance instance = complained(Map.of());
    Date accepted = DisputeCases.day(2026, 4, 20);
    cases.setClock(new Date(accepted.getTime() + 10 * 3_600_000L));

    cases.correlate(instance, "RegulatorAccepted", Map.of(REGULATOR_ACCEPTED_AT, accepted));

    assertThat(cases.variable(instance, REGULATOR_MEDIATION_DUE))
        .isEqualTo(cases.deadlines.due("mediation-limit", accepted))
        .isNotEqualTo(cases.deadlines.due("mediation-limit", DisputeCases.day(2026, 4, 14)));
    assertThat((String) cases.variable(instance, REGULATOR_MEDIATION_DUE + "Basis"))
        .contains("第121号");
  }

  @Test
  void regulatorSilentPastSevenWorkingDays_consumerIsToldAndTheLateAcceptanceIsStillTracked() {
    ProcessInstance instance = complained(Map.of());
    ProcessInstance channel = regulator(instance);

    cases.passTimer("Timer_RegulatorAcceptanceOverdue");

    assertThat(channel)
        .hasPassed("Task_NotifyRegulatorOverdue")
        .isWaitingAt("Event_RegulatorAcceptedLate");
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .last()
        .satisfies(m -> assertThat(DisputeCases.text(m)).contains("已经届满"));
    cases.correlate(instance, "RegulatorAccepted", Map.of(REGULATOR_ACCEPTED_AT, cases.now()));
    cases.correlate(
        instance,
        "RegulatorOutcome",
        Map.of("regulatorOutcome", "双方未达成一致，终止调解", REGULATOR_RESOLVED, false));

    assertThat(channel)
        .isEnded()
        .hasPassed("Event_RegulatorAcceptedLate", "EndEvent_RegulatorUnresolved");
    // unresolved: back to the consumer, without the association and the regulator (the same dispute
    // was handled)
    assertThat(instance).isWaitingAt("Task_RecordChannelChoice");
    assertThat(cases.offered(instance)).containsExactly("platform", "court");
  }

  @Test
  void
      reportTrack_runsAlongsideTheComplaint_onlyTheReporterLearnsTheOutcome_andNoOneElseWhoReported() {
    ProcessInstance instance =
        complained(
            Map.of(
                CATEGORY,
                "false-advertising",
                REPORT_VIOLATION,
                true,
                REPORTER_NAME_KEY,
                REPORTER_NAME,
                "reporterPhone",
                REPORTER_PHONE,
                "reporterEmail",
                REPORTER_MAIL));
    ProcessInstance channel = regulator(instance);

    assertThat(channel).isWaitingAt("Gateway_AcceptanceRace", "Event_ReportOutcome");
    // the lead is verified within 15 working days (市场监督管理行政处罚程序规定 Art. 18)
    assertThat(cases.variable(instance, "reportVerificationDue"))
        .isEqualTo(cases.deadlines.due("report-verification", cases.now()));

    cases.correlate(instance, "ReportOutcome", Map.of("reportOutcome", "已立案调查"));
    assertThat(channel)
        .hasPassed("Task_NotifyReportOutcome")
        .isWaitingAt("Gateway_AcceptanceRace", "Gateway_TracksJoin");
    assertThat(cases.mailsTo(REPORTER_MAIL))
        .singleElement()
        .satisfies(
            m ->
                assertThat(DisputeCases.text(m))
                    .contains("已立案调查", REPORTER_NAME)
                    .doesNotContain("张小明", "滚筒洗衣机漏水"));
    cases.correlate(instance, "RegulatorAccepted", Map.of(REGULATOR_ACCEPTED_AT, cases.now()));
    cases.correlate(
        instance,
        "RegulatorOutcome",
        Map.of("regulatorOutcome", "责令改正并处罚款", REGULATOR_RESOLVED, true));

    assertThat(channel).isEnded().hasPassed("EndEvent_RegulatorResolved");
    assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL))
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(DisputeCases.text(m))
                    .doesNotContain(REPORTER_NAME, REPORTER_PHONE, REPORTER_MAIL));
    assertThat(cases.mailsTo(DisputeCases.CONSUMER_MAIL))
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(DisputeCases.text(m))
                    .doesNotContain(REPORTER_NAME, REPORTER_PHONE, REPORTER_MAIL));
  }

  static final String REPORTER_NAME_KEY = DisputeVariables.REPORTER_NAME;
  static final String REPORTER_MAIL = "whistle@example.cn";
}
