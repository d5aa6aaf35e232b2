package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.model.CustomerProfileBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The in-flight window: at most maxInFlight batches hold a slot; a stop frees a waiting one. */
class SubmitterWindowTest {
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Submitter<CustomerProfileBatch> submitter =
      new Submitter<>(
          PartsFixture.CSM.customerProfiles(),
          Clock.systemUTC(),
          PartsFixture.CSM.sleeper(),
          Duration.ofSeconds(60),
          new TaskDurations(Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofSeconds(1)),
          2,
          stopped::get);

  @Test
  void aThirdBatchWaitsUntilOneOfTwoSettles() throws Exception {
    var first = PartsFixture.batch(1, 0, 1);
    var second = PartsFixture.batch(2, 1, 1);
    var third = PartsFixture.batch(3, 2, 1);
    assertThat(submitter.acquire(first)).isTrue();
    assertThat(submitter.acquire(second)).isTrue();
    assertThat(submitter.free()).isZero();

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return submitter.acquire(third);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(waiting).isNotDone();

    submitter.release(first);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(third.holdsSlot).isTrue();
    assertThat(first.holdsSlot).isFalse();

    submitter.release(first); // a second release of the same batch gives nothing back
    assertThat(submitter.free()).isZero();
  }

  @Test
  void aStopWakesABatchWaitingForASlot() throws Exception {
    assertThat(submitter.acquire(PartsFixture.batch(1, 0, 1))).isTrue();
    assertThat(submitter.acquire(PartsFixture.batch(2, 1, 1))).isTrue();
    var third = PartsFixture.batch(3, 2, 1);
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return submitter.acquire(third);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    stopped.set(true);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(third.holdsSlot).isFalse();
  }
}
