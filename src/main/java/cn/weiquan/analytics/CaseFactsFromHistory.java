package cn.weiquan.analytics;

import cn.weiquan.platform.EngineClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The case facts (wq_case, wq_case_channel, wq_case_deadline) as the engine's history says they
 * are: the SQL that fills them once from an existing database ({@link CaseFactsBackfill}) and that
 * rebuilds a single row when {@link CaseFactWriter} finds it missing. The definitions are those the
 * dashboard used when it read the history directly: a case is a root instance (no super process),
 * its dimensions the current values (STATE_ CREATED) of variables at its own scope, a deadline a
 * date variable of a running instance stored with its …Basis, met once its marker exists. SQL that
 * H2 and PostgreSQL both run.
 */
final class CaseFactsFromHistory {
  /** The complaint desk's clocks: a deadline that the case met stays stored but no longer runs. */
  static final Map<String, String> MET_BY =
      Map.of(
          "firstResponseDue", "firstRespondedAt",
          "resolutionDue", "respondedAt",
          "visitDue", "satisfaction");

  static final String BASIS_SUFFIX = "Basis";

  private static final String MET_BY_SQL =
      "CASE d.NAME_ WHEN 'firstResponseDue' THEN 'firstRespondedAt' "
          + "WHEN 'resolutionDue' THEN 'respondedAt' WHEN 'visitDue' THEN 'satisfaction' ELSE NULL END";

  static final String CASE_COLUMNS =
      "root_id, process_key, case_no, start_time, end_time, duration, start_day, end_day,"
          + " stage, has_stage, category, has_category, severity, has_severity, department, has_department,"
          + " outcome, first_response_due, has_first_response_due, first_responded_at, resolution_due, responded_at";

  private CaseFactsFromHistory() {}

  /** Every case, or with {@code AND p.ID_ = ?} one. */
  static String insertCases(String condition) {
    return "INSERT INTO wq_case (" + CASE_COLUMNS + ") " + selectCases(condition);
  }

  /** The rows of {@link #insertCases}, in the order of {@link #CASE_COLUMNS}. */
  static String selectCases(String condition) {
    return "SELECT p.ID_, p.PROC_DEF_KEY_, p.BUSINESS_KEY_, p.START_TIME_, p.END_TIME_, p.DURATION_, "
        + beijingDay("p.START_TIME_")
        + ", "
        + beijingDay("p.END_TIME_")
        + ", "
        + text("stage")
        + ", "
        + exists("stage")
        + ", "
        + text("category")
        + ", "
        + exists("category")
        + ", "
        + text("severity")
        + ", "
        + exists("severity")
        + ", "
        + text("department")
        + ", "
        + exists("department")
        + ", "
        + text("caseOutcome")
        + ", "
        + number("firstResponseDue")
        + ", "
        + exists("firstResponseDue")
        + ", "
        + number("firstRespondedAt")
        + ", "
        + number("resolutionDue")
        + ", "
        + number("respondedAt")
        + " FROM ACT_HI_PROCINST p WHERE p.SUPER_PROCESS_INSTANCE_ID_ IS NULL"
        + condition;
  }

  /** Every called instance of a case, or with {@code AND c.ID_ = ?} one. */
  static String insertChannels(String condition) {
    return "INSERT INTO wq_case_channel (" + CHANNEL_COLUMNS + ") " + selectChannels(condition);
  }

  static final String CHANNEL_COLUMNS =
      "instance_id, root_id, process_key, case_no, start_time, end_time, duration, root_process_key,"
          + " root_start_time";

  /** The rows of {@link #insertChannels}, in the order of {@link #CHANNEL_COLUMNS}. */
  static String selectChannels(String condition) {
    return "SELECT c.ID_, p.ID_, c.PROC_DEF_KEY_, c.BUSINESS_KEY_, c.START_TIME_, c.END_TIME_, c.DURATION_,"
        + " p.PROC_DEF_KEY_, p.START_TIME_"
        + " FROM ACT_HI_PROCINST c JOIN ACT_HI_PROCINST p ON p.ID_ = c.ROOT_PROC_INST_ID_"
        + " WHERE c.ID_ <> p.ID_ AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL"
        + condition;
  }

  /**
   * The deadlines in force of every running instance, or with {@code AND d.PROC_INST_ID_ = ? AND
   * d.NAME_ = ?} one. A name stored at several scopes of an instance is one deadline (the latest).
   */
  static String insertDeadlines(String condition) {
    return "INSERT INTO wq_case_deadline (" + DEADLINE_COLUMNS + ") " + selectDeadlines(condition);
  }

  static final String DEADLINE_COLUMNS = "instance_id, name, root_id, due, basis, met";

