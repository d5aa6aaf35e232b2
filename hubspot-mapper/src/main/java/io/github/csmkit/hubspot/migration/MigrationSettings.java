package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.state.SyncState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link HubSpotMigration.Builder} collected: the settings every phase reads, fixed for the
 * whole run.
 */
record MigrationSettings(
    Mapper mapper,
    String jobId,
    Optional<Path> journalDirectory,
    RecordFilter contactFilter,
    RecordFilter companyFilter,
    OptionalLong testBatch,
    int maxInFlight,
    double failureThreshold,
    boolean stopOnFailureThreshold,
    MigrationListener listener,
    boolean createDetailFields,
    boolean organizationsFromContacts,
    int verifySample,
    Duration maxTaskWait,
    DuplicatePolicy duplicatePolicy,
    Membership membership,
    Optional<SyncState> state,
    boolean retryFailedOnly,
    boolean dryRun,
    Duration interruptGrace) {

  /** The mapping's email property: the one key every de-duplication uses. */
  String emailProperty() {
    return mapper.mapping().emailProperty();
  }
}
