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
  /** Camunda's own administrator group. */
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ALL =
      List.of(MEDIATORS, COMPLAINT_HANDLERS, SUPERVISORS, ANALYSTS, DESIGNERS, API_CLIENTS, ADMIN);

  private WeiquanGroups() {}

  public static String displayName(String groupId) {
    return switch (groupId) {
      case MEDIATORS -> "消协调解员";
      case COMPLAINT_HANDLERS -> "投诉处理专员";
      case SUPERVISORS -> "主管";
      case ANALYSTS -> "分析员";
      case DESIGNERS -> "流程设计员";
      case API_CLIENTS -> "接口调用方";
      case ADMIN -> "系统管理员";
      default -> groupId;
    };
  }
}
