package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.state.SyncState;
import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A state-backed migration in a second process, for {@link DeltaCrashTest}: runs job {@code crash}
 * with the state and export given, and, when a kill point is named, prints {@code KILLPOINT} and
 * blocks forever the moment the migration reaches it (one task in flight) (the parent then kills
 * this process), so that the point is exact rather than a matter of timing. A run that ends prints
 * {@code DONE <created> <updated> <unchanged> <retried> <failed> <rejected> <not imported>}.
 *
 * <p>Arguments: base URI, state file, companies CSV, contacts CSV, and a kill point {@code
 * <where>:<event>:<n>} or {@code none}: where is {@code ORGANIZATIONS}, {@code CUSTOMERS} (the
 * customer import) or {@code CLEARS} (the detail-value deletes after it), event {@code submitted}
 * or {@code finished}, n the batch of that importer. The token is in {@code CSM_TOKEN}.
 */
public final class DeltaRunChild {
  private DeltaRunChild() {}

  public static void main(String[] args) throws Exception {
    KillPoint kill = KillPoint.parse(args[4]);
    try (CsmClient csm =
            CsmClient.builder()
                .baseUri(URI.create(args[0]))
                .credentials(Credentials.bearer(System.getenv("CSM_TOKEN")))
                .build();
        SyncState state = SyncState.open(args[1])) {
      MigrationReport report =
          HubSpotMigration.builder(csm)
              .jobId("crash")
              .state(state)
              .listener(kill)
              // one task at a time: a listener that blocks then freezes the whole pipeline, so
              // no other batch settles after the kill point (with 5 in flight, others did)
              .maxInFlight(1)
              .build()
              .run(
                  CsvExportSource.companies(Path.of(args[2])),
                  () -> CsvExportSource.contacts(Path.of(args[3])));
      SyncCounts c = report.sync().orElseThrow().total();
      System.out.println(
          "DONE "
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
              + report.recordsNotImported());
    }
  }

  /** Blocks the migration's thread for good when it reaches the point. */
  private static final class KillPoint implements MigrationListener {
    private final String where;
    private final String event;
    private final int batch;
    private volatile String phase = "";
    private int customerImports; // the customer phase runs the import, then the clears
    private int lastCustomerBatch;

    private KillPoint(String where, String event, int batch) {
      this.where = where;
      this.event = event;
      this.batch = batch;
    }

    static KillPoint parse(String spec) {
      if (spec.equals("none")) {
        return new KillPoint("", "", 0);
      }
      String[] p = spec.split(":");
      return new KillPoint(p[0], p[1], Integer.parseInt(p[2]));
    }

    @Override
    public void phaseStarted(Phase phase, OptionalLong total) {
      this.phase = phase.name();
    }

    @Override
    public synchronized void batchSubmitted(ImportReport.BatchLog log) {
      if (phase.equals("CUSTOMERS") && (customerImports == 0 || log.batch() <= lastCustomerBatch)) {
        customerImports++; // batch numbers start again: the next importer of the phase
      }
      lastCustomerBatch = log.batch();
      reached("submitted", log);
    }

    @Override
    public synchronized void batchFinished(ImportReport.BatchLog log) {
      reached("finished", log);
    }

    private void reached(String what, ImportReport.BatchLog log) {
      String here =
          phase.equals("CUSTOMERS") ? (customerImports <= 1 ? "CUSTOMERS" : "CLEARS") : phase;
      if (here.equals(where) && what.equals(event) && log.batch() == batch) {
        System.out.println("KILLPOINT " + where + ":" + event + ":" + batch);
        System.out.flush();
        try {
          Thread.sleep(Long.MAX_VALUE); // the parent kills the process here
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
