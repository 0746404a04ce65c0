package cn.weiquan.calendar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The table of named periods (calendar/periods.yaml): length, unit, roll-over and basis per version
 * in force.
 */
@Component
public class StatutoryPeriods {
  public static final String TABLE = "calendar/periods.yaml";

  private final Map<String, StatutoryPeriod> periods;
  private final List<StatutoryPeriod> ordered;

  @Autowired
  public StatutoryPeriods() {
    this(YamlResources.read(new ClassPathResource(TABLE, StatutoryPeriods.class.getClassLoader())));
  }

  StatutoryPeriods(Map<String, Object> table) {
    Map<String, StatutoryPeriod> byName = new LinkedHashMap<>();
    for (Object entry : (List<?>) table.get("periods")) {
      Map<?, ?> period = (Map<?, ?>) entry;
      String name = String.valueOf(period.get("name"));
      List<PeriodVersion> versions = new ArrayList<>();
      for (Object v : (List<?>) period.get("versions")) {
        Map<?, ?> version = (Map<?, ?>) v;
        Object from = version.get("inForceFrom");
        Object rollOver = version.get("rollOver");
        versions.add(
            new PeriodVersion(
                from == null ? null : YamlResources.date(from, name),
                ((Number) version.get("length")).intValue(),
                PeriodUnit.valueOf(String.valueOf(version.get("unit"))),
                rollOver == null || Boolean.TRUE.equals(rollOver),
                String.valueOf(version.get("basis"))));
      }
      if (versions.isEmpty()) {
        throw new IllegalStateException("period " + name + " has no version");
      }
      versions.sort(
          Comparator.comparing(
              PeriodVersion::inForceFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
      if (byName.put(
              name,
              new StatutoryPeriod(name, String.valueOf(period.get("label")), List.copyOf(versions)))
          != null) {
        throw new IllegalStateException("period " + name + " is configured twice");
      }
    }
    this.periods = Map.copyOf(byName);
    this.ordered = List.copyOf(byName.values());
  }

  /** The named period; an unknown name is a programming error in a process model. */
  public StatutoryPeriod get(String name) {
    StatutoryPeriod period = periods.get(name);
    if (period == null) {
      throw new IllegalArgumentException(
          "unknown period '" + name + "'; configured: " + periods.keySet());
    }
    return period;
  }

  public Collection<StatutoryPeriod> all() {
    return ordered;
  }
}
