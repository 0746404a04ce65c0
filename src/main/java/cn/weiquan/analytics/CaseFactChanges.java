package cn.weiquan.analytics;

import cn.weiquan.platform.EngineClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one transaction changed in the case facts, collected from the engine's history events and
 * written once per row at commit ({@link CaseFactWriter}): the changed columns of each case and
 * called process, the deadlines touched, the instances that ended. Plain values, no engine types.
 */
final class CaseFactChanges {
  /** The case's own variables that are dashboard dimensions: variable → column. */
  private static final Map<String, String> TEXT_COLUMNS =
      Map.of(
          "stage", "stage",
          "category", "category",
          "severity", "severity",
          "department", "department",
          "caseOutcome", "outcome");

  /** Dimensions whose presence counts, not only their value (a group of "not recorded"). */
  private static final Set<String> PRESENCE = Set.of("stage", "category", "severity", "department");

  /** The complaint desk's clocks, as the engine stores dates (epoch milliseconds). */
  private static final Map<String, String> NUMBER_COLUMNS =
      Map.of(
          "firstResponseDue", "first_response_due",
          "firstRespondedAt", "first_responded_at",
          "resolutionDue", "resolution_due",
          "respondedAt", "responded_at");

  /** The deadline a marker meets (the reverse of {@link CaseFactsFromHistory#MET_BY}). */
  private static final Map<String, String> MEETS = new HashMap<>();

  static {
    CaseFactsFromHistory.MET_BY.forEach((deadline, marker) -> MEETS.put(marker, deadline));
  }

  /** A value the writer reads from the history the engine wrote: the instance's duration. */
  static final Object DURATION_FROM_HISTORY = new Object();

  /** A case or called process: started in this transaction, or the columns to update. */
  static final class Row {
    final String id;
    final String rootId;
    boolean started;
    boolean ended;
    String migratedTo;
    final Map<String, Object> columns = new LinkedHashMap<>();

    Row(String id, String rootId) {
      this.id = id;
      this.rootId = rootId;
    }
  }

  /** A deadline touched: the instance, the deadline's name, the case. */
  record Deadline(String instanceId, String name, String rootId) {}

  final Map<String, Row> cases = new LinkedHashMap<>();
  final Map<String, Row> channels = new LinkedHashMap<>();
  final Set<Deadline> deadlines = new LinkedHashSet<>();

  /** Deadlines whose date variable was written here. */
  final Set<Deadline> dated = new HashSet<>();

  /** Deadlines whose basis was written here. */
  final Set<Deadline> based = new HashSet<>();

  /** Deadlines whose date or basis was removed here: read again from nothing. */
  final Set<Deadline> removed = new LinkedHashSet<>();

  boolean isEmpty() {
    return cases.isEmpty() && channels.isEmpty() && deadlines.isEmpty();
  }

  void instanceStarted(String id, String rootId, String processKey, String caseNo, Date start) {
    Row row = row(id, rootId);
    row.started = true;
    row.columns.put("process_key", processKey);
    row.columns.put("case_no", caseNo);
    row.columns.put("start_time", timestamp(start));
    if (id.equals(rootId)) {
      row.columns.put("start_day", day(start));
    }
  }

  void instanceEnded(String id, String rootId, Date end, Long duration) {
    Row row = row(id, rootId);
    row.ended = true;
    row.columns.put("end_time", timestamp(end));
    // the end event carries no start, so the engine computes the duration when it writes the
    // history
    row.columns.put("duration", duration != null ? duration : DURATION_FROM_HISTORY);
    if (id.equals(rootId)) {
      row.columns.put("end_day", day(end));
    }
  }

  void caseNumberChanged(String id, String rootId, String caseNo) {
    row(id, rootId).columns.put("case_no", caseNo);
  }

  void instanceMigrated(String id, String rootId, String processKey) {
    Row row = row(id, rootId);
    row.columns.put("process_key", processKey);
    if (id.equals(rootId)) {
      row.migratedTo = processKey;
    }
  }

  /**
   * A variable created, updated or deleted: a dimension when it is the case's own, a deadline (its
   * date, its basis, its marker) in any instance of the case.
   */
  void variableChanged(
      String instanceId,
      String executionId,
      String rootId,
      String name,
      String type,
      String text,
      Long number,
      boolean deleted) {
    if (instanceId.equals(rootId) && instanceId.equals(executionId)) {
      String column = TEXT_COLUMNS.get(name);
      if (column != null) {
        Row row = row(rootId, rootId);
        row.columns.put(column, deleted ? null : text);
        if (PRESENCE.contains(name)) {
          row.columns.put("has_" + column, !deleted);
        }
      }
      column = NUMBER_COLUMNS.get(name);
      if (column != null) {
        Row row = row(rootId, rootId);
        row.columns.put(column, deleted ? null : number);
        if (name.equals("firstResponseDue")) {
          row.columns.put("has_first_response_due", !deleted);
        }
      }
    }
    if ("date".equals(type)) {
      Deadline deadline = new Deadline(instanceId, name, rootId);
      deadline(deadline, deleted);
      dated.add(deadline);
    }
    String suffix = CaseFactsFromHistory.BASIS_SUFFIX;
    if (name.endsWith(suffix) && name.length() > suffix.length()) {
      Deadline deadline =
          new Deadline(instanceId, name.substring(0, name.length() - suffix.length()), rootId);
      deadline(deadline, deleted);
      based.add(deadline);
    }
    String met = MEETS.get(name);
    if (met != null) {
      deadlines.add(new Deadline(instanceId, met, rootId));
    }
  }

  private void deadline(Deadline deadline, boolean deleted) {
    deadlines.add(deadline);
    if (deleted) {
      removed.add(deadline);
    }
  }

  /** Instances that started in this transaction (their deadlines are new rows). */
  boolean startedHere(String instanceId) {
    Row row = instanceRow(instanceId);
    return row != null && row.started;
  }

  /** Instances that ended in this transaction, or whose case did (their deadlines are gone). */
  boolean endedHere(String instanceId, String rootId) {
    Row row = instanceRow(instanceId);
    Row root = cases.get(rootId);
    return (row != null && row.ended) || (root != null && root.ended);
  }

  private Row instanceRow(String instanceId) {
    Row row = cases.get(instanceId);
    return row != null ? row : channels.get(instanceId);
  }

  private Row row(String id, String rootId) {
    return (id.equals(rootId) ? cases : channels).computeIfAbsent(id, k -> new Row(id, rootId));
  }

  static List<String> columns(Row row) {
    return List.copyOf(row.columns.keySet());
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static java.sql.Date day(Date date) {
    return date == null
        ? null
        : java.sql.Date.valueOf(LocalDate.ofInstant(date.toInstant(), EngineClock.CHINA));
  }
}
