package cn.weiquan.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A versioned schema migration written in Java (a Spring bean Flyway runs among the SQL ones of
 * db/migration): its version and description, no checksum, in the migration's transaction.
 */
public abstract class ProductMigration implements JavaMigration {
  private final MigrationVersion version;
  private final String description;

  protected ProductMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  /** Whether the table exists (in either case: H2 stores names upper case, PostgreSQL lower). */
  protected static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
