package io.github.csmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmarks and prints a table of figures, each a ratio against a baseline measured in
 * the same run.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [throughput] [overhead] [memory] [memory-nodedupe] [startup] [sync] [delta] [--smoke]
 * </pre>
 *
 * <p>No names: the four of {@link #ALL}; {@code memory-nodedupe}, {@code sync} and {@code delta}
 * only when named. {@code --smoke}: tiny sizes, seconds in all (what the build's test runs).
 */
public final class RunAll {
  static final List<String> ALL = List.of("throughput", "overhead", "memory", "startup");

  /** Not in the default set: the memory run again with the engine's de-duplication off. */
  static final String MEMORY_NO_DEDUPE = "memory-nodedupe";

  /** Not in the default set (a million contacts take minutes to seed): the incremental sync. */
  static final String SYNC = "sync";

  /** Not in the default set (two runs over 100,000 contacts, repeated): the delta run. */
  static final String DELTA = "delta";

  private RunAll() {}

  public static void main(String[] args) {
    Quiet.engineLogs();
    boolean smoke = false;
    Set<String> chosen = new LinkedHashSet<>();
    for (String a : args) {
      if (a.equals("--smoke")) {
        smoke = true;
      } else if (ALL.contains(a)
          || a.equals(MEMORY_NO_DEDUPE)
          || a.equals(SYNC)
          || a.equals(DELTA)) {
        chosen.add(a);
      } else {
        System.err.println(
            "usage: java -jar benchmarks.jar [throughput|overhead|memory|memory-nodedupe|startup|sync|delta]... [--smoke]");
        System.exit(2);
        return;
      }
    }
    List<Figure> figures = run(chosen.isEmpty() ? ALL : List.copyOf(chosen), smoke);
    System.out.println();
    System.out.println(header(smoke));
    System.out.println();
    System.out.print(Table.render(figures));
  }

  static List<Figure> run(List<String> chosen, boolean smoke) {
    List<Figure> figures = new ArrayList<>();
    List<String> order = new ArrayList<>(ALL);
    order.add(3, MEMORY_NO_DEDUPE);
    order.add(SYNC);
    order.add(DELTA);
    for (String name : order) {
      if (!chosen.contains(name)) {
        continue;
      }
      System.err.println("== " + name + (smoke ? " (smoke)" : ""));
      long start = System.nanoTime();
      switch (name) {
        case "throughput" ->
            figures.addAll(
                new ThroughputBenchmark(
                        smoke
                            ? ThroughputBenchmark.Config.smoke()
                            : ThroughputBenchmark.Config.full())
                    .run());
        case "overhead" -> {
          figures.addAll(Overhead.run(smoke));
          figures.addAll(OverheadCpu.run(smoke));
        }
        case "memory" ->
            figures.addAll(
                new MemoryBenchmark(
                        smoke ? MemoryBenchmark.Config.smoke() : MemoryBenchmark.Config.full())
                    .run());
        case MEMORY_NO_DEDUPE ->
            figures.addAll(
                new MemoryBenchmark(
                        (smoke ? MemoryBenchmark.Config.smoke() : MemoryBenchmark.Config.full())
                            .withoutDedupe())
                    .run());
        case "startup" ->
            figures.addAll(new StartupBenchmark(StartupBenchmark.findRoot(), smoke).run());
        case SYNC ->
            figures.addAll(
                new IncrementalSyncBenchmark(
                        smoke
                            ? IncrementalSyncBenchmark.Config.smoke()
                            : IncrementalSyncBenchmark.Config.full())
                    .run());
        case DELTA ->
            figures.addAll(
                new DeltaRunBenchmark(
                        smoke ? DeltaRunBenchmark.Config.smoke() : DeltaRunBenchmark.Config.full())
                    .run());
        default -> throw new IllegalArgumentException(name);
      }
      System.err.printf(
          Locale.ROOT, "== %s took %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    }
    return figures;
  }

  static String header(boolean smoke) {
    return String.format(
        Locale.ROOT,
        "csmkit benchmarks%s, %s, %d cores, %s %s, JVM %s",
        smoke ? " (SMOKE)" : "",
        Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        ManagementFactory.getRuntimeMXBean().getVmVersion());
  }
}
