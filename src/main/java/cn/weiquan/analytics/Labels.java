package cn.weiquan.analytics;

import cn.weiquan.platform.ProcessKeys;
import cn.weiquan.platform.WeiquanGroups;
import java.util.Map;

/**
 * The Chinese words the dashboard shows for the codes the cases store (a code is never shown as
 * such to a person).
 */
final class Labels {
  private static final Map<String, String> PROCESSES =
      Map.of(
          ProcessKeys.CONSUMER_DISPUTE,
          "消费纠纷",
          ProcessKeys.ENTERPRISE_COMPLAINT,
          "企业投诉",
          ProcessKeys.DISPUTE_PLATFORM,
          "平台介入",
          ProcessKeys.DISPUTE_ASSOCIATION,
          "消协调解",
          ProcessKeys.DISPUTE_REGULATOR,
          "行政投诉",
          ProcessKeys.DISPUTE_ARBITRATION,
          "仲裁",
          ProcessKeys.DISPUTE_COURT,
          "诉讼",
          ProcessKeys.COMPLAINT_PAYOUT_APPROVAL,
          "赔付审批");

  // the forms' own labels (register-dispute.form, form-complaint-register.form)
  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("quality", "质量问题"),
          Map.entry("service", "服务问题"),
          Map.entry("false-advertising", "虚假宣传"),
          Map.entry("not-as-described", "货不对板"),
          Map.entry("logistics", "物流配送"),
          Map.entry("after-sales", "售后服务"),
          Map.entry("other", "其他"),
          Map.entry("lift-failure", "电梯故障"),
          Map.entry("burst-pipe", "水管爆裂"),
          Map.entry("power-outage", "停电停水"),
          Map.entry("security", "治安安全"),
          Map.entry("staff-attitude", "服务态度"),
          Map.entry("unreasonable-fees", "收费不合理"),
          Map.entry("cleaning", "保洁卫生"),
          Map.entry("landscaping", "绿化养护"),
          Map.entry("product-quality", "产品质量"),
          Map.entry("food-safety", "食品安全"),
          Map.entry("delivery", "物流配送"));

  // the deadlines the models store (deadlineVariable) and the complaint desk's SLA
  private static final Map<String, String> DEADLINES =
      Map.ofEntries(
          Map.entry("merchantResponseDue", "商家答复期限"),
          Map.entry("offerAnswerDue", "消费者答复方案期限"),
          Map.entry("settlementDue", "和解履行期限"),
          Map.entry("channelChoiceDue", "选择维权途径期限"),
          Map.entry("limitationDue", "诉讼时效"),
          Map.entry("evidenceDue", "平台举证期限"),
          Map.entry("reviewDue", "平台审核期限"),
          Map.entry("decisionAnswerDue", "消费者答复裁决期限"),
          Map.entry("acceptanceDue", "消协受理期限"),
          Map.entry("mediationDue", "消协调解期限"),
          Map.entry("courtConfirmationDue", "司法确认申请期限"),
          Map.entry("regulatorAcceptanceDue", "行政受理期限"),
          Map.entry("regulatorMediationDue", "行政调解期限"),
          Map.entry("reportVerificationDue", "举报核查期限"),
          Map.entry("arbitrationFilingDue", "仲裁申请期限"),
          Map.entry("appealDue", "上诉期限"),
          Map.entry("enforcementDue", "申请执行期限"),
          Map.entry("performanceDue", "履行期限"),
          Map.entry("firstResponseDue", "首次响应时限"),
          Map.entry("resolutionDue", "办结时限"),
          Map.entry("visitDue", "回访期限"));

  /** caseOutcome (EnterStage) → label and the group the shares name. */
  private static final Map<String, String[]> OUTCOMES =
      Map.of(
          "settled", new String[] {"协商和解", "settled"},
          "mediated", new String[] {"调解成功", "mediated"},
          "judged", new String[] {"法院判决", "decided"},
          "arbitrated", new String[] {"仲裁裁决", "decided"},
          "platform-decided", new String[] {"平台裁决", "decided"},
          "regulator-handled", new String[] {"行政处理", "decided"},
          "withdrawn", new String[] {"撤回", "withdrawn"},
          "not-eligible", new String[] {"不予受理", "not-eligible"},
          "limitation-expired", new String[] {"超过诉讼时效", "other"},
          "no-channel-left", new String[] {"已无可选途径", "other"});

  private Labels() {}

  static String process(String key) {
    return PROCESSES.getOrDefault(key, key);
  }

  static String category(String code) {
    return code == null ? "未填写" : CATEGORIES.getOrDefault(code, code);
  }

  static String department(String group) {
    return group == null ? "未分派" : WeiquanGroups.displayName(group);
  }

  static String deadline(String variable) {
    return DEADLINES.getOrDefault(variable, variable);
  }

  static String outcome(String code, String process) {
    if (code == null) {
      return ProcessKeys.ENTERPRISE_COMPLAINT.equals(process) ? "已结案" : "未记录";
    }
    String[] known = OUTCOMES.get(code);
    return known == null ? code : known[0];
  }

  static String outcomeGroup(String code, String process) {
    if (code == null) {
      return ProcessKeys.ENTERPRISE_COMPLAINT.equals(process) ? "closed" : "other";
    }
    String[] known = OUTCOMES.get(code);
    return known == null ? "other" : known[1];
  }

  static String plain(String value) {
    return value == null ? "未记录" : value;
  }
}
