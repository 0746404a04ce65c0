package cn.weiquan.intake;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a party sees of its case: where it stands, its deadlines with their legal basis, the steps
 * done, and what it waits for. Times are ISO-8601 in Beijing time (+08:00). Confidential data (a
 * reporter's identity) and other variables are never part of it.
 */
public record CaseStatus(
    String caseNo,
    String process,
    String stage,
    String status,
    EndState endState,
    OffsetDateTime filedAt,
    OffsetDateTime endedAt,
    List<DeadlineView> deadlines,
    List<Step> steps,
    List<Waiting> waitingFor,
    List<EvidenceStore.EvidenceSummary> evidence) {

  public static final String RUNNING = "running";
  public static final String ENDED = "ended";

  /** How the case ended: the end event reached. */
  public record EndState(String activityId, String name) {}

  /** A stored deadline: {@code <variable>}, {@code <variable>Period}, {@code <variable>Basis}. */
  public record DeadlineView(String variable, OffsetDateTime due, String period, String basis) {}

  /** A finished step of the process, from history. */
  public record Step(
      String activityId,
      String name,
      String type,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt) {}

  /**
   * What the case waits for: kind = task (a person's work), message (an answer the API can send:
   * see the endpoint), timer (a deadline; due says when) or processing (a step the engine runs
   * shortly).
   */
  public record Waiting(
      String kind,
      String activityId,
      String name,
      String message,
      String endpoint,
      OffsetDateTime due) {}
}
