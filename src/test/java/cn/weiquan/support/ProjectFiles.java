package cn.weiquan.support;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the project (README.md, processes/, forms/), found from the compiled tests, whatever the
 * working directory.
 */
public final class ProjectFiles {
  private ProjectFiles() {}

  /**
   * The project's root: the folder above the build folder that holds the test classes
   * (target/test-classes).
   */
  public static Path root() {
    try {
      Path classes =
          Path.of(ProjectFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = classes; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("pom.xml"))
            && Files.isDirectory(dir.resolve("processes"))) {
          return dir;
        }
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(
        "no project root (pom.xml and processes/) above the test classes");
  }

  public static Path path(String relative) {
    Path file = root().resolve(relative);
    if (!Files.exists(file)) {
      throw new IllegalStateException(relative + " does not exist under " + root());
    }
    return file;
  }
}
