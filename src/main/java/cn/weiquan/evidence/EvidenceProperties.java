package cn.weiquan.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code weiquan.evidence}: where the contents of evidence files are kept.
 *
 * @param directory the folder of the files (default {@code ${weiquan.data-dir}/evidence}, env
 *     WEIQUAN_EVIDENCE_DIR)
 */
@ConfigurationProperties("weiquan.evidence")
public record EvidenceProperties(Path directory) {

  public EvidenceProperties {
    directory = directory == null ? Path.of("data", "evidence") : directory;
  }
}
