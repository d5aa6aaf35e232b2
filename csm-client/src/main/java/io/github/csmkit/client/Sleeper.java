package io.github.csmkit.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between retries and polls. Waiting is asynchronous — a future that completes
 * after the delay — so no thread is blocked while an async call waits; a synchronous call blocks on
 * the future. Tests inject a sleeper that records the delays and completes at once.
 */
@FunctionalInterface
public interface Sleeper {
  /** A future that completes after {@code delay}; cancelling it may abandon the wait. */
  CompletableFuture<Void> sleep(Duration delay);

  /**
   * Real time: completes on {@code executor} after the delay, without holding a thread meanwhile.
   */
  static Sleeper system(Executor executor) {
    return delay ->
        delay.isZero() || delay.isNegative()
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(
                () -> {},
                CompletableFuture.delayedExecutor(
                    delay.toMillis(), TimeUnit.MILLISECONDS, executor));
  }
}
