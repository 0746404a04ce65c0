package cn.weiquan.dispute;

import static cn.weiquan.dispute.DisputeVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** Administrative complaint (行政投诉) to the market regulator and the report track (举报) alongside it. */
@Deployment(resources = {DisputeCases.BPMN, DisputeCases.PLATFORM_BPMN, DisputeCases.PENALTY_DMN})
class RegulatorAndReportTest extends DisputeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engineExtension = DisputeCases.engine();
    @RegisterExtension
    static GreenMailExtension smtp = DisputeCases.smtp();

    static final String REPORTER_NAME = "王举报";
    static final String REPORTER_PHONE = "13900000000";

    @Override
    GreenMailExtension mail() {
        return smtp;
    }

    @Test
    void regulatorAcceptsInTimeAndDecides_caseEndsHandledByTheRegulator() {
        ProcessInstance instance = cases.start(Map.of(CATEGORY, "false-advertising"));
        cases.toChannel(instance, "regulator");

        assertThat(instance).isWaitingAt("Gateway_RegulatorAcceptanceRace");
        assertThat(instance).variables().containsEntry(STAGE, "行政投诉");
        // the regulator decides on acceptance within 7 working days (消法 Art. 46)
        assertThat(cases.variable(instance, REGULATOR_ACCEPTANCE_DUE)).isEqualTo(cases.deadlines.due("regulator-acceptance", cases.now()));
        assertThat(cases.timer("Timer_RegulatorAcceptanceOverdue").getDuedate()).isEqualTo(cases.variable(instance, REGULATOR_ACCEPTANCE_DUE));

        cases.correlate(instance, "RegulatorAccepted", Map.of("regulatorName", "某区市场监督管理局"));
        assertThat(instance).isWaitingAt("Event_RegulatorOutcome");
        assertThat(instance).variables().containsEntry(STAGE, "行政投诉已受理");
        cases.correlate(instance, "RegulatorOutcome", Map.of("regulatorOutcome", "经调解，经营者同意退货退款"));

        assertThat(instance).isEnded().hasPassed("EndEvent_RegulatorHandled").hasNotPassed("Task_StoreReportDeadline");
        assertThat(cases.variable(instance, STAGE)).isEqualTo("行政处理完结");
    }

    @Test
    void regulatorSilentPastSevenWorkingDays_consumerIsToldAndTheLateAcceptanceIsStillTracked() {
        ProcessInstance instance = cases.start();
        cases.toChannel(instance, "regulator");

        cases.passTimer("Timer_RegulatorAcceptanceOverdue");

        assertThat(instance).hasPassed("Task_NotifyRegulatorOverdue").isWaitingAt("Event_RegulatorAcceptedLate");
        cases.correlate(instance, "RegulatorAccepted", Map.of());
        cases.correlate(instance, "RegulatorOutcome", Map.of("regulatorOutcome", "终止调解"));
        assertThat(instance).isEnded().hasPassed("Event_RegulatorAcceptedLate", "EndEvent_RegulatorHandled");
    }

    @Test
    void reportTrack_runsAlongsideTheComplaintAndTheReporterIsNeverNamedToTheMerchant() {
        ProcessInstance instance = cases.start(Map.of(CATEGORY, "false-advertising", REPORT_VIOLATION, true,
                REPORTER_NAME_KEY, REPORTER_NAME, "reporterPhone", REPORTER_PHONE));
        cases.toChannel(instance, "regulator");

        assertThat(instance).isWaitingAt("Gateway_RegulatorAcceptanceRace", "Event_ReportOutcome");
        // the lead is verified within 15 working days (市场监督管理行政处罚程序规定 Art. 18)
        assertThat(cases.variable(instance, "reportVerificationDue")).isEqualTo(cases.deadlines.due("report-verification", cases.now()));

        cases.correlate(instance, "ReportOutcome", Map.of("reportOutcome", "已立案调查"));
        assertThat(instance).hasPassed("Task_NotifyReportOutcome").isWaitingAt("Gateway_RegulatorAcceptanceRace");
        cases.correlate(instance, "RegulatorAccepted", Map.of());
        cases.correlate(instance, "RegulatorOutcome", Map.of("regulatorOutcome", "责令改正并处罚款"));

        assertThat(instance).isEnded().hasPassed("Task_StoreReportDeadline", "EndEvent_RegulatorHandled");
        assertThat(cases.mailsTo(DisputeCases.MERCHANT_MAIL)).isNotEmpty()
                .allSatisfy(m -> assertThat(DisputeCases.text(m)).doesNotContain(REPORTER_NAME).doesNotContain(REPORTER_PHONE));
    }

    static final String REPORTER_NAME_KEY = DisputeVariables.REPORTER_NAME;
}
