package io.github.csmkit.client.bulk;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Follows an import as it runs: batches submitted and finished, progress with rate and ETA, and the
 * failure-rate alert. Called from the engine's threads; keep it quick and do not throw (exceptions
 * are logged and ignored).
 */
public interface ImportListener {
  /** A listener that does nothing. */
  ImportListener NONE = new ImportListener() {};

  /** A batch was accepted by the server (or, on resume, found in the journal as submitted). */
  default void batchSubmitted(ImportReport.BatchLog batch) {}

  /** A batch's task ended (or was given up as unresolved). */
  default void batchFinished(ImportReport.BatchLog batch) {}

  /** Records done so far, after each batch. */
  default void progress(Progress progress) {}

  /**
   * The share of failed records (rejected locally or failed at the server) among the records read
   * so far (duplicates aside) passed the threshold. Called once per import.
   */
  default void failureThresholdExceeded(double rate, double threshold) {}

  /**
   * How far an import is.
   *
   * @param done records resolved: imported, failed, rejected, skipped as duplicates or unresolved
   * @param total the number of input records, when known
   * @param recordsPerSecond records resolved per second since the start
   * @param eta the estimated time left, when the total is known
   */
  record Progress(long done, OptionalLong total, double recordsPerSecond, Optional<Duration> eta) {}
}
