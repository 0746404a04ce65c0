package cn.weiquan.intake;

import cn.weiquan.api.ApiException;
import cn.weiquan.api.ApiJson;
import cn.weiquan.evidence.ContentTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * What filing a dispute and filing a complaint have in common: the idempotency key, the answer,
 * uploaded files.
 */
public final class Filings {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  /** The answer to a filing: the case number and where to read it. */
  public record Filed(String caseNo, String location, boolean created) {}

  private Filings() {}

  /** The header wins; without it the body's externalReference is the key; without either, none. */
  public static String key(String header, String externalReference) {
    if (header != null) {
      if (!KEY.matcher(header).matches()) {
        throw ApiException.badRequest(
            IDEMPOTENCY_KEY,
            "format",
            "「Idempotency-Key」须为 1 到 200 个可打印 ASCII 字符",
            "'Idempotency-Key' must be 1 to 200 printable ASCII characters");
      }
      return "key:" + header;
    }
    return externalReference == null ? null : "ref:" + externalReference;
  }

  /**
   * A digest of the request as read (not its bytes): a retry differing only in spacing is the same
   * request.
   */
  public static String fingerprint(ApiJson json, Object request) {
    try {
      return EvidenceStore.sha256(json.mapper().writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed request is always writable", e);
    }
  }

  public static ResponseEntity<Filed> answer(String pathPrefix, CaseStarter.StartedCase started) {
    String location = pathPrefix + started.caseNo();
    return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create(location))
        .body(new Filed(started.caseNo(), location, started.created()));
  }

  /**
   * Reads and checks the uploaded files: count, size (413), declared type and the type its bytes
   * show (415, both must be the same allowed type), each naming files[i]. The limits per case are
   * the store's to check.
   */
  public static List<EvidenceStore.EvidenceFile> files(
      List<MultipartFile> files, IntakeProperties.Evidence limits) {
    List<EvidenceStore.EvidenceFile> read = new ArrayList<>();
    if (files == null) {
      return read;
    }
    if (files.size() > limits.maxFiles()) {
      throw ApiException.badRequest(
          "files",
          "too-many",
          "每次最多提交 " + limits.maxFiles() + " 个文件",
          "at most " + limits.maxFiles() + " files per submission");
    }
    for (int i = 0; i < files.size(); i++) {
      MultipartFile file = files.get(i);
      String field = "files[" + i + "]";
      if (file.isEmpty()) {
        throw ApiException.badRequest(
            field, "empty", "「" + field + "」是空文件", "'" + field + "' is empty");
      }
      if (file.getSize() > limits.maxFileSize().toBytes()) {
        throw new ApiException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            field,
            "too-large",
            "「"
                + field
                + "」有 "
                + file.getSize()
                + " 字节，超过单个文件 "
                + limits.maxFileSize().toBytes()
                + " 字节的上限",
            "'"
                + field
                + "' has "
                + file.getSize()
                + " bytes; the limit is "
                + limits.maxFileSize().toBytes());
      }
      String type =
          file.getContentType() == null
              ? ""
              : file.getContentType().split(";")[0].trim().toLowerCase();
      if (!limits.allowedContentTypes().contains(type)) {
        String shown = type.isEmpty() ? "(none)" : type;
        throw new ApiException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            field,
            "unsupported-type",
            "「"
                + field
                + "」的类型 "
                + shown
                + " 不被接受；允许："
                + String.join("、", limits.allowedContentTypes()),
            "'" + field + "' has type " + shown + "; allowed: " + limits.allowedContentTypes());
      }
      byte[] content;
      try {
        content = file.getBytes();
      } catch (IOException e) {
        throw ApiException.badRequest(
            field,
            "unreadable",
            "「" + field + "」未能完整读取",
            "'" + field + "' could not be read completely");
      }
      String detected = ContentTypes.detect(content);
      if (!type.equals(detected)) {
        String found = detected == null ? "none of " + ContentTypes.RECOGNISED : detected;
        throw new ApiException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            field,
            "type-mismatch",
            "「" + field + "」声明为 " + type + "，但内容是 " + (detected == null ? "无法识别的类型" : detected),
            "'" + field + "' is declared " + type + " but its content is " + found);
      }
      read.add(
          new EvidenceStore.EvidenceFile(fileName(file.getOriginalFilename(), i), type, content));
    }
    return read;
  }

  /** The name without any path a client put in it, at most 255 characters. */
  static String fileName(String original, int position) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
    if (name.isEmpty()) {
      name = "file-" + (position + 1);
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }
}
