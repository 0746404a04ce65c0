package cn.weiquan.analytics;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Schema version 32: the case facts of migration 31 filled from the engine's history, once, so that
 * a database that had cases before the facts existed shows them on the dashboard. A fresh database
 * has no engine tables yet at this point (migrations run before the engine starts): nothing to do.
 * From then on the engine's transactions keep the facts ({@link CaseFactsPlugin}).
 */
@Component
public class CaseFactsBackfill implements JavaMigration {
  private static final Logger LOG = LoggerFactory.getLogger(CaseFactsBackfill.class);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("32");
  }

  @Override
  public String getDescription() {
    return "case facts from history";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!hasTable(connection, "ACT_HI_PROCINST")) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      int cases = statement.executeUpdate(CaseFactsFromHistory.insertCases(""));
      int channels = statement.executeUpdate(CaseFactsFromHistory.insertChannels(""));
      int deadlines = statement.executeUpdate(CaseFactsFromHistory.insertDeadlines(""));
      LOG.info(
          "case facts from history: {} cases, {} called processes, {} deadlines in force",
          cases,
          channels,
          deadlines);
    }
  }

  static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
