package io.github.csmkit.client.bulk;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-flight window: {@code size} slots, each held by one batch from before its submit until it
 * settles. A batch whose task is past its predicted end <em>lends</em> its slot: one more batch may
 * borrow it and be submitted at once, without waiting for the poll that confirms the end. The
 * borrower owns the slot when the lender settles. So at most {@code size} batches are unfinished as
 * the engine sees them (a lent slot's task is predicted done); the server's answer to a borrower's
 * submit tells whether the prediction was right. Each slot has at most one borrower.
 */
final class Window {
  /** One slot: its owner and, once the owner lent it, at most one borrower. */
  static final class Slot {
    private InFlightBatch<?, ?, ?> owner;
    private @Nullable InFlightBatch<?, ?, ?> borrower;
    private @Nullable CompletableFuture<Void> handedOver;
    private boolean lent;
    private boolean borrowerDone; // the borrower's own task is predicted done already

    private Slot(InFlightBatch<?, ?, ?> owner) {
      this.owner = owner;
    }
  }

  private final int size;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Slot> lendable = new ArrayDeque<>(); // lent, no borrower yet
  private int owned;

  Window(int size) {
    this.size = size;
  }

  /**
   * Blocks until the batch holds a slot of its own or a borrowed one; false when the run stopped
   * first.
   *
   * @throws InterruptedException if the caller is interrupted (a close)
   */
  boolean acquire(InFlightBatch<?, ?, ?> batch, BooleanSupplier stopped)
      throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!stopped.getAsBoolean()) {
        if (owned < size) {
          owned++;
          batch.slot = new Slot(batch);
          batch.holdsSlot = true;
          return true;
        }
        Slot s = lendable.poll();
        if (s != null) {
          s.borrower = batch;
          s.handedOver = new CompletableFuture<>();
          batch.slot = s;
          batch.holdsSlot = true;
          return true;
        }
        changed.await(50, TimeUnit.MILLISECONDS);
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** The batch's task is predicted done: one more batch may borrow its slot. */
  void lend(InFlightBatch<?, ?, ?> batch) {
    lock.lock();
    try {
      Slot s = batch.slot;
      if (s != null && s.owner == batch && !s.lent) {
        s.lent = true;
        lendable.add(s);
        changed.signalAll();
      } else if (s != null && s.borrower == batch) {
        s.borrowerDone = true; // lent as soon as the slot is the batch's
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the batch holds a borrowed slot, whose owner has not settled yet. */
  boolean borrowing(InFlightBatch<?, ?, ?> batch) {
    lock.lock();
    try {
      Slot s = batch.slot;
      return s != null && s.borrower == batch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Completes when the batch no longer borrows: its lender settled (the slot is the batch's now),
   * or the batch let go of it. Completed already when the batch does not borrow.
   */
  CompletableFuture<Void> whenOwned(InFlightBatch<?, ?, ?> batch) {
    lock.lock();
    try {
      Slot s = batch.slot;
      CompletableFuture<Void> f = s == null || s.borrower != batch ? null : s.handedOver;
      return f == null ? CompletableFuture.completedFuture(null) : f;
    } finally {
      lock.unlock();
    }
  }

  /** Gives back what the batch holds, once: its own slot (to its borrower, if any) or a loan. */
  void release(InFlightBatch<?, ?, ?> batch) {
    CompletableFuture<Void> handedOver = null;
    lock.lock();
    try {
      Slot s = batch.slot;
      if (s == null) {
        return;
      }
      batch.slot = null;
      batch.holdsSlot = false;
      if (s.borrower == batch) { // the borrower ended first (its submit failed): lendable again
        handedOver = s.handedOver;
        s.borrower = null;
        s.handedOver = null;
        s.borrowerDone = false;
        lendable.add(s);
      } else if (s.borrower != null) { // the lender settled: the slot passes to its borrower
        handedOver = s.handedOver;
        s.owner = s.borrower;
        s.borrower = null;
        s.handedOver = null;
        s.lent = s.borrowerDone;
        s.borrowerDone = false;
        if (s.lent) {
          lendable.add(s);
        }
      } else {
        lendable.remove(s);
        owned--;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (handedOver != null) {
      handedOver.complete(null); // outside the lock: the borrower's resend runs on this thread
    }
  }

  /** Slots a batch could take now: free ones and lent ones without a borrower. */
  int free() {
    lock.lock();
    try {
      return size - owned + lendable.size();
    } finally {
      lock.unlock();
    }
  }
}
