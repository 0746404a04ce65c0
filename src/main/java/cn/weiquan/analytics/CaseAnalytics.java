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
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

  /** A PostgreSQL memory size for work_mem: digits and a unit. */
  private static final Pattern WORK_MEM = Pattern.compile("\\d+(kB|MB|GB)");

  private final NamedParameterJdbcTemplate jdbc;
  private final int minGroupSize;
  private final ExecutorService queries;
  private final TransactionTemplate readOnly;
  private final String postgresWorkMem;

  /**
   * {@code queryThreads}: how many of a summary's queries run at once, each on its own connection
   * (the bound for all dashboards together: a summary waits for a free thread rather than taking
   * more of the pool the engine needs). {@code postgresWorkMem}: on PostgreSQL, the work_mem of the
   * summary's read-only transactions, so that its grouping and percentiles sort in memory (the
   * server's 4MB default sends 100,000 cases to disk); ignored on H2.
   */
  public CaseAnalytics(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      @Value("${weiquan.analytics.min-group-size:1}") int minGroupSize,
      @Value("${weiquan.analytics.query-threads:3}") int queryThreads,
      @Value("${weiquan.analytics.postgres-work-mem:64MB}") String postgresWorkMem) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.minGroupSize = Math.max(1, minGroupSize);
    AtomicInteger threads = new AtomicInteger();
    this.queries =
        Executors.newFixedThreadPool(
            Math.max(1, queryThreads),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "weiquan-analytics-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    boolean postgres = isPostgres(dataSource);
    if (postgres && !WORK_MEM.matcher(postgresWorkMem.strip()).matches()) {
      throw new IllegalArgumentException(
          "weiquan.analytics.postgres-work-mem must be a size such as 64MB, not '"
              + postgresWorkMem
              + "'");
    }
    this.postgresWorkMem = postgres ? postgresWorkMem.strip() : null;
  }

  @PreDestroy
  void stop() {
    queries.shutdownNow();
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName())
          == DatabaseDriver.POSTGRESQL;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database's product name", e);
    }
  }

  /** One query of a summary, on a thread of its own, in a read-only transaction. */
  private <T> CompletableFuture<T> query(Supplier<T> query) {
    return CompletableFuture.supplyAsync(
        () ->
            readOnly.execute(
                status -> {
                  if (postgresWorkMem != null) {
                    jdbc.getJdbcTemplate()
                        .execute("SET LOCAL work_mem = '" + postgresWorkMem + "'");
                  }
                  return query.get();
                }),
        queries);
  }

  /** The result of a query; its failure as it was thrown. */
  private static <T> T result(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
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

    boolean desk = ProcessKeys.ENTERPRISE_COMPLAINT.equals(process);
    // the summary's queries at once, each on its own connection; the figures are put together here
    CompletableFuture<Dimensions> dimensionsQuery = query(() -> dimensions(params));
    CompletableFuture<ChannelFigures> channelsQuery = query(() -> channels(params));
    CompletableFuture<List<Duration>> pathsQuery = query(() -> paths(params, process));
    CompletableFuture<List<DeadlineItem>> factDeadlinesQuery = query(() -> factDeadlines(params));
    CompletableFuture<List<DeadlineItem>> taskDeadlinesQuery = query(() -> taskDeadlines(params));
    CompletableFuture<Summary.Sla> slaQuery =
        desk
            ? query(() -> sla(params, min))
            : CompletableFuture.completedFuture(new Summary.Sla(List.of(), 0));
    CompletableFuture<Map<LocalDate, Long>> startedQuery = query(() -> days(params, false));
    CompletableFuture<Map<LocalDate, Long>> endedQuery = query(() -> days(params, true));

    Dimensions dimensions = result(dimensionsQuery);
    long[] totals = dimensions.totals();
    Grouping byStage = grouping(dimensions.groups().get("stage"), Labels::plain, min);
    Grouping byCategory = grouping(dimensions.groups().get("category"), Labels::category, min);
    Grouping byLevel = grouping(dimensions.groups().get("severity"), Labels::plain, min);
    Grouping byDepartment =
        grouping(dimensions.groups().get("department"), Labels::department, min);

    ChannelFigures channels = result(channelsQuery);
    List<Duration> channelDurations = channels.durations();
    Grouping byChannel = grouping(channels.counts(), Labels::process, min);

    List<Duration> pathDurations = result(pathsQuery);
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

    List<DeadlineItem> deadlineItems =
        deadlines(result(factDeadlinesQuery), result(taskDeadlinesQuery));
    List<DeadlineItem> overdue =
        deadlineItems.stream().filter(d -> d.due().toInstant().isBefore(now)).toList();
    List<DeadlineItem> soon =
        deadlineItems.stream().filter(d -> !d.due().toInstant().isBefore(now)).toList();
    Summary.Sla sla = result(slaQuery);
    List<Week> weeks = weeks(from, to, result(startedQuery), result(endedQuery));

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
        sla,
        weeks);
  }

  /** Running and ended cases ({@code totals}) and, per dimension, per value. */
  private record Dimensions(long[] totals, Map<String, Map<String, long[]>> groups) {}

  /** The called processes per key (running, ended) and the durations of the ended ones. */
  private record ChannelFigures(Map<String, long[]> counts, List<Duration> durations) {}

  /**
   * Counts and durations of the called processes in one pass: running ones have no duration, which
   * the percentiles ignore.
   */
  private ChannelFigures channels(MapSqlParameterSource params) {
    Map<String, long[]> channels = new TreeMap<>();
    List<Duration> durations = new ArrayList<>();
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
            durations.add(duration(rs, Labels.process(rs.getString("k"))));
          }
        });
    return new ChannelFigures(channels, durations);
  }

  /** The ended cases per outcome (path) with their durations. */
  private List<Duration> paths(MapSqlParameterSource params, String process) {
    return jdbc.query(
        "SELECT p.outcome AS k, COUNT(*) AS n,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY p.duration) AS median,"
            + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY p.duration) AS p90"
            + CASES
            + " AND p.end_time IS NOT NULL GROUP BY p.outcome",
        params,
        (rs, i) -> duration(rs, Labels.outcome(rs.getString("k"), process)));
  }

  /**
   * The totals and the four dimensions in one grouped query: each dimension counts the cases that
   * have the variable (its value may be null: "not recorded").
   */
  private Dimensions dimensions(MapSqlParameterSource params) {
    long[] totals = new long[2];
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
    return new Dimensions(totals, result);
  }

  /**
   * Statutory waits (a date variable stored with its …Basis, not yet met) and open tasks' due
   * dates, up to a week ahead, of the running cases, by due date: a task whose due date is a stored
   * deadline of its case is that deadline, listed once.
   */
  private static List<DeadlineItem> deadlines(List<DeadlineItem> facts, List<DeadlineItem> tasks) {
    Map<String, DeadlineItem> items = new LinkedHashMap<>();
    facts.forEach(item -> items.put(item.caseNo() + "|" + item.due().toInstant(), item));
    tasks.forEach(item -> items.putIfAbsent(item.caseNo() + "|" + item.due().toInstant(), item));
    List<DeadlineItem> sorted = new ArrayList<>(items.values());
    sorted.sort(Comparator.comparing(DeadlineItem::due).thenComparing(DeadlineItem::caseNo));
    return sorted;
  }

  /** The statutory waits of the running cases due within a week or overdue. */
  private List<DeadlineItem> factDeadlines(MapSqlParameterSource params) {
    List<DeadlineItem> items = new ArrayList<>();
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
          items.add(
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
    return items;
  }

  /** The open tasks of the running cases due within a week or overdue. */
  private List<DeadlineItem> taskDeadlines(MapSqlParameterSource params) {
    List<DeadlineItem> items = new ArrayList<>();
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
          items.add(
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
    return items;
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
   * Cases started (or, {@code ended}, ended) per Beijing day, counted by the database; {@link
   * #weeks} folds the days into weeks.
   */
  private Map<LocalDate, Long> days(MapSqlParameterSource params, boolean ended) {
    String day = ended ? "p.end_day" : "p.start_day";
    Map<LocalDate, Long> days = new HashMap<>();
    jdbc.query(
        "SELECT "
            + day
            + " AS d, COUNT(*) AS n"
            + CASES
            + (ended ? " AND p.end_time IS NOT NULL" : "")
            + " GROUP BY "
            + day,
        params,
        (ResultSet rs) -> {
          days.merge(rs.getDate("d").toLocalDate(), rs.getLong("n"), Long::sum);
        });
    return days;
  }

  /** Started and ended per ISO week of the range. */
  private static List<Week> weeks(
      LocalDate from, LocalDate to, Map<LocalDate, Long> started, Map<LocalDate, Long> ended) {
    Map<LocalDate, long[]> weeks = new TreeMap<>();
    for (LocalDate monday = from.with(DayOfWeek.MONDAY);
        !monday.isAfter(to);
        monday = monday.plusWeeks(1)) {
      weeks.put(monday, new long[2]);
    }
    count(weeks, started, 0);
    count(weeks, ended, 1);
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

  private static void count(Map<LocalDate, long[]> weeks, Map<LocalDate, Long> days, int column) {
    days.forEach(
        (day, n) -> {
          long[] week = weeks.get(day.with(DayOfWeek.MONDAY));
          if (week != null) {
            week[column] += n;
          }
        });
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
