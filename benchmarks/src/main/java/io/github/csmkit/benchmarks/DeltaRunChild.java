package io.github.csmkit.benchmarks;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.migration.HubSpotMigration;
import io.github.csmkit.hubspot.migration.MigrationListener;
import io.github.csmkit.hubspot.migration.MigrationReport;
import io.github.csmkit.hubspot.migration.SyncCounts;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.SyncState;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 6, the child JVM: one run of the migration (default settings) with a SQLite sync state,
 * into a sandbox served by the parent. When the import pass over the contacts (the second read of
 * them, after the organizations' scan) has read each checkpoint's number of records, it prints the
 * heap used after a full GC.
 *
 * <p>Output lines: {@code HEAP <records> <bytes>} ({@code -1}: after the run), then {@code DONE
 * <wall s> <process CPU s> <created> <updated> <unchanged> <retried> <failed> <rejected> <gone>
 * <notImported>}; {@code PHASE_START} and {@code PHASE_END} lines ({@link PhaseTimes}). Arguments:
 * base URI, token, companies CSV, contacts CSV, state file, checkpoints.
 */
public final class DeltaRunChild {
  private DeltaRunChild() {}

  public static void main(String[] args) throws Exception {
    Quiet.engineLogs();
    URI base = URI.create(args[0]);
    Path companies = Path.of(args[2]);
    Path contacts = Path.of(args[3]);
    Set<Long> checkpoints = new TreeSet<>();
    for (int i = 5; i < args.length; i++) {
      checkpoints.add(Long.parseLong(args[i]));
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicInteger reads = new AtomicInteger();
    long start = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    MigrationReport report;
    try (CsmClient csm = Sandboxes.client(base, args[1]);
        SyncState state = SyncState.open(args[4])) {
      report =
          HubSpotMigration.builder(csm)
              .jobId("bench-delta")
              .state(state)
              .listener(new PhaseTimes(start))
              .build()
              .run(
                  CsvExportSource.companies(companies),
                  () -> {
                    CsvExportSource<HubSpotContact> source = CsvExportSource.contacts(contacts);
                    // the first read is the organizations' scan; the second is the import
                    return reads.incrementAndGet() == 2
                        ? new Measured(source, checkpoints)
                        : source;
                  });
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    MemoryChild.heap(-1);
    SyncCounts c = report.sync().orElseThrow().total();
    System.out.println(
        "DONE "
            + wall
            + " "
            + cpu
            + " "
            + c.created()
            + " "
            + c.updated()
            + " "
            + c.unchanged()
            + " "
            + c.retried()
            + " "
            + c.failed()
            + " "
            + c.rejected()
            + " "
            + c.gone()
            + " "
            + report.recordsNotImported());
  }

  /** Prints {@code PHASE_START <phase> <s>} and {@code PHASE_END <phase> <s>}, from the start. */
  private record PhaseTimes(long start) implements MigrationListener {
    @Override
    public void phaseStarted(Phase phase, OptionalLong total) {
      System.out.println("PHASE_START " + phase + " " + (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void phaseFinished(Phase phase, String summary) {
      System.out.println("PHASE_END " + phase + " " + (System.nanoTime() - start) / 1e9);
    }
  }

  /** The contacts, with a heap reading when each checkpoint's number of records has been read. */
  private record Measured(CsvExportSource<HubSpotContact> source, Set<Long> checkpoints)
      implements Iterable<SourceRecord<HubSpotContact>>, AutoCloseable {
    @Override
    public Iterator<SourceRecord<HubSpotContact>> iterator() {
      Iterator<SourceRecord<HubSpotContact>> it = source.iterator();
      return new Iterator<>() {
        long read;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public SourceRecord<HubSpotContact> next() {
          SourceRecord<HubSpotContact> r = it.next();
          if (checkpoints.contains(++read)) {
            MemoryChild.heap(read);
          }
          return r;
        }
      };
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
