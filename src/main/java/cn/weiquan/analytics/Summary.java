package cn.weiquan.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What GET /api/analytics/summary answers: aggregates of the cases of one process started in [from,
 * to] (Beijing days), with case numbers in the deadline lists and nothing else of a case: no names,
 * phones, e-mails, texts.
 */
@Schema(
    description =
        "案件看板: aggregates of the cases started from 'from' to 'to' (days in Asia/Shanghai); no personal data")
public record Summary(
    @Schema(example = "consumer-dispute") String process,
    LocalDate from,
    LocalDate to,
    OffsetDateTime generatedAt,
    @Schema(
            description =
                "groupings of fewer cases than this are left out (each section says how many were)")
        int minGroupSize,
    Totals cases,
    Grouping byStage,
    @Schema(
            description =
                "the processes the cases called (channels of a dispute, payout approvals of a complaint)")
        Grouping byChannel,
    Grouping byCategory,
    @Schema(description = "enterprise complaints: severity 一般/重要/紧急") Grouping byLevel,
    @Schema(description = "enterprise complaints: the department handling the case")
        Grouping byDepartment,
    Deadlines deadlines,
    Durations durations,
    Outcomes outcomes,
    @Schema(
            description =
                "enterprise complaints: first response and resolution within the SLA, by level and department")
        Sla sla,
    @Schema(description = "cases started and ended per ISO week (Beijing days)") List<Week> weeks) {

  public record Totals(long running, long ended) {}

  /** One value of a dimension: how many cases have it, running and ended. */
  public record Group(
      @Schema(example = "quality") String key,
      @Schema(example = "质量问题") String label,
      long running,
      long ended) {}

  public record Grouping(
      List<Group> groups,
      @Schema(description = "groups left out for having fewer than minGroupSize cases")
          int suppressed) {}

  /**
   * A deadline in force (a statutory wait stored with its basis, or an open task's due date): the
   * case number and where it runs, never who the parties are.
   */
  public record DeadlineItem(
      @Schema(example = "WQ-2026-000042") String caseNo,
      @Schema(
              description =
                  "the process instance holding the deadline (Cockpit: #/process-instance/{id}/runtime)")
          String processInstanceId,
      @Schema(example = "dispute-association") String process,
      @Schema(example = "消协调解") String processLabel,
      @Schema(description = "the deadline variable or the task's key", example = "mediationDue")
          String name,
      @Schema(example = "消协调解期限") String label,
      @Schema(allowableValues = {"deadline", "task"}) String kind,
      OffsetDateTime due,
      @Schema(description = "the legal or company basis stored with the deadline (tasks: none)")
          String basis) {}

  public record Deadlines(
      @Schema(description = "not yet passed, due within the next 7 days")
          List<DeadlineItem> dueSoon,
      long dueSoonTotal,
      @Schema(description = "passed while the case still waits") List<DeadlineItem> overdue,
      long overdueTotal) {}

  /** Durations of the ended ones, in days (1 decimal). */
  public record Duration(
      String key, String label, long cases, BigDecimal medianDays, BigDecimal p90Days) {}

  public record Durations(
      @Schema(description = "per called process (channel), ended ones") List<Duration> byChannel,
      @Schema(description = "per path: how the whole case ended (caseOutcome), ended cases")
          List<Duration> byPath,
      int suppressed) {}

  public record Outcome(
      @Schema(example = "settled") String key,
      @Schema(example = "协商和解") String label,
      @Schema(
              allowableValues = {
                "settled",
                "mediated",
                "decided",
                "withdrawn",
                "not-eligible",
                "other",
                "closed"
              })
          String group,
      long cases,
      @Schema(description = "share of the ended cases, 0..1, 3 decimals") BigDecimal share) {}

  public record Outcomes(long ended, List<Outcome> outcomes, int suppressed) {}

  public record Compliance(long onTime, long breached, long open) {}

  public record SlaRow(
      String level,
      String department,
      String departmentLabel,
      long cases,
      Compliance firstResponse,
      Compliance resolution,
      @Schema(
              description =
                  "on time / (on time + breached) over both clocks, 3 decimals; null with nothing decided yet")
          BigDecimal compliance) {}

  public record Sla(List<SlaRow> rows, int suppressed) {}

  public record Week(
      @Schema(example = "2026-W05") String week, LocalDate monday, long started, long ended) {}
}
