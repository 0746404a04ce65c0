package cn.weiquan.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one at a time on a shared PostgreSQL: from the product's migrations,
 * through the engine's schema creation and the process application's deployment, to the groups,
 * grants, users and filters IdentitySetup makes. Two nodes started together on an empty database
 * otherwise both create the engine's tables (ENGINE-03017), both deploy (isDeployChangedOnly sees
 * no earlier deployment) and both create the same groups and filters. The lock is a PostgreSQL
 * session advisory lock taken before Flyway (which the engine starts after,
 * EngineAfterSchemaMigration) and released once the node is ready, or when it fails; a killed
 * node's lock goes with its connection. H2 is a single node's database: there the strategy only
 * migrates.
 */
@Component
public class ClusterStartLock implements FlywayMigrationStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartLock.class);

  /**
   * The advisory lock's key: "weiquan" in ASCII, so no other application's lock on the database
   * meets it.
   */
  static final long KEY = 0x7765697175616EL;

  private final DataSource dataSource;
  private Connection held;

  public ClusterStartLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void migrate(Flyway flyway) {
    acquire();
    flyway.migrate();
  }

  synchronized void acquire() {
    try {
      Connection connection = dataSource.getConnection();
      if (DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName())
          != DatabaseDriver.POSTGRESQL) {
        connection.close();
        return;
      }
      long start = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
      LOG.info(
          "Start-up lock taken after {} ms: this node migrates, deploys and sets up alone",
          (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the cluster start-up lock", e);
    }
  }

  /** After IdentitySetup (order 0): the node is set up, the next may start. */
  @EventListener({
    ApplicationReadyEvent.class,
    ApplicationFailedEvent.class,
    ContextClosedEvent.class
  })
  @Order(Ordered.LOWEST_PRECEDENCE)
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held;
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn(
          "start-up lock not released cleanly (it goes with the connection): {}", e.toString());
    } finally {
      held = null;
    }
  }
}
