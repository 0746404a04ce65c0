package cn.weiquan.support;

import cn.weiquan.evidence.EvidenceContentMigration;
import cn.weiquan.evidence.EvidenceStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The product's tables on a database the application does not start on (engine-only tests,
 * benchmarks): the migrations of db/migration with the Flyway settings of application.yaml
 * (spring.flyway), as Spring Boot runs them.
 */
public final class ProductSchema {
  private static final Set<DataSource> MIGRATED = ConcurrentHashMap.newKeySet();
  private static final FlywayProperties SETTINGS = settings();

  private ProductSchema() {}

  /**
   * Migrates the engine's database once per DataSource (engine-only tests keep no evidence files).
   */
  public static void migrate(DataSource dataSource) {
    if (MIGRATED.add(dataSource)) {
      migrate(dataSource, NO_EVIDENCE);
    }
  }

  public static MigrateResult migrate(DataSource dataSource, EvidenceStorage storage) {
    // one connection, closed here once: the engine's MyBatis pool reports an error when Flyway
    // closes its connections
    try (Connection connection = dataSource.getConnection()) {
      String vendor = DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL()).getId();
      return Flyway.configure()
          .dataSource(new SingleConnectionDataSource(connection, true))
          .locations(
              SETTINGS.getLocations().stream()
                  .map(l -> l.replace("{vendor}", vendor))
                  .toArray(String[]::new))
          .table(SETTINGS.getTable())
          .baselineOnMigrate(SETTINGS.isBaselineOnMigrate())
          .baselineVersion(SETTINGS.getBaselineVersion())
          .javaMigrations(new EvidenceContentMigration(storage))
          .load()
          .migrate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to migrate", e);
    }
  }

  private static FlywayProperties settings() {
    try {
      var yaml =
          new YamlPropertySourceLoader()
              .load("application.yaml", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(yaml))
          .bindOrCreate("spring.flyway", FlywayProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final EvidenceStorage NO_EVIDENCE =
      new EvidenceStorage() {
        @Override
        public String put(InputStream content) {
          throw new UnsupportedOperationException("this database has no evidence storage");
        }

        @Override
        public Optional<byte[]> get(String key) {
          return Optional.empty();
        }

        @Override
        public boolean delete(String key) {
          return false;
        }
      };
}
