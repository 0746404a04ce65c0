package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * From registration to closing: the handling modes, the payout approval, the response channels, the
 * SLAs.
 */
@Deployment(
    resources = {
      "processes/enterprise-complaint.bpmn",
      "processes/complaint-payout-approval.bpmn",
      "processes/complaint-severity.dmn",
      "processes/complaint-routing.dmn",
      "processes/compensation-authority.dmn"
    })
class ComplaintResolutionTest extends ComplaintProcessTest {

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

  @Test
  void generalComplaint_negotiated_answeredByMail_visitedSatisfied_closed() throws Exception {
    complaint.register(
        "cleaning", Map.of(COMPLAINANT_EMAIL, "wang@example.com", CONTACT_CHANNEL, "email"));

    // acknowledged at once, with the resolution deadline the SLA gave (一般: 15 working days)
    MimeMessage[] acknowledged = smtp.getReceivedMessages();
    assertThat(acknowledged).hasSize(1);
    assertThat(acknowledged[0].getAllRecipients()[0].toString()).isEqualTo("wang@example.com");
    // it thanks the complainant, says what happens next and by when (the resolution deadline, 24:00
    // of its last day)
    assertThat(ComplaintCase.text(acknowledged[0]))
        .contains("感谢")
        .contains("接下来")
        .contains("回访")
        .contains("2026年3月23日（星期一）24:00");
    String caseNo = (String) complaint.variable(CASE_NO);
    assertThat(caseNo).matches("TS-2026-\\d{6}");
    assertThat(complaint.instance.getBusinessKey()).isEqualTo(caseNo);
    assertThat(acknowledged[0].getSubject()).contains(caseNo);
    assertThat(complaint.variable(RESOLUTION_DUE))
        .isEqualTo(ComplaintCase.at(java.time.LocalDateTime.of(2026, 3, 24, 0, 0)));
    assertThat(complaint.task("Task_AcceptComplaint").getDueDate())
        .isEqualTo((Date) complaint.variable(FIRST_RESPONSE_DUE));
    assertThat(complaint.candidateGroups("Task_AcceptComplaint"))
        .containsExactly("dept-environment");

    complaint.accept().investigate("company").propose("Task_NegotiateSolution", "0.00");

    assertThat(complaint.instance)
        .hasPassed("Task_NotifyResponse")
        .hasNotPassed("CallActivity_ApprovePayout", "Task_PhoneResponse");
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(ComplaintCase.text(smtp.getReceivedMessages()[1])).contains("上门处理并整改");
    assertThat(complaint.instance).isWaitingAt("Timer_FollowUpVisit");

    complaint.visit(5, "很满意").improve();

    assertThat(complaint.instance).isEnded().hasPassed("Task_CloseComplaint");
    assertThat(complaint.historicVariable(STAGE)).isEqualTo("已结案");
    assertThat(complaint.historicVariable(SATISFIED)).isEqualTo(true);
    assertThat(complaint.historicVariable("rootCause")).isEqualTo("巡查不到位");
  }

  @Test
  void importantComplaint_decidedByCommittee_answeredByPhone() {
    complaint.register("staff-attitude");

    assertThat(complaint.instance).isWaitingAt("Task_AcceptComplaint");
    complaint.accept().investigate("company");

    assertThat(complaint.instance).isWaitingAt("Task_CommitteeReview");
    assertThat(complaint.candidateGroups("Task_CommitteeReview"))
        .containsExactlyInAnyOrder("supervisors", "dept-customer-service");
    complaint.propose("Task_CommitteeReview", "0.00");

    // no e-mail address: the handler phones and records the outcome
    assertThat(complaint.instance).isWaitingAt("Task_PhoneResponse");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    complaint.respondByPhone().visit(4, "基本满意").improve();

    assertThat(complaint.instance)
        .isEnded()
        .hasPassed("Task_CommitteeReview", "Task_PhoneResponse")
        .hasNotPassed("Task_NegotiateSolution", "Task_DispatchEmergency");
  }

