package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 回访: the visit after the response, reopening when unsatisfied, and the cap on reopenings. */
@Deployment(
    resources = {
      "processes/enterprise-complaint.bpmn",
      "processes/complaint-payout-approval.bpmn",
      "processes/complaint-severity.dmn",
      "processes/complaint-routing.dmn",
      "processes/compensation-authority.dmn"
    })
class ComplaintFollowUpTest extends ComplaintProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder(ComplaintCase.engineWithCoverage()).build();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Override
  GreenMailExtension mail() {
    return smtp;
  }

  /** Registered, handled and answered by phone on Monday 2 March 2026. */
  private ComplaintCase answered(String category) {
    return complaint
        .register(category)
        .accept()
        .investigate("company")
        .propose("Task_NegotiateSolution", "0.00")
        .respondByPhone();
  }

  @Test
  void visitOpensThreeWorkingDaysAfterTheResponse() {
    answered("cleaning");

    // follow-up-visit: 3 working days after Monday 2 March → due at the end of Thursday 5 March
    assertThat(complaint.variable(VISIT_DUE))
        .isEqualTo(ComplaintCase.at(LocalDateTime.of(2026, 3, 6, 0, 0)));
    assertThat(complaint.timer("Timer_FollowUpVisit").getDuedate())
        .isEqualTo((Date) complaint.variable(VISIT_DUE));
    assertThat(complaint.instance).isWaitingAt("Timer_FollowUpVisit");
  }

  @Test
  void unsatisfiedOnce_reopenedToInvestigationWithTheReason_thenSatisfied() {
    answered("cleaning").visit(2, "楼道仍未清扫干净");

    assertThat(complaint.instance).isWaitingAt("Task_InvestigateComplaint");
    assertThat(complaint.variable(REOPEN_COUNT)).isEqualTo(1);
    assertThat(complaint.variable(REOPEN_REASON)).isEqualTo("楼道仍未清扫干净");
    // the resolution clock restarts at the reopening; no second acceptance
    assertThat((Date) complaint.variable(RESOLUTION_DUE)).isAfter(ClockUtil.getCurrentTime());
    assertThat(complaint.instance).hasPassed("Gateway_InvestigationEntered");

    complaint
        .investigate("company")
        .propose("Task_NegotiateSolution", "0.00")
        .respondByPhone()
        .visit(4, "已清扫干净")
        .improve();

    assertThat(complaint.instance).isEnded();
    assertThat(complaint.historicVariable(REOPEN_COUNT)).isEqualTo(1);
    assertThat(
            engine
                .getProcessEngine()
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(complaint.instance.getId())
                .activityId("Task_AcceptComplaint")
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getProcessEngine()
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(complaint.instance.getId())
                .activityId("Task_InvestigateComplaint")
                .count())
        .isEqualTo(2);
  }

  @Test
  void urgentComplaintReopened_noSecondEmergencyDispatch() {
    complaint
        .register("lift-failure")
        .dispatchEmergency()
        .accept()
        .investigate("third-party")
        .propose("Task_EmergencyRemedy", "0.00")
        .respondByPhone()
        .visit(3, "电梯仍有异响");

    assertThat(complaint.instance).isWaitingAt("Task_InvestigateComplaint");
    assertThat(
            engine
                .getProcessEngine()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(complaint.instance.getId())
                .taskDefinitionKey("Task_DispatchEmergency")
                .count())
        .isZero();
  }

  @Test
  void unsatisfiedPastTheLimit_escalatesToSupervisorsInsteadOfLooping() {
    answered("cleaning").visit(2, "仍不满意");
    complaint
        .investigate("company")
        .propose("Task_NegotiateSolution", "0.00")
        .respondByPhone()
        .visit(1, "还是不满意");
    assertThat(complaint.variable(REOPEN_COUNT)).isEqualTo(2);

    complaint
        .investigate("company")
        .propose("Task_NegotiateSolution", "0.00")
        .respondByPhone()
        .visit(2, "要求主管出面");

    // weiquan.complaint.max-reopen = 2: the third unsatisfied visit goes to supervisors
    assertThat(complaint.instance).isWaitingAt("Task_SuperviseUnresolved");
    assertThat(complaint.candidateGroups("Task_SuperviseUnresolved"))
        .containsExactly("supervisors");
    assertThat(complaint.variable(REOPEN_COUNT)).isEqualTo(2);
    assertThat(complaint.variable(VISIT_OUTCOME)).isEqualTo(VisitPolicy.ESCALATE);

    complaint.supervise("Task_SuperviseUnresolved").improve();
    assertThat(complaint.instance).isEnded().hasPassed("Task_NotifyEscalated");
  }

  @Test
  void escalationMailedToTheComplainantWhoGaveAnAddress() throws Exception {
    ComplaintProperties noReopening = new ComplaintProperties(0, 4, "follow-up-visit");
    ComplaintCase.reset();
    complaint = new ComplaintCase(engine.getProcessEngine(), smtp.getSmtp().getPort(), noReopening);
    complaint
        .register("cleaning", Map.of(COMPLAINANT_EMAIL, "wang@example.com"))
        .accept()
        .investigate("company")
        .propose("Task_NegotiateSolution", "0.00")
        .visit(3, "不满意");

    assertThat(complaint.instance).isWaitingAt("Task_SuperviseUnresolved");
    var mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(3); // acknowledged, response, escalated
    assertThat(ComplaintCase.text(mails[2])).contains("由主管负责处理");
  }
}
