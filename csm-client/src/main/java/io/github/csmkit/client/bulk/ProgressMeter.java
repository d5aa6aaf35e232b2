package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Progress, rate and ETA from the counts, and the failure-rate alert, raised once. Thread-safe. */
final class ProgressMeter {
  private final Instant startedAt;
  private final OptionalLong total;
  private final int minRecords;
  private final double threshold;
  private boolean alerted;

  /**
   * @param minRecords the records to read before the rate is judged (one batch)
   * @param threshold the failure rate above which to alert
   */
  ProgressMeter(Instant startedAt, OptionalLong total, int minRecords, double threshold) {
    this.startedAt = startedAt;
    this.total = total;
    this.minRecords = minRecords;
    this.threshold = threshold;
  }

  /**
   * A reading.
   *
   * @param progress how far the import is
   * @param alertRate the failure rate, present the first time it passes the threshold
   */
  record Reading(ImportListener.Progress progress, Optional<Double> alertRate) {}

  synchronized Reading read(Counts c, Instant now) {
    long done =
        c.rejected()
            + c.duplicates()
            + c.notSubmitted()
            + c.succeeded()
            + c.failed()
            + c.unresolved();
    double seconds = Math.max(1e-3, Duration.between(startedAt, now).toNanos() / 1e9);
    double perSecond = done / seconds;
    Optional<Duration> eta =
        total.isPresent() && perSecond > 0
            ? Optional.of(
                Duration.ofMillis(
                    (long) (Math.max(0, total.getAsLong() - done) / perSecond * 1000)))
            : Optional.empty();
    // over the records read (as the guide does), not those resolved: rejections are known at
    // once but successes only when their task ends, which would make early rates look too high
    long bad = c.rejected() + c.failed();
    long considered = c.read() - c.duplicates();
    double rate = considered == 0 ? 0 : (double) bad / considered;
    Optional<Double> alert = Optional.empty();
    if (!alerted && considered >= minRecords && rate > threshold) {
      alerted = true;
      alert = Optional.of(rate);
    }
    return new Reading(new ImportListener.Progress(done, total, perSecond, eta), alert);
  }
}
