package cn.weiquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.weiquan.evidence.EvidenceContentMigration;
import cn.weiquan.support.ApplicationIT;
import cn.weiquan.support.OldMainDatabase;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's fresh database: the product's tables come from Flyway, which ran before the
 * engine.
 */
class SchemaMigrationIT extends ApplicationIT {

  @Autowired Flyway flyway;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired ConfigurableListableBeanFactory beans;

  @Test
  void aFreshDatabase_getsEveryMigration_beforeTheEngineCreatesItsTables() throws Exception {
    List<String> history =
        jdbc.queryForList(
            "SELECT \"version\" || ' ' || \"type\" FROM \"wq_schema_history\" "
                + "WHERE \"version\" IS NOT NULL AND \"success\" = TRUE ORDER BY \"installed_rank\"",
            String.class);

    // no baseline row: Flyway found the database empty, so the engine had not created its schema
    // yet
    assertThat(history)
        .containsExactly(
            "1 SQL", "2 SQL", "3 JDBC", "4 SQL", "5 SQL", "30 SQL", "31 SQL", "32 JDBC", "33 SQL");
    assertThat(Arrays.stream(flyway.info().pending())).isEmpty();
    for (String table :
        List.of(
            "wq_case_sequence",
            "wq_evidence",
            "wq_evidence_file",
            "wq_evidence_totals",
            "wq_intake_key")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class))
          .as(table)
          .isNotNull();
    }
    try (Connection connection = dataSource.getConnection()) {
      assertThat(OldMainDatabase.hasColumn(connection, "wq_evidence_file", "content")).isFalse();
      assertThat(OldMainDatabase.hasColumn(connection, "wq_evidence_file", "storage_key")).isTrue();
    }
  }

  @Test
  void everyProcessEngineBean_dependsOnTheFlywayInitializer_andFlywayHasTheEvidenceMigrationBean() {
    String[] engines =
        beans.getBeanNamesForType(org.camunda.bpm.engine.ProcessEngine.class, true, false);

    assertThat(engines).contains("processEngineFactoryBean");
    for (String engine : engines) {
      assertThat(beans.getBeanDefinition(engine).getDependsOn())
          .as(engine)
          .contains("flywayInitializer");
    }
    assertThat(flyway.getConfiguration().getJavaMigrations())
        .hasAtLeastOneElementOfType(EvidenceContentMigration.class);
    assertThat(flyway.getConfiguration().getTable()).isEqualTo("wq_schema_history");
  }
}
