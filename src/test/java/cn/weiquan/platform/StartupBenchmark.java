package cn.weiquan.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start to Tasklist-ready, Weiquan against a bare Spring Boot + Camunda 7.24 starter/webapp app
 * (src/bench/bare-starter), interleaved in one run, each start on an empty H2 database in a fresh
 * JVM. Ready = Tasklist's page answers 200 and the administrator's Tasklist login succeeds
 * (Weiquan: its users exist; the bare app: its admin-user). Not a test:
 *
 * <pre>
 * mvn -B -q -f src/bench/bare-starter/pom.xml package
 * mvn -B -Dweiquan.build.dir=target -DskipTests package
 * mvn -Pbench -Dbench=cn.weiquan.platform.StartupBenchmark -Dexec.args="5" test-compile exec:java
 * </pre>
 *
 * Each run starts, in turn: the bare app and Weiquan as {@code java -jar} with the JVM's defaults;
 * then both the way README "A faster start" starts Weiquan: the jar extracted ({@code
 * -Djarmode=tools extract}), a class-data-sharing archive written once by a training run before the
 * first round (each app ends itself once ready: {@code --weiquan.training-run=true}, {@code
 * --bare.training-run=true}), and the JVM options of {@link FastStart#JVM} (the same for both, so
 * the comparison stays fair). Prints each run, the medians and the ratios to the bare app's default
 * start.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  private record Variant(String label, Path jar, List<String> jvm, List<String> args) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path weiquan = jar(Path.of(System.getProperty("weiquan.jar.dir", "target")), "weiquan-");
    Path bare = jar(Path.of("src/bench/bare-starter/target"), "bare-starter-");
    List<String> weiquanArgs = List.of("--weiquan.mail.embedded.port=0");
    Path work = Files.createTempDirectory("startup-bench");
    Path weiquanExtracted = FastStart.extract(weiquan, work.resolve("weiquan"));
    Path bareExtracted = FastStart.extract(bare, work.resolve("bare"));
    Path weiquanArchive = work.resolve("weiquan.jsa");
    Path bareArchive = work.resolve("bare.jsa");
    FastStart.train(weiquanExtracted, weiquanArchive, "weiquan", weiquanArgs);
    FastStart.train(bareExtracted, bareArchive, "bare", List.of());
    List<Variant> variants =
        List.of(
            new Variant("bare starter, java -jar", bare, List.of(), List.of()),
            new Variant("weiquan, java -jar", weiquan, List.of(), weiquanArgs),
            new Variant("bare starter, fast start", bareExtracted, fast(bareArchive), List.of()),
            new Variant(
                "weiquan, fast start", weiquanExtracted, fast(weiquanArchive), weiquanArgs));
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int run = 1; run <= runs; run++) {
      StringBuilder line = new StringBuilder("run " + run + ":");
      for (Variant variant : variants) {
        double seconds =
            startOnce(
                variant.jar(),
                variant.jvm(),
                variant.args(),
                variant.label().startsWith("weiquan") ? "weiquan.data-dir" : "bare.data-dir");
        times.computeIfAbsent(variant.label(), k -> new ArrayList<>()).add(seconds);
        line.append(String.format("  %s %.1f s;", variant.label(), seconds));
      }
      System.out.println(line);
    }
    double yardstick = median(times.get(variants.get(0).label()));
    System.out.printf("median of %d runs (ratio to the bare starter's java -jar):%n", runs);
    times.forEach(
        (label, values) ->
            System.out.printf(
                "  %-28s %5.1f s  (min %.1f, max %.1f)  %.2f%n",
                label,
                median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                median(values) / yardstick));
  }

  private static List<String> fast(Path archive) {
    List<String> jvm = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
    jvm.addAll(FastStart.JVM);
    return jvm;
  }

  private static double startOnce(
      Path jar, List<String> jvm, List<String> extra, String dataDirProperty) throws Exception {
    Path data = Files.createTempDirectory("startup-bench");
    Path log = data.resolve("app.log");
    List<String> command = new ArrayList<>(List.of(FastStart.java()));
    command.addAll(jvm);
    command.addAll(
        List.of("-jar", jar.toString(), "--server.port=0", "--" + dataDirProperty + "=" + data));
    command.addAll(extra);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      FastStart.awaitReady(process, log);
      return (System.nanoTime() - start) / 1e9;
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static Path jar(Path dir, String prefix) throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .filter(
              f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no " + prefix + "*.jar in " + dir + ": build it first"));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
