package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.hubspot.state.Delta;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.SyncRun;
import java.util.List;
import java.util.Optional;

/**
 * Clears in CSM the detail values a HubSpot record no longer has: a profile update cannot clear a
 * value, so each such record gets a detail-value {@code DELETE} per cleared field, by CSM id, once
 * its profile update was accepted. Each record is then settled as it finally ended.
 */
final class DetailClears {
  private DetailClears() {}

  /**
   * Sends the clears and settles their records.
   *
   * @param target customer or organization details
   * @param phase names the importer's keys
   * @return the import of the clears
   */
  static ImportReport<Settler.PendingClear> run(
      PhaseImporters importers,
      BulkTarget<DetailUpdate, ? extends Batch<DetailUpdate>> target,
      String phase,
      SyncRun run,
      ObjectType type,
      List<Settler.PendingClear> pending,
      SyncTally tally) {
    Settler settler =
        new Settler(
            run,
            type,
            r -> Optional.of(withoutClears(((Settler.PendingClear) r).plan())),
            tally,
            r ->
                type.name().toLowerCase(java.util.Locale.ROOT)
                    + " "
                    + ((Settler.PendingClear) r).plan().snapshot().hubSpotId());
    try {
      return importers
          .importer(target, phase)
          .build()
          .run(pending, DetailClears::operation, settler);
    } finally {
      settler.flush();
    }
  }

  private static DetailUpdate operation(Settler.PendingClear c) {
    return DetailUpdate.of(
        c.plan().delta().csmId().orElseThrow(),
        c.plan().fieldsToClear().stream()
            .sorted()
            .map(DetailOperation::delete)
            .toArray(DetailOperation[]::new));
  }

  private static Planned withoutClears(Planned p) {
    Delta d = p.delta();
    return new Planned(
        p.snapshot(),
        new Delta(
            d.kind(),
            d.csmId(),
            d.changedFields(),
            java.util.Set.of(),
            d.addedMemberships(),
            d.removedMemberships(),
            d.identityChange(),
            d.fieldHashes()),
        p.links(),
        p.mapped(),
        p.sourceModifiedAt());
  }
}