  @Test
  void urgentComplaint_emergencyActionAtOnce_missedFirstResponseEscalatesToSupervisors() {
    complaint.register("burst-pipe");

    // maintenance is dispatched at once, in parallel with the handler's first response
    assertThat(complaint.instance).isWaitingAt("Task_DispatchEmergency", "Task_AcceptComplaint");
    assertThat(complaint.candidateGroups("Task_DispatchEmergency"))
        .containsExactly("dept-engineering");
    // 紧急: first response within 2 hours; the reminder half-way
    assertThat(complaint.timer("BoundaryEvent_FirstResponseBreached").getDuedate())
        .isEqualTo(ComplaintCase.at(ComplaintCase.MONDAY_MORNING.plusHours(2)));

    complaint.fireTimer("BoundaryEvent_FirstResponseReminder");
    assertThat(complaint.task("Task_AcceptComplaint").getPriority())
        .isEqualTo(SlaReminderDelegate.REMINDED_PRIORITY);
    assertThat((String) complaint.variable(LAST_REMINDER)).startsWith("首次响应时限即将到期");

    complaint.fireTimer("BoundaryEvent_FirstResponseBreached");
    assertThat(complaint.instance)
        .isWaitingAt(
            "Task_SuperviseFirstResponse", "Task_AcceptComplaint", "Task_DispatchEmergency");
    assertThat(complaint.candidateGroups("Task_SuperviseFirstResponse"))
        .containsExactly("supervisors");

    complaint
        .supervise("Task_SuperviseFirstResponse")
        .dispatchEmergency()
        .accept()
        .investigate("third-party");
    assertThat(complaint.instance).isWaitingAt("Task_EmergencyRemedy");
    complaint.propose("Task_EmergencyRemedy", "0.00").respondByPhone().visit(5, "抢修及时").improve();

    assertThat(complaint.instance)
        .isEnded()
        .hasPassed(
            "Task_DispatchEmergency",
            "Task_SuperviseFirstResponse",
            "EndEvent_EscalateFirstResponse");
  }

  @Test
  void payoutApproved_byTheGroupCompensationAuthorityNames() {
    complaint
        .register("landscaping")
        .accept()
        .investigate("company")
        .propose("Task_NegotiateSolution", "120");

    // ¥50–¥500: supervisors (compensation-authority)
    assertThat(complaint.instance).isWaitingAt("CallActivity_ApprovePayout");
    assertThat(complaint.candidateGroups("Task_ApprovePayout")).containsExactly("supervisors");
    assertThat(complaint.variable(COMPENSATION_AMOUNT)).isEqualTo("120.00");
    // the approvers' task lives in its own process: they read the facts of the proposal, not the
    // complainant
    var approval = complaint.task("Task_ApprovePayout");
    assertThat(approval.getProcessInstanceId()).isNotEqualTo(complaint.instance.getId());
    assertThat(engine.getProcessEngine().getTaskService().getVariables(approval.getId()))
        .containsEntry(COMPENSATION_AMOUNT, "120.00")
        .containsKeys("solution", "verifiedFacts", "caseNo")
        .doesNotContainKeys("complainantName", "complainantPhone", "complainantEmail", "location");

    complaint.approvePayout(PAYOUT_APPROVE, null).respondByPhone();
    assertThat(complaint.instance)
        .isWaitingAt("Timer_FollowUpVisit")
        .hasPassed("CallActivity_ApprovePayout");
  }

  @Test
  void payoutRejected_proposalRevisedWithTheReason_thenApproved() {
    complaint
        .register("cleaning")
        .accept()
        .investigate("company")
        .propose("Task_NegotiateSolution", "800");

    assertThat(complaint.candidateGroups("Task_ApprovePayout")).containsExactly("headquarters");
    complaint.approvePayout(PAYOUT_REJECT, "补偿超出标准，请按收费标准核减");

    assertThat(complaint.instance).isWaitingAt("Task_NegotiateSolution");
    assertThat(complaint.variable(PAYOUT_REJECTION_REASON)).isEqualTo("补偿超出标准，请按收费标准核减");
    complaint.propose("Task_NegotiateSolution", "30");

    // under ¥50 the front-line desk approves
    assertThat(complaint.candidateGroups("Task_ApprovePayout"))
        .containsExactly("complaint-handlers");
    complaint.approvePayout(PAYOUT_APPROVE, null).respondByPhone();
    assertThat(complaint.instance).isWaitingAt("Timer_FollowUpVisit");
    assertThat(complaint.variable(COMPENSATION_AMOUNT)).isEqualTo("30.00");
  }

  @Test
  void resolutionDeadlineMissed_handlerReminded_thenSupervisorsEscalated() {
    complaint.register("cleaning").accept();
    assertThat(complaint.instance).isWaitingAt("Task_InvestigateComplaint");

    complaint.fireTimer("BoundaryEvent_ResolutionReminder");
    assertThat(complaint.task("Task_InvestigateComplaint").getPriority())
        .isEqualTo(SlaReminderDelegate.REMINDED_PRIORITY);
    assertThat((String) complaint.variable(LAST_REMINDER)).startsWith("办结时限即将到期");

    complaint.fireTimer("BoundaryEvent_ResolutionBreached");
    assertThat(ClockUtil.getCurrentTime()).isEqualTo((Date) complaint.variable(RESOLUTION_DUE));
    assertThat(complaint.instance)
        .isWaitingAt("Task_SuperviseResolution", "Task_InvestigateComplaint");

    complaint.supervise("Task_SuperviseResolution");
    assertThat(complaint.instance)
        .hasPassed("EndEvent_ResolutionSupervised", "EndEvent_ResolutionReminded");
  }
}
