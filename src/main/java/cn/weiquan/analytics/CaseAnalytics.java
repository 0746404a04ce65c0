package cn.weiquan.analytics;

import cn.weiquan.analytics.Summary.Compliance;
import cn.weiquan.analytics.Summary.DeadlineItem;
import cn.weiquan.analytics.Summary.Duration;
import cn.weiquan.analytics.Summary.Group;
import cn.weiquan.analytics.Summary.Grouping;
import cn.weiquan.analytics.Summary.Outcome;
import cn.weiquan.analytics.Summary.SlaRow;
import cn.weiquan.analytics.Summary.Week;
import cn.weiquan.platform.EngineClock;
import cn.weiquan.platform.ProcessKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, computed in the database over the case facts that the engine's own
 * transactions keep (wq_case, wq_case_channel, wq_case_deadline; see {@link CaseFactsPlugin}) and
 * the engine's open tasks (ACT_RU_TASK): a handful of grouped queries per summary over indexed
 * tables, never an instance loaded into Java. A case is the root instance of its process (the
 * spine); the processes it called (channels, approvals) carry its root id. Its dimensions are the
 * current values of its own variables, dates as the engine stores them (epoch milliseconds). SQL
 * that H2 and PostgreSQL both run.
 */
@Component
public class CaseAnalytics {
  /** How far ahead "due soon" looks. */
  static final java.time.Duration DUE_SOON = java.time.Duration.ofDays(7);

  /** At most this many items per deadline list (the totals count all). */
  static final int MAX_ITEMS = 200;

  /** Dimensions read from the case's variables, one query for all (with the totals). */
  private static final List<String> DIMENSIONS =
      List.of("stage", "category", "severity", "department");

  /** The cases asked for: root instances (spines) of the process, started in the range. */
  private static final String WHERE_CASES =
      " WHERE p.process_key = :process AND p.start_time >= :from AND p.start_time < :until";

  private static final String CASES = " FROM wq_case p" + WHERE_CASES;
  private static final String RUNNING = "CASE WHEN p.end_time IS NULL THEN 1 ELSE 0 END";

  /** The processes the cases asked for called, selected by their case's process and start. */
  private static final String CHANNELS =
      " FROM wq_case_channel c WHERE c.root_process_key = :process"
          + " AND c.root_start_time >= :from AND c.root_start_time < :until";

  private static final String CHANNEL_RUNNING = "CASE WHEN c.end_time IS NULL THEN 1 ELSE 0 END";

  private final NamedParameterJdbcTemplate jdbc;
  private final int minGroupSize;

