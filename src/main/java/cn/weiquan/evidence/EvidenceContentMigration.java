package cn.weiquan.evidence;

import cn.weiquan.platform.ProductMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Schema version 3: the contents of evidence files that an older Weiquan kept in
 * wq_evidence_file.content move into the {@link EvidenceStorage}; each row gets its storage key and
 * the type its bytes show (V4 then drops the column). A Spring bean, so that it gets the storage:
 * Spring Boot hands every JavaMigration bean to Flyway. Table names are written out, not shared
 * with the live code: a migration describes the schema as it was at version 3.
 */
@Component
public class EvidenceContentMigration extends ProductMigration {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceContentMigration.class);

  private final EvidenceStorage storage;

  public EvidenceContentMigration(EvidenceStorage storage) {
    super("3", "evidence contents to storage");
    this.storage = storage;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    List<String> written = new ArrayList<>();
    long bytes = 0;
    try {
      // one file in memory at a time (at most the upload limit), not the whole table
      for (String id : waiting(connection)) {
        byte[] content;
        String recorded;
        try (PreparedStatement read =
            connection.prepareStatement(
                "SELECT content, sha256 FROM wq_evidence_file WHERE id = ?")) {
          read.setString(1, id);
          try (ResultSet row = read.executeQuery()) {
            row.next();
            content = row.getBytes(1);
            recorded = row.getString(2);
          }
        }
        if (!Sha256.hex(content).equals(recorded)) {
          LOG.warn(
              "evidence file {}: its content no longer has the SHA-256 recorded when it arrived; moved as it is",
              id);
        }
        String key = storage.put(content);
        written.add(key);
        bytes += content.length;
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE wq_evidence_file SET storage_key = ?, detected_type = ? WHERE id = ?")) {
          update.setString(1, key);
          update.setString(2, ContentTypes.detect(content));
          update.setString(3, id);
          update.executeUpdate();
        }
      }
    } catch (Exception e) {
      // the transaction rolls back, so the rows still hold their contents: the copies would only be
      // orphans
      written.forEach(this::deleteQuietly);
      throw e;
    }
    if (!written.isEmpty()) {
      LOG.info(
          "moved {} evidence files ({} bytes) from the database into the evidence storage",
          written.size(),
          bytes);
    }
  }

  private static List<String> waiting(Connection connection) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id FROM wq_evidence_file WHERE storage_key IS NULL ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private void deleteQuietly(String key) {
    try {
      storage.delete(key);
    } catch (RuntimeException e) {
      LOG.warn("could not delete the orphaned evidence copy {}", key, e);
    }
  }
}
