package cn.weiquan.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryEvidenceStorageTest {

  @TempDir Path root;

  @Test
  void aStoredFileReadsBackUnderARandomKeyInShardedFolders() throws IOException {
    var storage = new DirectoryEvidenceStorage(root);
    byte[] content = "发票 No. 1234567890".getBytes(StandardCharsets.UTF_8);

    String key = storage.put(content);
    String again = storage.put(content);

    assertThat(key).matches("[0-9a-f]{32}").isNotEqualTo(again);
    assertThat(storage.get(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    assertThat(root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key))
        .hasBinaryContent(content);
    assertThat(files()).as("nothing but the two files, no temporary left").hasSize(2);
  }

  @Test
  void aWriteThatFailsHalfwayLeavesNothing() throws IOException {
    var storage = new DirectoryEvidenceStorage(root);
    InputStream breaksOff =
        new SequenceInputStream(
            new ByteArrayInputStream(new byte[64 * 1024]),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("the client hung up");
              }
            });

    assertThatThrownBy(() -> storage.put(breaksOff)).isInstanceOf(UncheckedIOException.class);

    assertThat(files()).as("no partial file under any key, no temporary file").isEmpty();
  }

  @Test
  void deleteRemovesTheFile_andAMissingKeyIsEmptyAndHarmlessToDelete() {
    var storage = new DirectoryEvidenceStorage(root);
    String key = storage.put(new byte[] {1, 2, 3});

    assertThat(storage.delete(key)).isTrue();

    assertThat(storage.get(key)).isEmpty();
    assertThat(storage.delete(key)).as("deleting twice").isFalse();
    assertThat(storage.get("0123456789abcdef0123456789abcdef")).isEmpty();
  }

  @Test
  void aKeyThatIsNotOursCannotReachOutsideTheDirectory() {
    var storage = new DirectoryEvidenceStorage(root);
    for (String key :
        List.of("../../etc/passwd", "chat.png", "0123456789ABCDEF0123456789ABCDEF", "")) {
      assertThatThrownBy(() -> storage.get(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> storage.delete(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theDirectoryIsCreatedWhenMissing() {
    var storage = new DirectoryEvidenceStorage(root.resolve("data/evidence"));

    String key = storage.put(new byte[] {42});

    assertThat(root.resolve("data/evidence")).isDirectory();
    assertThat(storage.get(key)).hasValueSatisfying(read -> assertThat(read).containsExactly(42));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
