package cn.weiquan.complaint;

import static cn.weiquan.complaint.ComplaintVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 分类处理 and 分派处理: the rules' level and department, the handler's override and reassignment. */
@Deployment(
    resources = {
      "processes/enterprise-complaint.bpmn",
      "processes/complaint-payout-approval.bpmn",
      "processes/complaint-severity.dmn",
      "processes/complaint-routing.dmn",
      "processes/compensation-authority.dmn"
    })
class ComplaintTriageTest extends ComplaintProcessTest {

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

  /** 物业服务投诉处理流程: 电梯故障、水管爆裂 紧急; 服务态度恶劣、收费不合理 重要; 清洁不及时、绿化维护不到位 一般. */
  @ParameterizedTest(name = "{0} → {1} / {3}")
  @CsvSource({
    "lift-failure,      紧急, emergency, dept-engineering,      true",
    "burst-pipe,        紧急, emergency, dept-engineering,      true",
    "staff-attitude,    重要, committee, dept-customer-service, false",
    "unreasonable-fees, 重要, committee, dept-finance,          false",
    "cleaning,          一般, negotiate, dept-environment,      false",
    "landscaping,       一般, negotiate, dept-environment,      false"
  })
  void seedPropertyExample_landsInItsLevelAndDepartment(
      String category, String severity, String mode, String department, boolean emergencyAtOnce) {
    complaint.register(category);

    assertThat(complaint.variable(SEVERITY)).isEqualTo(severity);
    assertThat(complaint.variable(HANDLING_MODE)).isEqualTo(mode);
    assertThat(complaint.variable(DEPARTMENT)).isEqualTo(department);
    assertThat(complaint.variable(STAGE)).isEqualTo("分派处理");
    assertThat(complaint.candidateGroups("Task_AcceptComplaint")).containsExactly(department);
    assertThat(complaint.groupsReadingTheCase()).containsExactly(department);
    if (emergencyAtOnce) {
      assertThat(complaint.instance).isWaitingAt("Task_AcceptComplaint", "Task_DispatchEmergency");
    } else {
      assertThat(complaint.instance)
          .isWaitingAt("Task_AcceptComplaint")
          .hasPassed("Gateway_EmergencyDone");
    }
  }

  @Test
  void registration_givesConsecutiveComplaintNumbersAsBusinessKeys() {
    String first = complaint.register("cleaning").instance.getBusinessKey();
    String second = complaint.register("cleaning").instance.getBusinessKey();

    assertThat(first).matches("TS-2026-\\d{6}");
    assertThat(Integer.parseInt(second.substring(8)))
        .isEqualTo(Integer.parseInt(first.substring(8)) + 1);
    assertThat(complaint.variable(CASE_NO)).isEqualTo(second);
  }

  @Test
  void levelOverridden_generalRaisedToImportant_reasonKeptInHistory_committeeDecides() {
    complaint
        .register("cleaning", Map.of(REPEAT_COMPLAINT, false))
        .accept(
            Map.of(SEVERITY_OVERRIDE, "important", SEVERITY_OVERRIDE_REASON, "同一楼栋一周内第三次反映，影响多户业主"))
        .investigate("company");

    assertThat(complaint.instance).isWaitingAt("Task_CommitteeReview");
    assertThat(complaint.variable(SEVERITY)).isEqualTo("重要");
    assertThat(complaint.variable(HANDLING_MODE)).isEqualTo("committee");
    assertThat(complaint.variable(SEVERITY_BY_RULE)).isEqualTo("一般");
    assertThat(complaint.variable(SEVERITY_OVERRIDDEN)).isEqualTo(true);
    // the history shows the level's whole course, and the reason (as a variable: form fields are
    // not copied again)
    List<Object> levels =
        engine
            .getProcessEngine()
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(complaint.instance.getId())
            .variableUpdates()
            .list()
            .stream()
            .map(HistoricVariableUpdate.class::cast)
            .filter(update -> update.getVariableName().equals(SEVERITY))
            .map(HistoricVariableUpdate::getValue)
            .toList();
    assertThat(levels).containsExactly("一般", "重要");
    List<Object> reasons =
        engine
            .getProcessEngine()
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(complaint.instance.getId())
            .variableUpdates()
            .list()
            .stream()
            .map(HistoricVariableUpdate.class::cast)
            .filter(update -> update.getVariableName().equals(SEVERITY_OVERRIDE_REASON))
            .map(HistoricVariableUpdate::getValue)
            .toList();
    assertThat(reasons).containsExactly("同一楼栋一周内第三次反映，影响多户业主");
    assertThat(
            engine
                .getProcessEngine()
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(complaint.instance.getId())
                .formFields()
                .count())
        .as("no form-field copies")
        .isZero();
  }

  @Test
  void occurredAfterToday_registrationIsRefusedInChinese_andNothingStarts() {
    long before =
        engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().count();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> complaint.register("cleaning", Map.of("occurredOn", "2026-03-03")))
        .hasMessageContaining("发生时间（2026年3月3日）不能晚于今天（2026年3月2日）");
    assertThat(engine.getProcessEngine().getRuntimeService().createProcessInstanceQuery().count())
        .isEqualTo(before);
  }

  @Test
  void levelOverriddenWithoutReason_isRefused() {
    complaint.register("cleaning");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> complaint.accept(Map.of(SEVERITY_OVERRIDE, "urgent")))
        .hasMessageContaining("调整投诉等级须说明理由");
    assertThat(complaint.instance).isWaitingAt("Task_AcceptComplaint");
    assertThat(complaint.variable(SEVERITY)).isEqualTo("一般");
  }

  @Test
  void complaintReassigned_investigationGoesToTheNewDepartment() {
    complaint
        .register("other")
        .accept(Map.of(REASSIGN_DEPARTMENT, "dept-security", REASSIGN_REASON, "涉及门岗人员，由安保部处理"));

    assertThat(complaint.variable(DEPARTMENT_BY_RULE)).isEqualTo("dept-customer-service");
    assertThat(complaint.candidateGroups("Task_InvestigateComplaint"))
        .containsExactly("dept-security");
    assertThat(complaint.groupsReadingTheCase())
        .containsExactlyInAnyOrder("dept-customer-service", "dept-security");
  }
}
