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
import java.time.ZoneId;
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
 * The dashboard's figures, computed in the database over the engine's history tables
 * (ACT_HI_PROCINST, ACT_HI_VARINST, ACT_HI_TASKINST): a handful of grouped queries per summary,
 * whatever the number of cases, never an instance loaded into Java. A case is the root instance of
 * its process (the spine); the processes it called (channels, approvals) carry its root id.
 * Variables are read at the process instance's own scope with their current value (STATE_ CREATED),
 * dates as the engine stores them (LONG_, epoch milliseconds). SQL that H2 and PostgreSQL both run.
 */
@Component
public class CaseAnalytics {
  /** How far ahead "due soon" looks. */
  static final java.time.Duration DUE_SOON = java.time.Duration.ofDays(7);

  /** At most this many items per deadline list (the totals count all). */
  static final int MAX_ITEMS = 200;

  /** Dimensions read from the spine's variables, one query for all. */
  private static final List<String> DIMENSIONS =
      List.of("stage", "category", "severity", "department");

  /**
   * A deadline that the case met: it stays stored but no longer runs (the complaint desk's clocks).
   */
  private static final String MET_BY =
      "CASE d.NAME_ WHEN 'firstResponseDue' THEN 'firstRespondedAt' "
          + "WHEN 'resolutionDue' THEN 'respondedAt' WHEN 'visitDue' THEN 'satisfaction' ELSE NULL END";

  /** The cases asked for: root instances (spines) of the process, started in the range. */
  private static final String WHERE_CASES =
      " WHERE p.PROC_DEF_KEY_ = :process"
          + " AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL AND p.START_TIME_ >= :from AND p.START_TIME_ < :until";

  private static final String CASES = " FROM ACT_HI_PROCINST p" + WHERE_CASES;
  private static final String RUNNING = "CASE WHEN p.END_TIME_ IS NULL THEN 1 ELSE 0 END";

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
    jdbc.query(
        "SELECT " + RUNNING + " AS running, COUNT(*) AS n" + CASES + " GROUP BY " + RUNNING,
        params,
        (ResultSet rs) -> {
          totals[rs.getInt("running") == 1 ? 0 : 1] += rs.getLong("n");
        });

    Map<String, Map<String, long[]>> dimensions = dimensions(params);
    Grouping byStage = grouping(dimensions.get("stage"), Labels::plain, min);
    Grouping byCategory = grouping(dimensions.get("category"), Labels::category, min);
    Grouping byLevel = grouping(dimensions.get("severity"), Labels::plain, min);
    Grouping byDepartment = grouping(dimensions.get("department"), Labels::department, min);

    Map<String, long[]> channels = new TreeMap<>();
    jdbc.query(
        "SELECT c.PROC_DEF_KEY_ AS k, CASE WHEN c.END_TIME_ IS NULL THEN 1 ELSE 0 END AS running, COUNT(*) AS n"
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_PROCINST c ON c.ROOT_PROC_INST_ID_ = p.ID_ AND c.ID_ <> p.ID_"
            + WHERE_CASES
            + " GROUP BY c.PROC_DEF_KEY_, CASE WHEN c.END_TIME_ IS NULL THEN 1 ELSE 0 END",
        params,
        (ResultSet rs) -> {
          channels
                  .computeIfAbsent(rs.getString("k"), k -> new long[2])[
                  rs.getInt("running") == 1 ? 0 : 1] +=
              rs.getLong("n");
        });
    Grouping byChannel = grouping(channels, Labels::process, min);

