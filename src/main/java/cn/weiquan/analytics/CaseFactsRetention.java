package cn.weiquan.analytics;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of a case go when its history goes (the retention of personal data, the engine's
 * history cleanup): the dashboard counts what the history still has, as it did when it read the
 * history itself. Runs after the history-cleanup window (01:00–05:00); safe on every node at once.
 */
@Component
public class CaseFactsRetention {
  private static final Logger LOG = LoggerFactory.getLogger(CaseFactsRetention.class);

  private final JdbcTemplate jdbc;

  CaseFactsRetention(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Scheduled(
      cron = "${weiquan.analytics.facts-retention-cron:0 30 5 * * *}",
      zone = "Asia/Shanghai")
  public void nightly() {
    int cases = forgetCasesWithoutHistory();
    if (cases > 0) {
      LOG.info("Case facts: {} ended cases whose history was removed left the dashboard", cases);
    }
  }

  /** Removes the facts of ended cases whose root instance left the history; how many cases. */
  @Transactional
  public int forgetCasesWithoutHistory() {
    String gone =
        "SELECT f.root_id FROM wq_case f WHERE f.end_time IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = f.root_id)";
    jdbc.update("DELETE FROM wq_case_channel WHERE root_id IN (" + gone + ")");
    jdbc.update("DELETE FROM wq_case_deadline WHERE root_id IN (" + gone + ")");
    return jdbc.update(
        "DELETE FROM wq_case WHERE end_time IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = wq_case.root_id)");
  }
}
