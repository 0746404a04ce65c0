package cn.weiquan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.weiquan.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Filings.files: the uploaded files are read and checked, the type by the declared type and by the
 * bytes.
 */
class EvidenceFilesTest {
  private static final IntakeProperties.Evidence LIMITS =
      new IntakeProperties(null, null, null).evidence();
  private static final byte[] PDF = "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII);

  private static MultipartFile file(String name, String type, byte[] content) {
    return new MockMultipartFile("files", name, type, content);
  }

  @Test
  void filesWhoseBytesAreTheDeclaredType_areRead() {
    var read =
        Filings.files(
            List.of(
                file("发票.pdf", "application/pdf", PDF),
                file(
                    "说明.txt",
                    "text/plain; charset=UTF-8",
                    "退货说明".getBytes(StandardCharsets.UTF_8))),
            LIMITS);

    assertThat(read)
        .extracting(EvidenceStore.EvidenceFile::contentType)
        .containsExactly("application/pdf", "text/plain");
  }

  @Test
  void aPdfDeclaredAsPng_is415NamingTheFile() {
    assertThatThrownBy(
            () ->
                Filings.files(
                    List.of(
                        file("a.txt", "text/plain", "ok".getBytes(StandardCharsets.UTF_8)),
                        file("x.png", "image/png", PDF)),
                    LIMITS))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
              assertThat(e.field()).isEqualTo("files[1]");
              assertThat(e.getMessage()).contains("declared image/png", "application/pdf");
            });
  }

  @Test
  void bytesOfNoKnownType_are415_evenUnderAnAllowedDeclaredType() {
    assertThatThrownBy(
            () ->
                Filings.files(
                    List.of(file("a.txt", "text/plain", new byte[] {'M', 'Z', 0, 1})), LIMITS))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
              assertThat(e.field()).isEqualTo("files[0]");
            });
  }

  @Test
  void onlyTypesRecognisedByTheirBytes_canBeAllowed() {
    assertThatThrownBy(
            () ->
                new IntakeProperties.Evidence(
                    DataSize.ofMegabytes(5), 10, List.of("image/png", "image/gif"), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image/gif");
  }
}
