package io.github.csmkit.benchmarks;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.sandbox.CsmSandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 3: a generated CSV of n contacts streamed through the mapper and the engine in a child
 * JVM with {@code -Xmx256m} (serial GC, so that {@code System.gc()} is a full collection), into a
 * sandbox with fast tasks served from this JVM (the sandbox keeps every customer; the client must
 * not). The figure is the heap used after GC at n records over that at n/10.
 */
final class MemoryBenchmark {
  /**
   * @param records contacts in the CSV
   * @param taskDuration how long the sandbox's tasks run
   * @param maxHeap the child's -Xmx
   * @param dedupe the engine's default de-duplication (true, as a migration runs) or noDedupe()
   */
  record Config(long records, Duration taskDuration, String maxHeap, boolean dedupe) {
    static Config full() {
      return new Config(1_000_000, Duration.ofMillis(2), "256m", true);
    }

    static Config smoke() {
      return new Config(5_000, Duration.ofMillis(2), "256m", true);
    }

    Config withoutDedupe() {
      return new Config(records, taskDuration, maxHeap, false);
    }
  }

  record Result(
      Map<Long, Long> heapAt,
      long heapAfterReport,
      long read,
      long succeeded,
      boolean balanced,
      double seconds,
      int exitCode) {}

  private final Config config;

  MemoryBenchmark(Config config) {
    this.config = config;
  }

  List<Figure> run() {
    Result r = measure();
    long tenth = config.records() / 10;
    String n = config.dedupe() ? "3 memory" : "3 memory, noDedupe";
    List<Figure> out = new ArrayList<>();
    long at10 = r.heapAt().getOrDefault(tenth, -1L);
    long atN = r.heapAt().getOrDefault(config.records(), -1L);
    boolean completed = r.exitCode() == 0 && r.read() == config.records() && r.balanced();
    out.add(
        new Figure(
            n,
            String.format(
                Locale.ROOT,
                "%,d contacts, -Xmx%s: %s",
                config.records(),
                config.maxHeap(),
                completed ? "completed" : "FAILED (exit " + r.exitCode() + ")"),
            r.read() / r.seconds(),
            "rec/s",
            Double.NaN,
            "",
            "completes",
            completed));
    out.add(
        Figure.plain(
            n, String.format(Locale.ROOT, "heap after GC at %,d", tenth), at10 / 1048576.0, "MiB"));
    out.add(
        Figure.atMost(
            n,
            String.format(Locale.ROOT, "heap after GC at %,d", config.records()),
            atN / 1048576.0,
            "MiB",
            (double) atN / at10,
            "x at " + tenth,
            1.2));
    out.add(Figure.plain(n, "heap after GC, report done", r.heapAfterReport() / 1048576.0, "MiB"));
    return out;
  }

  Result measure() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("csmkit-bench-memory");
      Path csv = dir.resolve("contacts.csv");
      Contacts.writeCsv(csv, config.records());
      HubSpotMapping mapping = HubSpotMapping.defaults();
      try (CsmSandbox sandbox =
              CsmSandbox.builder().runsFor(config.taskDuration()).taskLimit(5).start();
          CsmClient csm = Sandboxes.client(sandbox.baseUri(), sandbox.token())) {
        Sandboxes.defineFields(csm, mapping);
        return child(sandbox, csv);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a temporary directory
        }
      }
    }
  }

  private Result child(CsmSandbox sandbox, Path csv) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx" + config.maxHeap(),
            "-XX:+UseSerialGC",
            "-Dbench.histogram=" + Boolean.getBoolean("bench.histogram"),
            "-Dbench.dedupe=" + config.dedupe(),
            "-cp",
            System.getProperty("java.class.path"),
            MemoryChild.class.getName(),
            sandbox.baseUri().toString(),
            sandbox.token(),
            csv.toString(),
            Long.toString(config.records() / 10),
            Long.toString(config.records()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<Long, Long> heap = new LinkedHashMap<>();
    long after = -1;
    long read = -1;
    long succeeded = -1;
    boolean balanced = false;
    double seconds = Double.NaN;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.split(" ");
        if (f[0].equals("HEAP")) {
          long at = Long.parseLong(f[1]);
          if (at < 0) {
            after = Long.parseLong(f[2]);
          } else {
            heap.put(at, Long.parseLong(f[2]));
          }
        } else if (f[0].equals("DONE")) {
          read = Long.parseLong(f[1]);
          succeeded = Long.parseLong(f[2]);
          balanced = Boolean.parseBoolean(f[3]);
          seconds = Double.parseDouble(f[4]);
        } else {
          System.err.println("memory child: " + line);
        }
      }
    }
    int exit;
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
      exit = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return new Result(heap, after, read, succeeded, balanced, seconds, exit);
  }
}
