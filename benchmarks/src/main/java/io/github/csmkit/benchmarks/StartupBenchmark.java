package io.github.csmkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 4: wall time of {@code csmkit --version} and {@code csmkit demo} (the CLI's shaded
 * jar), against a JVM that starts and exits ({@link Noop}); for the record, without a target.
 */
final class StartupBenchmark {
  private final Path root;
  private final boolean smoke;

  StartupBenchmark(Path root, boolean smoke) {
    this.root = root;
    this.smoke = smoke;
  }

  /** The repository root: {@code -Dcsmkit.root}, else the nearest folder up holding csm-client. */
  static Path findRoot() {
    String given = System.getProperty("csmkit.root");
    if (given != null) {
      return Path.of(given).toAbsolutePath();
    }
    Path p = Path.of("").toAbsolutePath();
    for (Path d = p; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("csm-client")) && Files.exists(d.resolve("pom.xml"))) {
        return d;
      }
    }
    return p;
  }

  List<Figure> run() {
    String n = "4 start-up";
    Path jar = root.resolve("csm-cli/target/csmkit.jar");
    List<Figure> out = new ArrayList<>();
    if (!Files.isRegularFile(jar)) {
      out.add(Figure.note(n, "not measured: csm-cli not built"));
      return out;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int runs = smoke ? 1 : 5;
    double noop =
        median(runs, java, "-cp", System.getProperty("java.class.path"), Noop.class.getName());
    out.add(Figure.plain(n, "JVM start and exit (baseline)", noop, "ms"));
    double version = median(runs, java, "-jar", jar.toString(), "--version");
    out.add(
        new Figure(n, "csmkit --version", version, "ms", version / noop, "x baseline", "", null));
    if (!smoke) {
      double demo = median(3, java, "-jar", jar.toString(), "demo");
      out.add(new Figure(n, "csmkit demo", demo, "ms", demo / noop, "x baseline", "", null));
    }
    return out;
  }

  /** Median wall time in ms; NaN when a run fails or takes over two minutes. */
  private static double median(int runs, String... cmd) {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try {
        Process p =
            new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          return Double.NaN;
        }
        if (p.exitValue() != 0) {
          System.err.println("start-up: " + String.join(" ", cmd) + " exited " + p.exitValue());
          return Double.NaN;
        }
      } catch (IOException e) {
        return Double.NaN;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Double.NaN;
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }
}
