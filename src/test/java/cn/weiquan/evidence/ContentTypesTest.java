package cn.weiquan.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  @Test
  void signaturesTellPdfJpegAndPng() {
    assertThat(ContentTypes.detect("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo("application/pdf");
    assertThat(
            ContentTypes.detect(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
        .isEqualTo("image/jpeg");
    assertThat(
            ContentTypes.detect(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}))
        .isEqualTo("image/png");
  }

  @Test
  void utf8WithoutControlCharactersIsPlainText() {
    assertThat(ContentTypes.detect("商家承认漏电。\r\n订单号\t1234567890\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
  }

  @Test
  void anythingElseIsNoneOfThem() {
    assertThat(ContentTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
        .as("a cut-off PNG signature")
        .isNull();
    assertThat(ContentTypes.detect(new byte[] {'M', 'Z', (byte) 0x90, 0}))
        .as("a Windows program")
        .isNull();
    assertThat(ContentTypes.detect("text\0with NUL".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(ContentTypes.detect("bell\u0007".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(ContentTypes.detect("escape\u001b[31m".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(ContentTypes.detect("漏电".getBytes(java.nio.charset.Charset.forName("GBK"))))
        .as("not UTF-8")
        .isNull();
    assertThat(ContentTypes.detect(new byte[0])).isNull();
    assertThat(ContentTypes.detect("%PDF".getBytes(StandardCharsets.US_ASCII)))
        .as("text, not a PDF")
        .isEqualTo("text/plain");
  }
}
