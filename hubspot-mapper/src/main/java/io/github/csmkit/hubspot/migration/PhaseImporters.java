package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;

/** Makes each phase's bulk importer with the migration's common settings. */
final class PhaseImporters {
  private final CsmClient csm;
  private final MigrationSettings settings;

  PhaseImporters(CsmClient csm, MigrationSettings settings) {
    this.csm = csm;
    this.settings = settings;
  }

  /** An importer whose job id is {@code <jobId>/<phase>}, so that each phase has its own keys. */
  <O extends BatchItem, B extends Batch<O>> BulkImporter.Builder<O, B> importer(
      BulkTarget<O, B> target, String phase) {
    return csm.importer(target)
        .jobId(settings.jobId() + "/" + phase)
        .maxInFlight(settings.maxInFlight())
        .failureThreshold(settings.failureThreshold())
        .stopOnFailureThreshold(settings.stopOnFailureThreshold())
        .maxTaskWait(settings.maxTaskWait())
        .dryRun(settings.dryRun())
        .listener(settings.listener());
  }
}
