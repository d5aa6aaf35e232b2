package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.hubspot.source.ArchivedRecord;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotApiEndpoint;
import io.github.csmkit.hubspot.source.HubSpotChangeSet;
import io.github.csmkit.hubspot.source.HubSpotChanges;
import io.github.csmkit.hubspot.source.HubSpotDailyLimitException;
import io.github.csmkit.hubspot.source.HubSpotWatermark;
import io.github.csmkit.hubspot.source.MergedRecord;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Outcome;
import io.github.csmkit.hubspot.state.RunStatus;
import io.github.csmkit.hubspot.state.StoredRecord;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.sync.PullResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of a {@link HubSpotSync} inside the state's run: read, migrate, then move each type's
 * watermark only when that type settled in full, and report.
 */
final class SyncPass {
  private final HubSpotMigration migration;
  private final HubSpotApiClient hubspot;
  private final SyncRun run;
  private final HubSpotChanges changes;
  private final Instant runStart;
  private final Consumer<ObjectType> watermarkStored;

  SyncPass(
      HubSpotMigration migration,
      HubSpotApiClient hubspot,
      SyncRun run,
      HubSpotChanges changes,
      Instant runStart,
      Consumer<ObjectType> watermarkStored) {
    this.migration = migration;
    this.hubspot = hubspot;
    this.run = run;
    this.changes = changes;
    this.runStart = runStart;
    this.watermarkStored = watermarkStored;
  }

  /**
   * Whether the state settled this version of a record: imported at this modification time, with no
   * cleared value still to delete. A failed or rejected version is not: re-read in the overlap, it
   * is sent again.
   */
  static boolean settled(SyncRun run, ObjectType type, String id, Instant modifiedAt) {
    StoredRecord r = run.records(type, List.of(id)).get(id);
    return r != null
        && r.outcome() == Outcome.IMPORTED
        && r.sourceModifiedAt().filter(modifiedAt::equals).isPresent()
        && !r.fieldHashes().containsValue(Settler.NOT_CLEARED);
  }

  HubSpotSyncReport run() {
    HubSpotWatermark before =
        new HubSpotWatermark(
            run.watermark(ObjectType.CONTACT).orElse(null),
            run.watermark(ObjectType.COMPANY).orElse(null));
    Map<HubSpotApiEndpoint, Long> requestsBefore = hubspot.requestCounts();
    HubSpotChangeSet read;
    try {
      read = changes.read(before, runStart);
    } catch (HubSpotDailyLimitException e) {
      return stopped(before, requestsBefore, Optional.empty(), null, dailyLimit(e), true);
    }
    MigrationReport report =
        migration.runIn(
            run, read.companies(), read.companiesFull(), read.contacts(), read.contactsFull());
    Optional<MigrationFailure> failure = report.failure();
    if (failure.isPresent()) {
      Optional<HubSpotDailyLimitException> limit = dailyLimitIn(failure.get().cause());
      // a full read met the limit while the migration streamed it: what settled is saved, and the
      // run ends; any other failure leaves the run RUNNING, so the next resumes it with its keys
      return stopped(
          before,
          requestsBefore,
          Optional.of(report),
          read,
          limit.map(SyncPass::dailyLimit).orElse(failure.get().message()),
          limit.isPresent());
    }
    boolean companiesDone = report.organizations().map(SyncPass::settledAll).orElse(false);
    boolean contactsDone = report.customers().map(SyncPass::settledAll).orElse(false);
    companiesDone &= noPendingClears(ObjectType.COMPANY);
    contactsDone &= noPendingClears(ObjectType.CONTACT);
    HubSpotWatermark candidate = read.candidateWatermark();
    Instant contactsAfter =
        move(ObjectType.CONTACT, before.contacts(), candidate.contacts(), contactsDone);
    Instant companiesAfter =
        move(ObjectType.COMPANY, before.companies(), candidate.companies(), companiesDone);
    Optional<String> stop = report.stopReason();
    if (stop.isEmpty() && !(contactsDone && companiesDone)) {
      stop =
          Optional.of(
              "not every record read settled (a batch unresolved, not sent, or a value not"
                  + " yet cleared): the watermark of "
                  + (contactsDone ? "" : "contacts" + (companiesDone ? "" : " and "))
                  + (companiesDone ? "" : "companies")
                  + " stays where it was, and the next sync reads those records again");
    }
    finish(Optional.of(report), stop.isPresent());
    return new HubSpotSyncReport(
        run.info().jobId(),
        run.runId(),
        Optional.of(report),
        part(
            ObjectType.CONTACT,
            read.contactsFull(),
            before.contacts(),
            contactsAfter,
            read.contactPull(),
            read.archivedContacts(),
            read.mergedContacts()),
        part(
            ObjectType.COMPANY,
            read.companiesFull(),
            before.companies(),
            companiesAfter,
            read.companyPull(),
            read.archivedCompanies(),
            read.mergedCompanies()),
        since(requestsBefore),
        stop);
  }

