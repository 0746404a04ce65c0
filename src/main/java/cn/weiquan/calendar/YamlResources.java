package cn.weiquan.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the calendar's YAML data files (plain SnakeYAML, so the beans also work without Spring).
 */
final class YamlResources {
  private YamlResources() {}

  static Map<String, Object> read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(root instanceof Map<?, ?> map)) {
        throw new IllegalStateException(resource.getDescription() + " is not a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      return typed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.getDescription(), e);
    }
  }

  /**
   * A date written quoted ("2026-02-15") or unquoted (SnakeYAML then gives a UTC-midnight Date).
   */
  static LocalDate date(Object value, String where) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof String text) {
      return LocalDate.parse(text.trim());
    }
    throw new IllegalStateException(where + ": not a date: " + value);
  }
}