  /** The rows of {@link #insertDeadlines}, in the order of {@link #DEADLINE_COLUMNS}. */
  static String selectDeadlines(String condition) {
    return "SELECT d.PROC_INST_ID_, d.NAME_, MAX(d.ROOT_PROC_INST_ID_), MAX(d.LONG_),"
        + " (SELECT MAX(b.TEXT_) FROM ACT_HI_VARINST b WHERE b.PROC_INST_ID_ = d.PROC_INST_ID_"
        + " AND b.NAME_ = d.NAME_ || '"
        + BASIS_SUFFIX
        + "' AND b.STATE_ = 'CREATED'),"
        + " CASE WHEN EXISTS (SELECT 1 FROM ACT_HI_VARINST m WHERE m.PROC_INST_ID_ = d.PROC_INST_ID_"
        + " AND m.NAME_ = "
        + MET_BY_SQL
        + " AND m.STATE_ = 'CREATED') THEN TRUE ELSE FALSE END"
        + " FROM ACT_HI_VARINST d JOIN ACT_HI_PROCINST c ON c.ID_ = d.PROC_INST_ID_ AND c.END_TIME_ IS NULL"
        + " WHERE d.VAR_TYPE_ = 'date' AND d.STATE_ = 'CREATED' AND d.ROOT_PROC_INST_ID_ IS NOT NULL"
        + " AND EXISTS (SELECT 1 FROM ACT_HI_VARINST b WHERE b.PROC_INST_ID_ = d.PROC_INST_ID_"
        + " AND b.NAME_ = d.NAME_ || '"
        + BASIS_SUFFIX
        + "' AND b.STATE_ = 'CREATED')"
        + condition
        + " GROUP BY d.PROC_INST_ID_, d.NAME_";
  }

  /**
   * One deadline's due date, basis and met marker read again from the history (parameters: the
   * instance, the deadline's name, its basis's name, its marker's name or null, then the instance
   * and the name of the row).
   */
  static final String UPDATE_DEADLINE =
      "UPDATE wq_case_deadline SET"
          + " due = (SELECT MAX(d.LONG_) FROM ACT_HI_VARINST d WHERE d.PROC_INST_ID_ = ?"
          + " AND "
          + byInstanceOnly("d.NAME_")
          + " = ? AND d.VAR_TYPE_ = 'date' AND d.STATE_ = 'CREATED'),"
          + " basis = (SELECT MAX(b.TEXT_) FROM ACT_HI_VARINST b WHERE b.PROC_INST_ID_ = ?"
          + " AND "
          + byInstanceOnly("b.NAME_")
          + " = ? AND b.STATE_ = 'CREATED'),"
          + " met = CASE WHEN EXISTS (SELECT 1 FROM ACT_HI_VARINST m WHERE m.PROC_INST_ID_ = ?"
          + " AND "
          + byInstanceOnly("m.NAME_")
          + " = ? AND m.STATE_ = 'CREATED') THEN TRUE ELSE FALSE END"
          + " WHERE instance_id = ? AND name = ?";

  /**
   * A variable's name compared as an expression, so that the database finds the variable through
   * its instance (a few rows) and never through an index on the name alone (a row per case): on
   * PostgreSQL a generic plan made on statistics from when the table was small chose
   * ACT_IDX_HI_PROCVAR_NAME_TYPE and read every case's evidenceDue for one deadline (25 ms at 3,000
   * cases, growing with every case; 0.2 ms by the instance).
   */
  static String byInstanceOnly(String nameColumn) {
    return "(" + nameColumn + " || '')";
  }

  private static String text(String variable) {
    return "(SELECT MAX(v.TEXT_)" + variableOfCase(variable) + ")";
  }

  private static String number(String variable) {
    return "(SELECT MAX(v.LONG_)" + variableOfCase(variable) + ")";
  }

  private static String exists(String variable) {
    return "CASE WHEN EXISTS (SELECT 1" + variableOfCase(variable) + ") THEN TRUE ELSE FALSE END";
  }

  private static String variableOfCase(String variable) {
    return " FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = p.ID_ AND v.EXECUTION_ID_ = p.ID_"
        + " AND v.NAME_ = '"
        + variable
        + "' AND v.STATE_ = 'CREATED'";
  }

  /**
   * The day in Beijing of a timestamp column: the engine writes timestamps in the JVM's zone, so
   * the column is shifted by the difference (a whole number of hours, standard SQL interval, the
   * same in H2 and PostgreSQL).
   */
  static String beijingDay(String column) {
    Instant probe = EngineClock.instant();
    long jvm = ZoneId.systemDefault().getRules().getOffset(probe).getTotalSeconds();
    long china = EngineClock.CHINA.getRules().getOffset(probe).getTotalSeconds();
    long minutes = (china - jvm) / 60;
    return minutes == 0
        ? "CAST(" + column + " AS DATE)"
        : "CAST(" + column + " + INTERVAL '" + minutes + "' MINUTE AS DATE)";
  }
}
