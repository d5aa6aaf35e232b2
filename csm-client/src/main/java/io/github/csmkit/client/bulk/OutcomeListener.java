package io.github.csmkit.client.bulk;

/**
 * Receives every record's final outcome as it becomes known, in the spirit of Elasticsearch's
 * {@code BulkListener}: a dead-letter file, a sync state or a metrics sink written as the import
 * runs, instead of from the report at the end (with {@link BulkImporter.Builder#keepFailures(int)}
 * the report then need not hold every failure on the heap).
 *
 * <p>Calls come from the engine's threads, one at a time, each record once; all of a run's calls
 * have returned when its report is returned. A listener that throws stops the import (no new
 * batches) and is still called for the rest.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface OutcomeListener<R> {
  /** Ignores every outcome. */
  OutcomeListener<Object> NONE = o -> {};

  /** One record's outcome. */
  void outcome(RecordOutcome<? extends R> outcome);
}
