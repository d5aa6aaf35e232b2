package io.github.csmkit.benchmarks;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Benchmark 3, the child JVM (run with a small heap): streams a contacts CSV through the mapper and
 * the engine (default settings) into a sandbox served by the parent, and prints the heap used after
 * a full GC when the producer has read each checkpoint's number of records, and after the run.
 *
 * <p>Output lines: {@code HEAP <records> <bytes>}, then {@code DONE <read> <succeeded> <balanced>
 * <seconds>}. Arguments: base URI, token, CSV file, checkpoints (record counts).
 */
public final class MemoryChild {
  private MemoryChild() {}

  public static void main(String[] args) throws Exception {
    Quiet.engineLogs();
    URI base = URI.create(args[0]);
    String token = args[1];
    Path csv = Path.of(args[2]);
    Set<Long> checkpoints = new java.util.TreeSet<>();
    for (int i = 3; i < args.length; i++) {
      checkpoints.add(Long.parseLong(args[i]));
    }
    long start = System.nanoTime();
    try (CsmClient csm = Sandboxes.client(base, token);
        CsvExportSource<HubSpotContact> source = CsvExportSource.contacts(csv)) {
      Iterator<SourceRecord<HubSpotContact>> it = source.iterator();
      Iterable<SourceRecord<HubSpotContact>> measured =
          () ->
              new Iterator<>() {
                long read;

                @Override
                public boolean hasNext() {
                  return it.hasNext();
                }

                @Override
                public SourceRecord<HubSpotContact> next() {
                  SourceRecord<HubSpotContact> r = it.next();
                  if (checkpoints.contains(++read)) {
                    heap(read);
                  }
                  return r;
                }
              };
      var importer = BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES).jobId("bench-memory");
      if (!Boolean.parseBoolean(System.getProperty("bench.dedupe", "true"))) {
        importer.noDedupe();
      }
      ImportReport<SourceRecord<HubSpotContact>> report =
          importer.build().run(measured, MemoryChild::operation);
      double seconds = (System.nanoTime() - start) / 1e9;
      heap(-1);
      ImportReport.Counts c = report.counts();
      System.out.println(
          "DONE " + c.read() + " " + c.succeeded() + " " + c.balanced() + " " + seconds);
      if (c.succeeded() != c.read()) {
        System.out.println("FAILURES " + report.failures().stream().limit(3).toList());
      }
    }
  }

  private static CustomerProfileOperation operation(SourceRecord<HubSpotContact> r) {
    if (r instanceof SourceRecord.Parsed<HubSpotContact> p) {
      MappedContact m = MAPPER.map(p.value());
      return m.operation().orElseThrow(() -> new IllegalArgumentException(m.rejectionReason()));
    }
    throw new IllegalArgumentException(r.toString());
  }

  private static final Mapper MAPPER = Mapper.of(HubSpotMapping.defaults());

  /** Heap used after full collections: what the run keeps alive at this point. */
  static void heap(long records) {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.println("HEAP " + records + " " + used);
    System.out.flush();
    if (Boolean.getBoolean("bench.histogram")) {
      histogram(records);
    }
  }

  /** With -Dbench.histogram=true: the top of {@code jcmd <pid> GC.class_histogram}, to stderr. */
  private static void histogram(long records) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(
                  jcmd.toString(),
                  Long.toString(ProcessHandle.current().pid()),
                  "GC.class_histogram")
              .redirectErrorStream(true)
              .start();
      List<String> lines =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .limit(16)
              .toList();
      p.waitFor();
      System.err.println("histogram at " + records + " records:");
      lines.forEach(l -> System.err.println("  " + l));
    } catch (java.io.IOException e) {
      System.err.println("no histogram: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
