package cn.weiquan.intake;

import cn.weiquan.evidence.ContentTypes;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the parties' channel (weiquan.intake.*).
 *
 * @param maxJsonBody largest JSON body accepted by POST /api/disputes|complaints and the answers
 *     (413 above it)
 * @param evidence limits of POST /api/disputes/{caseNo}/evidence
 * @param merchantUsers api user acting for a merchant, by shop id, when the filing names none
 *     (merchant.apiUser)
 */
@ConfigurationProperties("weiquan.intake")
public record IntakeProperties(
    DataSize maxJsonBody, Evidence evidence, Map<String, String> merchantUsers) {

  public IntakeProperties {
    maxJsonBody =
        maxJsonBody == null
            ? DataSize.ofMegabytes(1) /* Spring's MB is 1024 KB: 1 MiB */
            : maxJsonBody;
    evidence = evidence == null ? new Evidence(null, null, null, null, null) : evidence;
    merchantUsers = merchantUsers == null ? Map.of() : Map.copyOf(merchantUsers);
  }

  /**
   * @param maxFileSize largest single file (413 above it)
   * @param maxFiles most files in one submission
   * @param allowedContentTypes content types a file may declare (415 otherwise); its bytes must
   *     show the same type, so only types {@link ContentTypes} recognises can be allowed
   * @param maxCaseBytes most bytes of evidence files one case may hold, all submissions together
   *     (413 above it)
   * @param maxCaseFiles most evidence files one case may hold, all submissions together (413 above
   *     it)
   */
  public record Evidence(
      DataSize maxFileSize,
      Integer maxFiles,
      List<String> allowedContentTypes,
      DataSize maxCaseBytes,
      Integer maxCaseFiles) {
    public Evidence {
      maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(5) : maxFileSize;
      maxFiles = maxFiles == null ? 10 : maxFiles;
      allowedContentTypes =
          allowedContentTypes == null
              ? List.of(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.PNG, ContentTypes.TEXT)
              : List.copyOf(allowedContentTypes);
      if (!ContentTypes.RECOGNISED.containsAll(allowedContentTypes)) {
        throw new IllegalArgumentException(
            "weiquan.intake.evidence.allowed-content-types may name only types whose bytes "
                + "Weiquan recognises, "
                + ContentTypes.RECOGNISED
                + "; was "
                + allowedContentTypes);
      }
      maxCaseBytes = maxCaseBytes == null ? DataSize.ofMegabytes(50) : maxCaseBytes;
      maxCaseFiles = maxCaseFiles == null ? 50 : maxCaseFiles;
    }
  }
}
