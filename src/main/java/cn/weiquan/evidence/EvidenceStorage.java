package cn.weiquan.evidence;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the contents of evidence files live, outside the engine's database: the database keeps only
 * the key and the file's metadata. Keys are chosen by the storage (random, never a client's file
 * name).
 */
public interface EvidenceStorage {

  /**
   * Stores the content durably and returns its new key; nothing is stored under the key if this
   * throws.
   */
  String put(InputStream content);

  default String put(byte[] content) {
    return put(new ByteArrayInputStream(content));
  }

  /** The content stored under the key, empty when there is none. */
  Optional<byte[]> get(String key);

  /** Removes the content; false when there was none (deleting twice is harmless). */
  boolean delete(String key);
}