    List<Duration> channelDurations =
        jdbc.query(
            "SELECT c.PROC_DEF_KEY_ AS k, COUNT(*) AS n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.DURATION_) AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY c.DURATION_) AS p90"
                + " FROM ACT_HI_PROCINST p JOIN ACT_HI_PROCINST c ON c.ROOT_PROC_INST_ID_ = p.ID_ AND c.ID_ <> p.ID_"
                + WHERE_CASES
                + " AND c.END_TIME_ IS NOT NULL GROUP BY c.PROC_DEF_KEY_",
            params,
            (rs, i) -> duration(rs, Labels.process(rs.getString("k"))));
    List<Duration> pathDurations =
        jdbc.query(
            "SELECT v.TEXT_ AS k, COUNT(*) AS n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY p.DURATION_) AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY p.DURATION_) AS p90"
                + " FROM ACT_HI_PROCINST p LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_ AND v.EXECUTION_ID_ = p.ID_"
                + " AND v.NAME_ = 'caseOutcome' AND v.STATE_ = 'CREATED'"
                + WHERE_CASES
                + " AND p.END_TIME_ IS NOT NULL GROUP BY v.TEXT_",
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

  private Map<String, Map<String, long[]>> dimensions(MapSqlParameterSource params) {
    Map<String, Map<String, long[]>> result = new HashMap<>();
    DIMENSIONS.forEach(
        d -> result.put(d, new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()))));
    jdbc.query(
        "SELECT v.NAME_ AS name, v.TEXT_ AS k, "
            + RUNNING
            + " AS running, COUNT(*) AS n"
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = p.ID_ AND v.EXECUTION_ID_ = p.ID_"
            + " AND v.NAME_ IN (:dimensions) AND v.STATE_ = 'CREATED'"
            + WHERE_CASES
            + " GROUP BY v.NAME_, v.TEXT_, "
            + RUNNING,
        new MapSqlParameterSource(params.getValues()).addValue("dimensions", DIMENSIONS),
        (ResultSet rs) -> {
          result.get(rs.getString("name"))
                  .computeIfAbsent(rs.getString("k"), k -> new long[2])[
                  rs.getInt("running") == 1 ? 0 : 1] +=
              rs.getLong("n");
        });
    return result;
  }

  /**
   * Statutory waits (a date variable stored with its …Basis) and open tasks' due dates, up to a
   * week ahead.
   */
  private List<DeadlineItem> deadlines(MapSqlParameterSource params) {
    Map<String, DeadlineItem> items = new LinkedHashMap<>();
    jdbc.query(
        "SELECT c.BUSINESS_KEY_ AS case_no, c.ID_ AS instance, c.PROC_DEF_KEY_ AS process, d.NAME_ AS name,"
            + " d.LONG_ AS due, b.TEXT_ AS basis"
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_PROCINST c ON c.ROOT_PROC_INST_ID_ = p.ID_ AND c.END_TIME_ IS NULL"
            + " JOIN ACT_HI_VARINST d ON d.PROC_INST_ID_ = c.ID_ AND d.VAR_TYPE_ = 'date' AND d.STATE_ = 'CREATED'"
            + " AND d.LONG_ < :soonMillis"
            + " JOIN ACT_HI_VARINST b ON b.PROC_INST_ID_ = c.ID_ AND b.NAME_ = d.NAME_ || 'Basis' AND b.STATE_ = 'CREATED'"
            + " LEFT JOIN ACT_HI_VARINST m ON m.PROC_INST_ID_ = c.ID_ AND m.NAME_ = "
            + MET_BY
            + " AND m.STATE_ = 'CREATED'"
            + WHERE_CASES
            + " AND p.END_TIME_ IS NULL AND m.ID_ IS NULL",
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
        "SELECT c.BUSINESS_KEY_ AS case_no, c.ID_ AS instance, c.PROC_DEF_KEY_ AS process,"
            + " t.TASK_DEF_KEY_ AS name, t.NAME_ AS label, t.DUE_DATE_ AS due"
            + " FROM ACT_HI_PROCINST p JOIN ACT_HI_TASKINST t ON t.ROOT_PROC_INST_ID_ = p.ID_ AND t.END_TIME_ IS NULL"
            + " AND t.DUE_DATE_ < :soon JOIN ACT_HI_PROCINST c ON c.ID_ = t.PROC_INST_ID_"
            + WHERE_CASES
            + " AND p.END_TIME_ IS NULL",
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
        "SELECT sev.TEXT_ AS level, dep.TEXT_ AS department, COUNT(*) AS n,"
            + clock("fra", "frd", "fr")
            + ", "
            + clock("ra", "rd", "rs")
            + " FROM ACT_HI_PROCINST p"
            + join("sev", "severity")
            + join("dep", "department")
            + join("frd", "firstResponseDue")
            + join("fra", "firstRespondedAt")
            + join("rd", "resolutionDue")
            + join("ra", "respondedAt")
            + WHERE_CASES
            + " AND frd.ID_ IS NOT NULL GROUP BY sev.TEXT_, dep.TEXT_"
            + " ORDER BY sev.TEXT_, dep.TEXT_",
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

  private static String join(String alias, String variable) {
    return " LEFT JOIN ACT_HI_VARINST "
        + alias
        + " ON "
        + alias
        + ".PROC_INST_ID_ = p.ID_ AND "
        + alias
        + ".EXECUTION_ID_ = p.ID_ AND "
        + alias
        + ".NAME_ = '"
        + variable
        + "' AND "
        + alias
        + ".STATE_ = 'CREATED'";
  }

  private static String clock(String done, String due, String name) {
    return "SUM(CASE WHEN "
        + done
        + ".LONG_ IS NOT NULL AND "
        + done
        + ".LONG_ <= "
        + due
        + ".LONG_ THEN 1 ELSE 0 END) AS "
        + name
        + "_on, SUM(CASE WHEN ("
        + done
        + ".LONG_ IS NOT NULL AND "
        + done
        + ".LONG_ > "
        + due
        + ".LONG_) OR ("
        + done
        + ".LONG_ IS NULL AND "
        + due
        + ".LONG_ < :nowMillis) THEN 1 ELSE 0 END) AS "
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
    String started = beijingDay("p.START_TIME_");
    jdbc.query(
        "SELECT " + started + " AS d, COUNT(*) AS n" + CASES + " GROUP BY " + started,
        params,
        (ResultSet rs) -> {
          count(weeks, rs, 0);
        });
    String ended = beijingDay("p.END_TIME_");
    jdbc.query(
        "SELECT "
            + ended
            + " AS d, COUNT(*) AS n"
            + CASES
            + " AND p.END_TIME_ IS NOT NULL GROUP BY "
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

  /**
   * The day in Beijing of a timestamp column: the engine writes timestamps in the JVM's zone, so
   * the column is shifted by the difference (a whole number of hours, standard SQL interval, the
   * same in H2 and PostgreSQL).
   */
  private static String beijingDay(String column) {
    Instant probe = EngineClock.instant();
    long jvm = ZoneId.systemDefault().getRules().getOffset(probe).getTotalSeconds();
    long china = EngineClock.CHINA.getRules().getOffset(probe).getTotalSeconds();
    long minutes = (china - jvm) / 60;
    return minutes == 0
        ? "CAST(" + column + " AS DATE)"
        : "CAST(" + column + " + INTERVAL '" + minutes + "' MINUTE AS DATE)";
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
