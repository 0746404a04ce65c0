package cn.weiquan.analytics;

import cn.weiquan.platform.ProductMigration;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
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
public class CaseFactsBackfill extends ProductMigration {
  private static final Logger LOG = LoggerFactory.getLogger(CaseFactsBackfill.class);

  public CaseFactsBackfill() {
    super("32", "case facts from history");
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
}