  public CaseAnalytics(
      DataSource dataSource, @Value("${weiquan.analytics.min-group-size:1}") int minGroupSize) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.minGroupSize = Math.max(1, minGroupSize);
  }

  /** The configured floor: a request may raise it, never lower it. */
  public int minGroupSize() {
    return minGroupSize;
  }

  public Summary summary(
      String process, LocalDate from, LocalDate to, Integer requestedMinGroupSize) {
    int min = Math.max(minGroupSize, requestedMinGroupSize == null ? 1 : requestedMinGroupSize);
    Instant now = EngineClock.now().toInstant();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("process", process)
            .addValue("from", timestamp(from.atStartOfDay(EngineClock.CHINA).toInstant()))
            .addValue(
                "until", timestamp(to.plusDays(1).atStartOfDay(EngineClock.CHINA).toInstant()))
            .addValue("now", timestamp(now))
            .addValue("nowMillis", now.toEpochMilli())
            .addValue("soon", timestamp(now.plus(DUE_SOON)))
            .addValue("soonMillis", now.plus(DUE_SOON).toEpochMilli());

    long[] totals = new long[2];
    Map<String, Map<String, long[]>> dimensions = dimensions(params, totals);
    Grouping byStage = grouping(dimensions.get("stage"), Labels::plain, min);
    Grouping byCategory = grouping(dimensions.get("category"), Labels::category, min);
    Grouping byLevel = grouping(dimensions.get("severity"), Labels::plain, min);
    Grouping byDepartment = grouping(dimensions.get("department"), Labels::department, min);

    // counts and durations of the called processes in one pass: running ones have no duration,
    // which the percentiles ignore
    Map<String, long[]> channels = new TreeMap<>();
    List<Duration> channelDurations = new ArrayList<>();
    jdbc.query(
        "SELECT c.process_key AS k, "
            + CHANNEL_RUNNING
            + " AS running, COUNT(*) AS n,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.duration) AS median,"
            + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY c.duration) AS p90"
            + CHANNELS
            + " GROUP BY c.process_key, "
            + CHANNEL_RUNNING,
        params,
        (ResultSet rs) -> {
          boolean running = rs.getInt("running") == 1;
          channels.computeIfAbsent(rs.getString("k"), k -> new long[2])[running ? 0 : 1] +=
              rs.getLong("n");
          if (!running) {
            channelDurations.add(duration(rs, Labels.process(rs.getString("k"))));
          }
        });
    Grouping byChannel = grouping(channels, Labels::process, min);

    List<Duration> pathDurations =
        jdbc.query(
            "SELECT p.outcome AS k, COUNT(*) AS n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY p.duration) AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY p.duration) AS p90"
                + CASES
                + " AND p.end_time IS NOT NULL GROUP BY p.outcome",
            params,
            (rs, i) -> duration(rs, Labels.outcome(rs.getString("k"), process)));
    long ended = totals[1];
    List<Outcome> outcomes = new ArrayList<>();
    int outcomesSuppressed = 0;
    for (Duration path : pathDurations) {
      if (path.cases() < min) {
        outcomesSuppressed++;
        continue;
      }
      outcomes.add(
          new Outcome(
              path.key(),
              path.label(),
              Labels.outcomeGroup(path.key(), process),
              path.cases(),
              ended == 0
                  ? BigDecimal.ZERO
                  : BigDecimal.valueOf(path.cases())
                      .divide(BigDecimal.valueOf(ended), 3, RoundingMode.HALF_UP)));
    }
    outcomes.sort(
        Comparator.comparingLong(Outcome::cases)
            .reversed()
            .thenComparing(o -> String.valueOf(o.key())));

    List<Duration> keptChannels = kept(channelDurations, min);
    List<Duration> keptPaths = kept(pathDurations, min);
    int durationsSuppressed =
        channelDurations.size() - keptChannels.size() + pathDurations.size() - keptPaths.size();

    List<DeadlineItem> deadlineItems = deadlines(params);
    List<DeadlineItem> overdue =
        deadlineItems.stream().filter(d -> d.due().toInstant().isBefore(now)).toList();
    List<DeadlineItem> soon =
        deadlineItems.stream().filter(d -> !d.due().toInstant().isBefore(now)).toList();

    return new Summary(
        process,
        from,
        to,
        OffsetDateTime.ofInstant(now, EngineClock.CHINA),
        min,
        new Summary.Totals(totals[0], totals[1]),
        byStage,
        byChannel,
        byCategory,
        byLevel,
        byDepartment,
        new Summary.Deadlines(first(soon), soon.size(), first(overdue), overdue.size()),
        new Summary.Durations(keptChannels, keptPaths, durationsSuppressed),
        new Summary.Outcomes(ended, outcomes, outcomesSuppressed),
        ProcessKeys.ENTERPRISE_COMPLAINT.equals(process)
            ? sla(params, min)
            : new Summary.Sla(List.of(), 0),
        weeks(params, from, to));
  }

  /**
   * The totals and the four dimensions in one grouped query: each dimension counts the cases that
   * have the variable (its value may be null: "not recorded").
   */
  private Map<String, Map<String, long[]>> dimensions(MapSqlParameterSource params, long[] totals) {
    Map<String, Map<String, long[]>> result = new HashMap<>();
    DIMENSIONS.forEach(
        d -> result.put(d, new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()))));
    String columns =
        String.join(", ", DIMENSIONS.stream().map(d -> "p.has_" + d + ", p." + d).toList());
    jdbc.query(
        "SELECT "
            + columns
            + ", "
            + RUNNING
            + " AS running, COUNT(*) AS n"
            + CASES
            + " GROUP BY "
            + columns
            + ", "
            + RUNNING,
        params,
        (ResultSet rs) -> {
          int column = rs.getInt("running") == 1 ? 0 : 1;
          long n = rs.getLong("n");
          totals[column] += n;
          for (String d : DIMENSIONS) {
            if (rs.getBoolean("has_" + d)) {
              result.get(d).computeIfAbsent(rs.getString(d), k -> new long[2])[column] += n;
            }
          }
        });
    return result;
  }

  /**
   * Statutory waits (a date variable stored with its …Basis, not yet met) and open tasks' due
   * dates, up to a week ahead, of the running cases.
   */
  private List<DeadlineItem> deadlines(MapSqlParameterSource params) {
    Map<String, DeadlineItem> items = new LinkedHashMap<>();
    jdbc.query(
        "SELECT CASE WHEN d.instance_id = p.root_id THEN p.case_no ELSE c.case_no END AS case_no,"
            + " d.instance_id AS instance,"
            + " CASE WHEN d.instance_id = p.root_id THEN p.process_key ELSE c.process_key END AS process,"
            + " d.name AS name, d.due AS due, d.basis AS basis"
            + " FROM wq_case_deadline d JOIN wq_case p ON p.root_id = d.root_id"
            + " LEFT JOIN wq_case_channel c ON c.instance_id = d.instance_id"
            + WHERE_CASES
            + " AND p.end_time IS NULL AND d.due < :soonMillis AND d.basis IS NOT NULL AND d.met = FALSE"
            + " AND (d.instance_id = p.root_id OR c.end_time IS NULL)",
        params,
        (ResultSet rs) -> {
          OffsetDateTime due =
              OffsetDateTime.ofInstant(Instant.ofEpochMilli(rs.getLong("due")), EngineClock.CHINA);
          String caseNo = rs.getString("case_no");
          String processKey = rs.getString("process");
          String name = rs.getString("name");
          items.put(
              caseNo + "|" + due.toInstant(),
              new DeadlineItem(
                  caseNo,
                  rs.getString("instance"),
                  processKey,
                  Labels.process(processKey),
                  name,
                  Labels.deadline(name),
                  "deadline",
                  due,
                  rs.getString("basis")));
        });
    jdbc.query(
        "SELECT CASE WHEN t.PROC_INST_ID_ = p.root_id THEN p.case_no ELSE c.case_no END AS case_no,"
            + " t.PROC_INST_ID_ AS instance,"
            + " CASE WHEN t.PROC_INST_ID_ = p.root_id THEN p.process_key ELSE c.process_key END AS process,"
            + " t.TASK_DEF_KEY_ AS name, t.NAME_ AS label, t.DUE_DATE_ AS due"
            + " FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
            + " JOIN wq_case p ON p.root_id = e.ROOT_PROC_INST_ID_"
            + " LEFT JOIN wq_case_channel c ON c.instance_id = t.PROC_INST_ID_"
            + WHERE_CASES
            + " AND p.end_time IS NULL AND t.DUE_DATE_ < :soon",
        params,
        (ResultSet rs) -> {
          OffsetDateTime due =
              OffsetDateTime.ofInstant(rs.getTimestamp("due").toInstant(), EngineClock.CHINA);
          String caseNo = rs.getString("case_no");
          String processKey = rs.getString("process");
          // a task whose due date is a stored deadline is that deadline, listed once
          items.putIfAbsent(
              caseNo + "|" + due.toInstant(),
              new DeadlineItem(
                  caseNo,
                  rs.getString("instance"),
                  processKey,
                  Labels.process(processKey),
                  rs.getString("name"),
                  rs.getString("label"),
                  "task",
                  due,
                  null));
        });
    List<DeadlineItem> sorted = new ArrayList<>(items.values());
    sorted.sort(Comparator.comparing(DeadlineItem::due).thenComparing(DeadlineItem::caseNo));
    return sorted;
  }

  /**
   * The complaint desk's two clocks per level and department: on time, breached (late, or open past
   * due), open.
   */
  private Summary.Sla sla(MapSqlParameterSource params, int min) {
    List<SlaRow> rows = new ArrayList<>();
    int[] suppressed = {0};
    jdbc.query(
        "SELECT p.severity AS level, p.department AS department, COUNT(*) AS n,"
            + clock("p.first_responded_at", "p.first_response_due", "fr")
            + ", "
            + clock("p.responded_at", "p.resolution_due", "rs")
            + CASES
            + " AND p.has_first_response_due = TRUE GROUP BY p.severity, p.department"
            + " ORDER BY p.severity, p.department",
        params,
        (ResultSet rs) -> {
          long cases = rs.getLong("n");
          if (cases < min) {
            suppressed[0]++;
            return;
          }
          Compliance first =
              new Compliance(
                  rs.getLong("fr_on"),
                  rs.getLong("fr_late"),
                  cases - rs.getLong("fr_on") - rs.getLong("fr_late"));
          Compliance resolution =
              new Compliance(
                  rs.getLong("rs_on"),
                  rs.getLong("rs_late"),
                  cases - rs.getLong("rs_on") - rs.getLong("rs_late"));
          long decided =
              first.onTime() + first.breached() + resolution.onTime() + resolution.breached();
          rows.add(
              new SlaRow(
                  Labels.plain(rs.getString("level")),
                  rs.getString("department"),
                  Labels.department(rs.getString("department")),
                  cases,
                  first,
                  resolution,
                  decided == 0
                      ? null
                      : BigDecimal.valueOf(first.onTime() + resolution.onTime())
                          .divide(BigDecimal.valueOf(decided), 3, RoundingMode.HALF_UP)));
        });
    return new Summary.Sla(rows, suppressed[0]);
  }

  private static String clock(String done, String due, String name) {
    return "SUM(CASE WHEN "
        + done
        + " IS NOT NULL AND "
        + done
        + " <= "
        + due
        + " THEN 1 ELSE 0 END) AS "
        + name
        + "_on, SUM(CASE WHEN ("
        + done
        + " IS NOT NULL AND "
        + done
        + " > "
        + due
        + ") OR ("
        + done
        + " IS NULL AND "
        + due
        + " < :nowMillis) THEN 1 ELSE 0 END) AS "
        + name
        + "_late";
  }

  /**
   * Started and ended per ISO week: the database counts per Beijing day, Java folds the days into
   * weeks.
   */
  private List<Week> weeks(MapSqlParameterSource params, LocalDate from, LocalDate to) {
    Map<LocalDate, long[]> weeks = new TreeMap<>();
    for (LocalDate monday = from.with(DayOfWeek.MONDAY);
        !monday.isAfter(to);
        monday = monday.plusWeeks(1)) {
      weeks.put(monday, new long[2]);
    }
    String started = "p.start_day";
    jdbc.query(
        "SELECT " + started + " AS d, COUNT(*) AS n" + CASES + " GROUP BY " + started,
        params,
        (ResultSet rs) -> {
          count(weeks, rs, 0);
        });
    String ended = "p.end_day";
    jdbc.query(
        "SELECT "
            + ended
            + " AS d, COUNT(*) AS n"
            + CASES
            + " AND p.end_time IS NOT NULL GROUP BY "
            + ended,
        params,
        (ResultSet rs) -> {
          count(weeks, rs, 1);
        });
    List<Week> result = new ArrayList<>();
    weeks.forEach(
        (monday, n) ->
            result.add(
                new Week(
                    monday.get(IsoFields.WEEK_BASED_YEAR)
                        + "-W"
                        + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    monday,
                    n[0],
                    n[1])));
    return result;
  }

  private static void count(Map<LocalDate, long[]> weeks, ResultSet rs, int column)
      throws SQLException {
    LocalDate day = rs.getDate("d").toLocalDate();
    long[] week = weeks.get(day.with(DayOfWeek.MONDAY));
    if (week != null) {
      week[column] += rs.getLong("n");
    }
  }

  private static Grouping grouping(
      Map<String, long[]> counts, Function<String, String> label, int min) {
    List<Group> groups = new ArrayList<>();
    int suppressed = 0;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] n = e.getValue();
      if (n[0] + n[1] < min) {
        suppressed++;
        continue;
      }
      groups.add(new Group(e.getKey(), label.apply(e.getKey()), n[0], n[1]));
    }
    groups.sort(
        Comparator.comparingLong((Group g) -> g.running() + g.ended())
            .reversed()
            .thenComparing(g -> String.valueOf(g.key())));
    return new Grouping(groups, suppressed);
  }

  private static Duration duration(ResultSet rs, String label) throws SQLException {
    return new Duration(
        rs.getString("k"),
        label,
        rs.getLong("n"),
        days(rs.getObject("median")),
        days(rs.getObject("p90")));
  }

  private static BigDecimal days(Object millis) {
    if (millis == null) {
      return null;
    }
    return new BigDecimal(millis.toString())
        .divide(BigDecimal.valueOf(86_400_000L), 1, RoundingMode.HALF_UP);
  }

  private static List<Duration> kept(List<Duration> durations, int min) {
    List<Duration> kept =
        new ArrayList<>(durations.stream().filter(d -> d.cases() >= min).toList());
    kept.sort(
        Comparator.comparingLong(Duration::cases)
            .reversed()
            .thenComparing(d -> String.valueOf(d.key())));
    return kept;
  }

  private static List<DeadlineItem> first(List<DeadlineItem> items) {
    return items.size() <= MAX_ITEMS ? items : items.subList(0, MAX_ITEMS);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant);
  }
}
