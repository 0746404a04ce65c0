package cn.weiquan.analytics;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * For {@link AnalyticsBenchmark}: many cases fast, as copies of cases the engine ran (ended ones,
 * or running ones with their executions, tasks, variables, identity links and authorizations). The
 * template cases' rows are read once from every ACT_HI_* and ACT_RU_* table and from the case facts
 * (wq_case*, as the engine's transactions wrote them); each copy writes the same rows with every
 * UUID in a text column (other than the definition's, deployment's and people's ids) replaced by a
 * fresh one, the same replacement throughout the copy so the ids still point at each other, its
 * timestamps moved back by a random number of days, and a new business key and case number. Bulk
 * JDBC batches, one commit per 1,000 copies.
 */
final class CaseCopier {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Ids of things a copy shares with its template: the definitions, the deployment, the people. */
  private static final Set<String> SHARED =
      Set.of(
          "PROC_DEF_ID_",
          "CASE_DEF_ID_",
          "DEPLOYMENT_ID_",
          "TENANT_ID_",
          "USER_ID_",
          "GROUP_ID_",
          "START_USER_ID_",
          "DECISION_DEF_ID_",
          "DECISION_REQ_DEF_ID_",
          "BATCH_ID_",
          "JOB_DEF_ID_");

  private static final Pattern CASE_NO = Pattern.compile("WQ-B-\\d{7}");

  /**
   * The dashboard's case facts, which the engine's transactions wrote for the template cases:
   * copied like the history they come from (by their case's root id).
   */
  private static final Set<String> FACT_TABLES =
      Set.of("WQ_CASE", "WQ_CASE_CHANNEL", "WQ_CASE_DEADLINE");

  private final DataSource dataSource;

  /**
   * Per table: its column names and types, and the template rows with the root instance of their
   * case.
   */
  private final Map<String, Table> tables = new LinkedHashMap<>();

  record Table(
      String name,
      List<String> columns,
      List<Integer> types,
      List<Object[]> rows,
      List<String> roots) {}

  /**
   * Reads the rows of the template cases: in every ACT_HI_* and ACT_RU_* table, those of the cases'
   * root instances (ROOT_PROC_INST_ID_), else of their instances (PROC_INST_ID_), else of their
   * tasks (TASK_ID_: identity links); authorizations also by the instance or task they are about
   * (RESOURCE_ID_).
   */
  CaseCopier(DataSource dataSource, List<String> templateRoots) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection()) {
      Map<String, String> instanceRoot =
          pairs(
              connection,
              "SELECT ID_, ROOT_PROC_INST_ID_ FROM ACT_HI_PROCINST",
              "ROOT_PROC_INST_ID_",
              templateRoots);
      Map<String, String> taskRoot =
          pairs(
              connection,
              "SELECT ID_, ROOT_PROC_INST_ID_ FROM ACT_HI_TASKINST",
              "ROOT_PROC_INST_ID_",
              templateRoots);
      Map<String, String> any = new HashMap<>(instanceRoot);
      any.putAll(taskRoot);
      for (Map.Entry<String, Set<String>> table : caseTables(connection).entrySet()) {
        Set<String> columns = table.getValue();
        String name = table.getKey();
        if (FACT_TABLES.contains(name)) {
          tables.put(name, read(connection, name, "ROOT_ID", templateRoots, null, null));
        } else if (name.equals("ACT_RU_AUTHORIZATION")) {
          tables.put(
              name,
              read(connection, name, "ROOT_PROC_INST_ID_", templateRoots, "RESOURCE_ID_", any));
        } else if (columns.contains("ROOT_PROC_INST_ID_")) {
          tables.put(name, read(connection, name, "ROOT_PROC_INST_ID_", templateRoots, null, null));
        } else if (columns.contains("PROC_INST_ID_")) {
          tables.put(name, read(connection, name, null, List.of(), "PROC_INST_ID_", instanceRoot));
        } else if (columns.contains("TASK_ID_")) {
          tables.put(name, read(connection, name, null, List.of(), "TASK_ID_", taskRoot));
        }
      }
    }
  }

  private static Map<String, String> pairs(
      Connection connection, String select, String column, List<String> roots) throws SQLException {
    Map<String, String> result = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(select + " WHERE " + column + " IN (" + marks(roots) + ")")) {
      for (int i = 0; i < roots.size(); i++) {
        statement.setString(i + 1, roots.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return result;
  }

  private static String marks(List<?> values) {
    return values.isEmpty() ? "NULL" : String.join(",", values.stream().map(v -> "?").toList());
  }

  /** The engine's tables that can hold a case's rows, with their columns. */
  private static Map<String, Set<String>> caseTables(Connection connection) throws SQLException {
    Map<String, Set<String>> tables = new LinkedHashMap<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet columns = meta.getColumns(null, null, "%", "%")) {
      while (columns.next()) {
        String table = columns.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
        String schema = String.valueOf(columns.getString("TABLE_SCHEM")).toUpperCase(Locale.ROOT);
        if ((table.startsWith("ACT_HI_")
                || table.startsWith("ACT_RU_")
                || FACT_TABLES.contains(table))
            && !schema.equals("INFORMATION_SCHEMA")) {
          tables
              .computeIfAbsent(table, t -> new java.util.HashSet<>())
              .add(columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
        }
      }
    }
    return tables;
  }

  /**
   * Rows whose {@code rootColumn} is a template root, or whose {@code idColumn} is a key of {@code
   * idRoot}.
   */
  private static Table read(
      Connection connection,
      String table,
      String rootColumn,
      List<String> roots,
      String idColumn,
      Map<String, String> idRoot)
      throws SQLException {
    List<String> where = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (rootColumn != null) {
      where.add(rootColumn + " IN (" + marks(roots) + ")");
      values.addAll(roots);
    }
    List<String> ids = idRoot == null ? List.of() : new ArrayList<>(idRoot.keySet());
    if (idColumn != null) {
      where.add(idColumn + " IN (" + marks(ids) + ")");
      values.addAll(ids);
    }
    List<String> columns = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    List<String> rowRoots = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT * FROM " + table + " WHERE " + String.join(" OR ", where))) {
      for (int i = 0; i < values.size(); i++) {
        select.setString(i + 1, values.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          columns.add(meta.getColumnName(c).toUpperCase(Locale.ROOT));
          types.add(meta.getColumnType(c));
        }
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = rs.getObject(c + 1);
          }
          String root = rootColumn == null ? null : (String) row[columns.indexOf(rootColumn)];
          if (root == null && idColumn != null) {
            root = idRoot.get((String) row[columns.indexOf(idColumn)]);
          }
          if (root != null) {
            rows.add(row);
            rowRoots.add(root);
          }
        }
      }
    }
    if (columns.contains("PARENT_ID_")) {
      // parents before children (PARENT_ID_ is a foreign key)
      int parent = columns.indexOf("PARENT_ID_");
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        order.add(i);
      }
      order.sort(java.util.Comparator.comparing(i -> rows.get(i)[parent] == null ? 0 : 1));
      List<Object[]> sortedRows = order.stream().map(rows::get).toList();
      List<String> sortedRoots = order.stream().map(rowRoots::get).toList();
      return new Table(
          table, columns, types, new ArrayList<>(sortedRows), new ArrayList<>(sortedRoots));
    }
    return new Table(table, columns, types, rows, rowRoots);
  }

  /** How many rows per case the copies write, per table (for the report). */
  String rowsPerCase() {
    long cases = tables.values().stream().flatMap(t -> t.roots().stream()).distinct().count();
    StringBuilder out = new StringBuilder();
    tables.values().stream()
        .filter(t -> !t.rows().isEmpty())
        .forEach(
            t ->
                out.append(out.isEmpty() ? "" : ", ")
                    .append(t.name())
                    .append(' ')
                    .append(
                        String.format(
                            Locale.ROOT, "%.1f", (double) t.rows().size() / Math.max(cases, 1))));
    return out.toString();
  }

  /** {@code count} copies, numbered from {@code firstCaseNo}; the templates are taken in turn. */
  void copy(int count, int firstCaseNo, Random random, int maxShiftDays) throws SQLException {
    if (count <= 0) {
      return;
    }
    // template rows grouped by their case
    Map<String, Map<String, List<Object[]>>> byCase = new LinkedHashMap<>();
    tables
        .values()
        .forEach(
            table -> {
              for (int r = 0; r < table.rows().size(); r++) {
                byCase
                    .computeIfAbsent(table.roots().get(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(table.name(), k -> new ArrayList<>())
                    .add(table.rows().get(r));
              }
            });
    List<Map<String, List<Object[]>>> cases = new ArrayList<>(byCase.values());
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      // foreign keys: executions before what points at them (tasks, variables, links), tasks before
      // their links
      List<Table> ordered = new ArrayList<>(tables.values());
      ordered.sort(
          java.util.Comparator.comparingInt(
              t ->
                  switch (t.name()) {
                    case "ACT_RU_EXECUTION" -> 0;
                    case "ACT_RU_TASK" -> 1;
                    default -> t.name().startsWith("ACT_RU_") ? 2 : 3;
                  }));
      Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
      for (Table table : ordered) {
        inserts.put(
            table.name(),
            connection.prepareStatement(
                "INSERT INTO "
                    + table.name()
                    + " ("
                    + String.join(",", table.columns())
                    + ") VALUES ("
                    + String.join(",", table.columns().stream().map(c -> "?").toList())
                    + ")"));
      }
      try {
        for (int n = 0; n < count; n++) {
          Map<String, List<Object[]>> template = cases.get(n % cases.size());
          Map<String, String> ids = new HashMap<>();
          long shift = (long) random.nextInt(maxShiftDays + 1) * 86_400_000L;
          String caseNo = String.format("WQ-B-%07d", firstCaseNo + n);
          for (Map.Entry<String, List<Object[]>> entry : template.entrySet()) {
            Table table = tables.get(entry.getKey());
            PreparedStatement insert = inserts.get(table.name());
            for (Object[] row : entry.getValue()) {
              for (int c = 0; c < row.length; c++) {
                insert.setObject(
                    c + 1,
                    value(table.columns().get(c), table.types().get(c), row[c], ids, shift, caseNo),
                    table.types().get(c));
              }
              insert.addBatch();
            }
          }
          if ((n + 1) % 1_000 == 0 || n == count - 1) {
            for (PreparedStatement insert : inserts.values()) {
              insert.executeBatch();
            }
            connection.commit();
          }
          if ((n + 1) % 20_000 == 0) {
            System.out.printf("  %,d of %,d copied ended cases%n", n + 1, count);
          }
        }
      } finally {
        for (PreparedStatement insert : inserts.values()) {
          insert.close();
        }
        connection.setAutoCommit(autoCommit);
      }
      if (connection
          .getMetaData()
          .getDatabaseProductName()
          .toLowerCase(Locale.ROOT)
          .contains("postgres")) {
        // what autovacuum would do after a bulk load: the planner's statistics (without them it
        // plans for empty tables)
        try (java.sql.Statement analyze = connection.createStatement()) {
          analyze.execute("ANALYZE");
        }
      }
    }
  }

  private static Object value(
      String column, int type, Object value, Map<String, String> ids, long shift, String caseNo) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return new Timestamp(t.getTime() - shift);
    }
    if (value instanceof java.time.LocalDateTime t) {
      return t.minus(java.time.Duration.ofMillis(shift));
    }
    if (value instanceof java.sql.Date d) { // the facts' Beijing days; shifts are whole days
      return java.sql.Date.valueOf(d.toLocalDate().minusDays(shift / 86_400_000L));
    }
    if (value instanceof java.time.LocalDate d) {
      return d.minusDays(shift / 86_400_000L);
    }
    if (column.equals("BUSINESS_KEY_") || column.equals("CASE_NO")) {
      return caseNo;
    }
    if (value instanceof String text) {
      if (!SHARED.contains(column)) {
        Matcher m = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(
              out, ids.computeIfAbsent(m.group(), k -> UUID.randomUUID().toString()));
        }
        m.appendTail(out);
        return out.toString();
      }
      if (CASE_NO.matcher(text).matches()) {
        return caseNo;
      }
    }
    return value;
  }
}
