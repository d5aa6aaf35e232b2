package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lending: a slot whose task is predicted done takes one borrower, who owns it when it settles. */
class WindowTest {
  private final Window window = new Window(1);

  @Test
  void aLentSlotTakesOneBorrowerWhoOwnsItWhenTheLenderSettles() throws Exception {
    var lender = PartsFixture.batch(1, 0, 1);
    var borrower = PartsFixture.batch(2, 1, 1);
    var third = PartsFixture.batch(3, 2, 1);
    assertThat(window.acquire(lender, () -> false)).isTrue();
    assertThat(window.free()).isZero();

    window.lend(lender);
    window.lend(lender); // lending twice lends once
    assertThat(window.free()).isEqualTo(1);
    assertThat(window.acquire(borrower, () -> false)).isTrue();
    assertThat(window.borrowing(borrower)).isTrue();
    assertThat(window.borrowing(lender)).isFalse();
    assertThat(window.free()).isZero();
    CompletableFuture<Void> owned = window.whenOwned(borrower);
    assertThat(owned).isNotDone();

    // a third batch waits: the one lent slot has its borrower
    CompletableFuture<Boolean> waiting = acquireAsync(third);
    Thread.sleep(150);
    assertThat(waiting).isNotDone();

    window.release(lender);
    assertThat(owned).isCompleted();
    assertThat(window.borrowing(borrower)).isFalse();
    assertThat(borrower.holdsSlot).isTrue();
    assertThat(lender.holdsSlot).isFalse();
    Thread.sleep(150);
    assertThat(waiting).isNotDone(); // the slot passed to the borrower, it was not freed
    assertThat(window.free()).isZero();

    window.release(borrower);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBorrowerThatEndsFirstGivesTheLoanBackAndTheLenderKeepsItsSlot() throws Exception {
    var lender = PartsFixture.batch(1, 0, 1);
    var borrower = PartsFixture.batch(2, 1, 1);
    assertThat(window.acquire(lender, () -> false)).isTrue();
    window.lend(lender);
    assertThat(window.acquire(borrower, () -> false)).isTrue();
    CompletableFuture<Void> owned = window.whenOwned(borrower);

    window.release(borrower); // say its submit failed
    window.release(borrower); // once
    assertThat(owned).isCompleted();
    assertThat(borrower.holdsSlot).isFalse();
    assertThat(window.free()).isEqualTo(1); // lent again, to the next batch

    window.release(lender);
    assertThat(window.free()).isEqualTo(1);
    var next = PartsFixture.batch(3, 2, 1);
    assertThat(window.acquire(next, () -> false)).isTrue();
    assertThat(window.borrowing(next)).isFalse();
    assertThat(window.free()).isZero();
  }

  @Test
  void aBorrowerPredictedDoneBeforeItOwnsTheSlotLendsItOnTheHandOver() throws Exception {
    var lender = PartsFixture.batch(1, 0, 1);
    var borrower = PartsFixture.batch(2, 1, 1);
    assertThat(window.acquire(lender, () -> false)).isTrue();
    window.lend(lender);
    assertThat(window.acquire(borrower, () -> false)).isTrue();
    window.lend(borrower); // its own task's predicted end came while the lender still held
    assertThat(window.free()).isZero(); // one borrower a slot

    window.release(lender);
    assertThat(window.free()).isEqualTo(1);
    var next = PartsFixture.batch(3, 2, 1);
    assertThat(window.acquire(next, () -> false)).isTrue();
    assertThat(window.borrowing(next)).isTrue();
  }

  @Test
  void aLendAfterTheBatchSettledLendsNothing() throws Exception {
    var batch = PartsFixture.batch(1, 0, 1);
    assertThat(window.acquire(batch, () -> false)).isTrue();
    window.release(batch);
    window.lend(batch);
    assertThat(window.free()).isEqualTo(1);
    assertThat(window.whenOwned(batch)).isCompleted();
  }

  private CompletableFuture<Boolean> acquireAsync(InFlightBatch<?, ?, ?> batch) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return window.acquire(batch, () -> false);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
