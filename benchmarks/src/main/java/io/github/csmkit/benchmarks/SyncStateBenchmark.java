package io.github.csmkit.benchmarks;

import io.github.csmkit.hubspot.state.Delta;
import io.github.csmkit.hubspot.state.DeltaPlanner;
import io.github.csmkit.hubspot.state.FieldHashes;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Settlement;
import io.github.csmkit.hubspot.state.SourceSnapshot;
import io.github.csmkit.hubspot.state.StoredRecord;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sync state on SQLite: the time to settle N contacts (8 fields, 1 or 2 memberships) in batches
 * of 50, one transaction each; the file's size per record; and the time of a second run's look-ups
 * and delta classification over the same records (batches of 50, all unchanged).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.csmkit.benchmarks.SyncStateBenchmark [records] [repeats]
 * </pre>
 */
public final class SyncStateBenchmark {
  static final int BATCH = 50;
  // SQLite runs in the calling thread (JNI), so its work is in this thread's CPU time: a figure
  // that the other processes of a busy machine disturb less than wall time
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private SyncStateBenchmark() {}

  /** One repetition's figures. */
  record Result(
      long records,
      double settleSeconds,
      double settleCpuSeconds,
      long bytesOnDisk,
      double planSeconds,
      double planCpuSeconds) {
    double bytesPerRecord() {
      return (double) bytesOnDisk / records;
    }
  }

  public static void main(String[] args) throws IOException {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      Path dir = Files.createTempDirectory("csmkit-state-bench");
      try {
        Result r = run(dir.resolve("state.db"), records);
        results.add(r);
        System.out.printf(
            Locale.ROOT,
            "run %d: settle %.2f s (CPU %.2f s), %.0f bytes/record, plan %.2f s (CPU %.2f s)%n",
            i + 1,
            r.settleSeconds(),
            r.settleCpuSeconds(),
            r.bytesPerRecord(),
            r.planSeconds(),
            r.planCpuSeconds());
      } finally {
        delete(dir);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d records x %d runs: settle (batches of %d) %s s wall, %s s CPU, %s records/s;"
            + " on disk %s bytes/record; second-run look-up + classify %s s wall, %s s CPU%n",
        records,
        repeats,
        BATCH,
        stats(results.stream().mapToDouble(Result::settleSeconds).toArray()),
        stats(results.stream().mapToDouble(Result::settleCpuSeconds).toArray()),
        stats(results.stream().mapToDouble(r -> r.records() / r.settleSeconds()).toArray()),
        stats(results.stream().mapToDouble(Result::bytesPerRecord).toArray()),
        stats(results.stream().mapToDouble(Result::planSeconds).toArray()),
        stats(results.stream().mapToDouble(Result::planCpuSeconds).toArray()));
  }

  /** Settles {@code records} contacts into a fresh state at {@code file}, then plans over them. */
  static Result run(Path file, int records) {
    long start = System.nanoTime();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    try (SyncState state = SyncState.open(file.toString());
        SyncRun run = state.beginRun("bench-portal", "bench-site", false)) {
      List<Settlement> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < records; i++) {
        SourceSnapshot s = contact(i);
        batch.add(
            Settlement.imported(
                ObjectType.CONTACT,
                s.hubSpotId(),
                "qm:" + i,
                s.identity(),
                FieldHashes.of(s.fields()),
                s.memberships()));
        if (batch.size() == BATCH) {
          run.settle(batch);
          batch.clear();
        }
      }
      run.settle(batch);
    }
    double settle = (System.nanoTime() - start) / 1e9;
    double settleCpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // closing the last connection checkpoints the WAL into the file; count any -wal/-shm anyway
    long bytes = size(file) + size(Path.of(file + "-wal")) + size(Path.of(file + "-shm"));
    long planStart = System.nanoTime();
    long planCpuStart = CPU.getCurrentThreadCpuTime();
    long unchanged = 0;
    try (SyncState state = SyncState.open(file.toString());
        SyncRun run = state.beginRun("bench-portal", "bench-site", false)) {
      for (int from = 0; from < records; from += BATCH) {
        List<SourceSnapshot> page = new ArrayList<>(BATCH);
        for (int i = from; i < Math.min(records, from + BATCH); i++) {
          page.add(contact(i));
        }
        Map<String, StoredRecord> stored =
            run.records(ObjectType.CONTACT, page.stream().map(SourceSnapshot::hubSpotId).toList());
        for (SourceSnapshot s : page) {
          if (DeltaPlanner.classify(s, stored.get(s.hubSpotId())).kind() == Delta.Kind.UNCHANGED) {
            unchanged++;
          }
        }
      }
    }
    if (unchanged != records) {
      throw new IllegalStateException(unchanged + " of " + records + " classified unchanged");
    }
    return new Result(
        records,
        settle,
        settleCpu,
        bytes,
        (System.nanoTime() - planStart) / 1e9,
        (CPU.getCurrentThreadCpuTime() - planCpuStart) / 1e9);
  }

  /** A contact shaped like a mapped HubSpot export row: 8 detail fields, 1 or 2 companies. */
  static SourceSnapshot contact(int i) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("Phone", List.of("+1-555-" + (1000 + i % 9000)));
    fields.put("Lifecycle stage", List.of(i % 3 == 0 ? "customer" : "lead"));
    fields.put("Job title", List.of("Engineer " + i % 97));
    fields.put("City", List.of("City " + i % 500));
    fields.put("Country", List.of("Country " + i % 50));
    fields.put("HubSpot owner", List.of("owner-" + i % 20));
    fields.put("Lead status", List.of("OPEN"));
    fields.put("Created in HubSpot", List.of("2026-0" + (1 + i % 9) + "-15"));
    Set<String> companies =
        i % 2 == 0 ? Set.of("co-" + i % 4000) : Set.of("co-" + i % 4000, "co-" + (i + 1) % 4000);
    return new SourceSnapshot(
        ObjectType.CONTACT,
        Integer.toString(1_000_000 + i),
        "c" + i + "@example.com",
        fields,
        companies);
  }

  static String stats(double[] xs) {
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.length;
    double var = 0;
    for (double x : xs) {
      var += (x - mean) * (x - mean);
    }
    double sd = xs.length > 1 ? Math.sqrt(var / (xs.length - 1)) : 0;
    return String.format(Locale.ROOT, "%.2f ± %.2f", mean, sd);
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
