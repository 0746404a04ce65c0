package cn.weiquan.platform;

import java.util.List;

/** The engine groups Weiquan creates at start; candidate groups and grants name them. */
public final class WeiquanGroups {
  /** Consumer-association mediators: Tasklist, their dispute tasks. */
  public static final String MEDIATORS = "mediators";

  /** The enterprise complaint desk. */
  public static final String COMPLAINT_HANDLERS = "complaint-handlers";

  /** Escalations and approvals. */
  public static final String SUPERVISORS = "supervisors";

  /** Cockpit, read-only. */
  public static final String ANALYSTS = "analysts";

  /** Cockpit and deployments (Camunda Modeler). */
  public static final String DESIGNERS = "designers";

  /** Parties' systems: start processes and correlate messages, no webapp. */
  public static final String API_CLIENTS = "api-clients";

  /** E-commerce platform staff who decide platform interventions (平台介入). */
  public static final String PLATFORM_REVIEWERS = "platform-reviewers";

  /** Headquarters: approves payouts above the supervisors' tier (compensation-authority). */
  public static final String HEADQUARTERS = "headquarters";

  /** Operators' monitoring: reads /actuator (metrics, full health), nothing of the cases. */
  public static final String MONITORING = "monitoring";

  /** Camunda's own administrator group. */
  public static final String ADMIN = "camunda-admin";

  /**
   * Departments of a company's complaint desk; the complaint-routing decision names one of them as
   * the candidate group of the handling tasks. Each is a complaint-handling group.
   */
  public static final List<String> DEPARTMENTS =
      List.of(
          "dept-customer-service",
          "dept-engineering",
          "dept-environment",
          "dept-security",
          "dept-finance",
          "dept-quality",
          "dept-logistics");

  public static final List<String> ALL =
      List.of(
          MEDIATORS,
          COMPLAINT_HANDLERS,
          SUPERVISORS,
          ANALYSTS,
          DESIGNERS,
          API_CLIENTS,
          PLATFORM_REVIEWERS,
          HEADQUARTERS,
          MONITORING,
          ADMIN);

  private WeiquanGroups() {}

  public static String displayName(String groupId) {
    return switch (groupId) {
      case MEDIATORS -> "消协调解员";
      case COMPLAINT_HANDLERS -> "投诉处理专员";
      case SUPERVISORS -> "主管";
      case ANALYSTS -> "分析员";
      case DESIGNERS -> "流程设计员";
      case API_CLIENTS -> "接口调用方";
      case PLATFORM_REVIEWERS -> "平台审核员";
      case HEADQUARTERS -> "总部";
      case MONITORING -> "运维监控";
      case ADMIN -> "系统管理员";
      case "dept-customer-service" -> "客户服务部";
      case "dept-engineering" -> "工程维修部";
      case "dept-environment" -> "环境保洁绿化部";
      case "dept-security" -> "安保部";
      case "dept-finance" -> "财务部";
      case "dept-quality" -> "质量管理部";
      case "dept-logistics" -> "物流配送部";
      default -> groupId;
    };
  }
}
