package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.PollPolicy;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.state.SyncState;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A {@link HubSpotSync} run in a second process, for {@link SyncCrashTest}: job {@code crash}, the
 * state file given, and, when a kill point is named, prints {@code KILLPOINT <point>} and blocks
 * for good the moment the run reaches it (one task in flight, so nothing else settles meanwhile);
 * the parent then kills this process. A run that ends prints {@code DONE <complete> <created>
 * <updated> <failed> <rejected> <not imported> <unknown-company warnings>}.
 *
 * <p>Arguments: CSM base URI, HubSpot base URI, state file, kill point. A kill point is {@code
 * <where>:<event>:<n>} — where {@code ORGANIZATIONS}, {@code CUSTOMERS} (the customer import) or
 * {@code CLEARS} (the detail-value DELETEs after it), event {@code submitted} or {@code finished},
 * n that importer's batch — or {@code WATERMARK:<type>} (right after that type's watermark was
 * stored), or {@code none}. The tokens are in {@code CSM_TOKEN} and {@code HUBSPOT_TOKEN}.
 */
public final class SyncRunChild {
  private SyncRunChild() {}

  public static void main(String[] args) throws Exception {
    String point = args[3];
    HubSpotApiClient hubspot =
        HubSpotApiClient.builder()
            .baseUri(URI.create(args[1]))
            .token(System.getenv("HUBSPOT_TOKEN"))
            .build();
    try (CsmClient csm =
            CsmClient.builder()
                .baseUri(URI.create(args[0]))
                .credentials(Credentials.bearer(System.getenv("CSM_TOKEN")))
                // the sandbox's tasks end in milliseconds: poll soon, not after a second
                .pollPolicy(
                    PollPolicy.builder()
                        .initialDelay(Duration.ofMillis(20))
                        .maxDelay(Duration.ofMillis(100))
                        .build())
                .build();
        SyncState state = SyncState.open(args[2])) {
      HubSpotSyncReport report =
          HubSpotSync.builder(csm, hubspot, state)
              .jobId("crash")
              .overlap(Duration.ofMillis(500))
              .verifySample(0)
              .listener(new KillPoint(point))
              // a blocked listener then freezes the whole pipeline: no other batch settles
              .maxInFlight(point.equals("none") ? 5 : 1)
              .watermarkStored(
                  type -> {
                    if (point.equals("WATERMARK:" + type)) {
                      block(point);
                    }
                  })
              .build()
              .run();
      MigrationReport m = report.migration().orElseThrow();
      SyncCounts c = m.sync().orElseThrow().total();
      long unknown =
          m.mappingWarnings().stream().filter(w -> w.contains("is not in the companies")).count();
      System.out.println(
          String.join(
              " ",
              "DONE",
              String.valueOf(report.complete()),
              String.valueOf(c.created()),
              String.valueOf(c.updated()),
              String.valueOf(c.failed()),
              String.valueOf(c.rejected()),
              String.valueOf(m.recordsNotImported()),
              String.valueOf(unknown)));
      report.stopReason().ifPresent(r -> System.out.println("STOPPED " + r));
    }
  }

  /** Tells the parent, then waits to be killed. */
  static void block(String point) {
    System.out.println("KILLPOINT " + point);
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Blocks at a batch event of the named importer. The customer phase runs two importers, each
   * numbering its batches from 1: a batch 1 submitted there starts the next.
   */
  private static final class KillPoint implements MigrationListener {
    private final String point;
    private volatile String phase = "";
    private int customerImporters;

    KillPoint(String point) {
      this.point = point;
    }

    @Override
    public void phaseStarted(Phase phase, OptionalLong total) {
      this.phase = phase.name();
    }

    @Override
    public synchronized void batchSubmitted(ImportReport.BatchLog log) {
      if (phase.equals("CUSTOMERS") && log.batch() == 1) {
        customerImporters++;
      }
      at("submitted", log.batch());
    }

    @Override
    public synchronized void batchFinished(ImportReport.BatchLog log) {
      at("finished", log.batch());
    }

    private void at(String event, int batch) {
      String where =
          phase.equals("CUSTOMERS") ? (customerImporters <= 1 ? "CUSTOMERS" : "CLEARS") : phase;
      if (point.equals(where + ":" + event + ":" + batch)) {
        block(point);
      }
    }
  }
}
