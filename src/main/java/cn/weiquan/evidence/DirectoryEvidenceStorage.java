package cn.weiquan.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evidence contents as files under one directory: key {@code 3fa2…} (128 random bits, hex) lives at
 * {@code 3f/a2/3fa2…}, so no folder grows beyond 65 536 entries. A file is written to a temporary
 * name in its folder, forced to disk and moved into place atomically: a reader or a crash sees the
 * whole file or none.
 */
public class DirectoryEvidenceStorage implements EvidenceStorage {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;

  public DirectoryEvidenceStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the evidence directory " + this.root, e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public String put(InputStream content) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String key = HexFormat.of().formatHex(random);
    Path target = path(key);
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      // created readable by the owner only (POSIX): evidence is personal data
      temporary = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.transferTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      forceDirectory(target.getParent());
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store an evidence file under " + root, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the failure being reported matters more than a stray temporary file
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(path(key)));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read evidence file " + key, e);
    }
  }

  @Override
  public boolean delete(String key) {
    Path file = path(key);
    try {
      boolean deleted = Files.deleteIfExists(file);
      if (deleted) {
        forceDirectory(file.getParent());
      }
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete evidence file " + key, e);
    }
  }

  /**
   * The file of a key; anything but 32 hex digits is refused, so a key can never point outside the
   * directory.
   */
  Path path(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not an evidence storage key: " + key);
    }
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  /**
   * Makes a rename or delete durable: the directory entry is forced too (POSIX; other systems
   * refuse, harmlessly).
   */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // Windows cannot open a directory as a channel; its rename is durable once the file is
    }
  }
}
