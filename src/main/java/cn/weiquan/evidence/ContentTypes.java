package cn.weiquan.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * What a file is by its bytes, whatever its sender declared: PDF, JPEG and PNG by their signatures,
 * plain text when it is valid UTF-8 without control characters other than tab, CR and LF.
 */
public final class ContentTypes {
  public static final String PDF = "application/pdf";
  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String TEXT = "text/plain";

  /** The types {@link #detect} can tell; a file of any other type is never accepted as evidence. */
  public static final Set<String> RECOGNISED = Set.of(PDF, JPEG, PNG, TEXT);

  private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private ContentTypes() {}

  /** The type the bytes show, or null when they are none of {@link #RECOGNISED}. */
  public static String detect(byte[] content) {
    if (startsWith(content, PDF_SIGNATURE)) {
      return PDF;
    }
    if (startsWith(content, JPEG_SIGNATURE)) {
      return JPEG;
    }
    if (startsWith(content, PNG_SIGNATURE)) {
      return PNG;
    }
    return content.length > 0 && isPlainText(content) ? TEXT : null;
  }

  private static boolean startsWith(byte[] content, byte[] signature) {
    return content.length >= signature.length
        && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
  }

  private static boolean isPlainText(byte[] content) {
    CharSequence text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content));
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // NUL, the other C0 controls, DEL and the C1 controls
      if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
        return false;
      }
    }
    return true;
  }
}