  private HubSpotSyncReport stopped(
      HubSpotWatermark before,
      Map<HubSpotApiEndpoint, Long> requestsBefore,
      Optional<MigrationReport> report,
      HubSpotChangeSet read,
      String reason,
      boolean endRun) {
    if (endRun) {
      finish(report, true);
    }
    boolean wasRead = read != null;
    return new HubSpotSyncReport(
        run.info().jobId(),
        run.runId(),
        report,
        new HubSpotSyncReport.Part(
            wasRead && read.contactsFull(),
            wasRead,
            Optional.ofNullable(before.contacts()),
            Optional.ofNullable(before.contacts()),
            0,
            List.of(),
            List.of()),
        new HubSpotSyncReport.Part(
            wasRead && read.companiesFull(),
            wasRead,
            Optional.ofNullable(before.companies()),
            Optional.ofNullable(before.companies()),
            0,
            List.of(),
            List.of()),
        since(requestsBefore),
        Optional.of(reason));
  }

  private static String dailyLimit(HubSpotDailyLimitException e) {
    return "HubSpot's daily API limit is reached ("
        + e.getMessage()
        + "): what settled is saved, the watermarks stay where they were, and the next sync"
        + " continues";
  }

  private static Optional<HubSpotDailyLimitException> dailyLimitIn(Throwable e) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof HubSpotDailyLimitException d) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** Every record of the phase ended where the state records it. */
  private static boolean settledAll(ImportReport<?> r) {
    ImportReport.Counts c = r.counts();
    return !r.stopped() && c.unresolved() == 0 && c.notSubmitted() == 0 && c.unattributed() == 0;
  }

  /** No record of the type still holds a value CSM has and HubSpot cleared. */
  private boolean noPendingClears(ObjectType type) {
    return !run.holdsFieldHash(type, Settler.NOT_CLEARED);
  }

  /** Stores the candidate when the type settled and it is newer; returns the watermark after. */
  private Instant move(ObjectType type, Instant before, Instant candidate, boolean settled) {
    if (!settled || candidate == null || (before != null && !candidate.isAfter(before))) {
      return before;
    }
    run.setWatermark(type, candidate);
    watermarkStored.accept(type);
    return candidate;
  }

  private HubSpotSyncReport.Part part(
      ObjectType type,
      boolean full,
      Instant before,
      Instant after,
      Optional<PullResult> pull,
      List<ArchivedRecord> archived,
      List<MergedRecord> merged) {
    List<String> ids = new ArrayList<>();
    archived.forEach(a -> ids.add(a.id()));
    merged.forEach(
        m -> {
          ids.add(m.mergedId());
          ids.add(m.survivorId());
        });
    Map<String, StoredRecord> stored = ids.isEmpty() ? Map.of() : run.records(type, ids);
    List<HubSpotSyncReport.Archived> a = new ArrayList<>();
    for (ArchivedRecord r : archived) {
      StoredRecord s = stored.get(r.id());
      a.add(
          new HubSpotSyncReport.Archived(
              r.id(),
              r.archivedAt(),
              s == null ? Optional.empty() : s.csmId(),
              s == null ? Optional.empty() : s.identity()));
    }
    List<HubSpotSyncReport.Merged> m = new ArrayList<>();
    for (MergedRecord r : merged) {
      StoredRecord gone = stored.get(r.mergedId());
      StoredRecord survivor = stored.get(r.survivorId());
      m.add(
          new HubSpotSyncReport.Merged(
              r.mergedId(),
              r.survivorId(),
              gone == null ? Optional.empty() : gone.csmId(),
              survivor == null ? Optional.empty() : survivor.csmId()));
    }
    return new HubSpotSyncReport.Part(
        full,
        true,
        Optional.ofNullable(before),
        Optional.ofNullable(after),
        pull.map(PullResult::alreadySettled).orElse(0L),
        a,
        m);
  }

  private Map<HubSpotApiEndpoint, Long> since(Map<HubSpotApiEndpoint, Long> before) {
    Map<HubSpotApiEndpoint, Long> out = new EnumMap<>(HubSpotApiEndpoint.class);
    hubspot
        .requestCounts()
        .forEach(
            (e, n) -> {
              long d = n - before.getOrDefault(e, 0L);
              if (d > 0) {
                out.put(e, d);
              }
            });
    return out;
  }

  /** Ends the run: aborted when it stopped, so the next starts afresh from the watermarks. */
  private void finish(Optional<MigrationReport> report, boolean stopped) {
    SyncCounts total =
        report.flatMap(MigrationReport::sync).map(SyncSection::total).orElse(SyncCounts.ZERO);
    run.finish(stopped ? RunStatus.ABORTED : RunStatus.COMPLETED, total.toRunCounts());
  }
}
