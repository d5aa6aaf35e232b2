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

  private final String keyPrefix;

  PhaseImporters(CsmClient csm, MigrationSettings settings) {
    this(csm, settings, settings.jobId());
  }

  /**
   * @param keyPrefix what the phases' job ids start with: the migration's job id, or the state's
   *     run id, which is unique to the run and the same when it is resumed
   */
  PhaseImporters(CsmClient csm, MigrationSettings settings, String keyPrefix) {
    this.csm = csm;
    this.settings = settings;
    this.keyPrefix = keyPrefix;
  }

  /**
   * An importer whose job id is {@code <keyPrefix>/<phase>}, so that each phase has its own keys.
   */
  <O extends BatchItem, B extends Batch<O>> BulkImporter.Builder<O, B> importer(
      BulkTarget<O, B> target, String phase) {
    return BulkImporter.builder(csm, target)
        .jobId(jobId(phase))
        .maxInFlight(settings.maxInFlight())
        .failureThreshold(settings.failureThreshold())
        .stopOnFailureThreshold(settings.stopOnFailureThreshold())
        .maxTaskWait(settings.maxTaskWait())
        .dryRun(settings.dryRun())
        .interruptGrace(settings.interruptGrace())
        .listener(settings.listener());
  }

  /** The job id of a phase: {@code <keyPrefix>/<phase>}. */
  String jobId(String phase) {
    return keyPrefix + "/" + phase;
  }

  /** The client the phases send with. */
  CsmClient csm() {
    return csm;
  }
}
