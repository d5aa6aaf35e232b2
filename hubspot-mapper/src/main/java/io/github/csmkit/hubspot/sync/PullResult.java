package io.github.csmkit.hubspot.sync;

import java.time.Instant;
import java.util.List;

/**
 * What an {@link IncrementalPull} read. Every record a search returned is counted in exactly one of
 * {@link #records()}, {@code duplicates}, {@code superseded}, {@code alreadySettled} and {@code
 * outOfWindow}.
 *
 * @param records the records modified in the window, one per id (its latest version read), by id
 * @param windowStart the window's lower bound (inclusive), or null when the pull had none
 * @param windowEnd the window's upper bound (inclusive): the run's start
 * @param candidateWatermark the newest modification time read (at most {@code windowEnd}), or the
 *     previous watermark when nothing was read: the watermark to store once every record of {@code
 *     records} has settled
 * @param requests search requests sent
 * @param returned records the searches returned in all
 * @param duplicates results dropped because the same id and modification time was already read
 * @param superseded results dropped because a newer version of the same id was read
 * @param alreadySettled results dropped because the caller had settled that id at that time
 * @param outOfWindow results dropped because their modification time was outside the window
 */
public record PullResult(
    List<ChangedRecord> records,
    Instant windowStart,
    Instant windowEnd,
    Instant candidateWatermark,
    int requests,
    long returned,
    long duplicates,
    long superseded,
    long alreadySettled,
    long outOfWindow) {
  /** Copies the list. */
  public PullResult {
    records = List.copyOf(records);
  }
}
