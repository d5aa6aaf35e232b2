package io.github.csmkit.client.bulk;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands outcomes to the caller's listener in the order the ledger made them, one call at a time,
 * and never under the run's lock: outcomes are queued under it and delivered after it by whoever
 * settled them. {@link #drain()} returns only when nothing queued before it is still being
 * delivered, so a report is never returned before its outcomes.
 */
final class OutcomeQueue<R> {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.client.bulk");

  private final OutcomeListener<? super R> listener;
  private final Consumer<String> stop;
  private final ArrayDeque<RecordOutcome<R>> queue = new ArrayDeque<>();
  private final Object delivery = new Object();

  /**
   * @param stop stops the run when the listener throws
   */
  OutcomeQueue(OutcomeListener<? super R> listener, Consumer<String> stop) {
    this.listener = listener;
    this.stop = stop;
  }

  void add(List<RecordOutcome<R>> outcomes) {
    synchronized (queue) {
      queue.addAll(outcomes);
    }
  }

  void add(RecordOutcome<R> outcome) {
    synchronized (queue) {
      queue.add(outcome);
    }
  }

  /** Delivers everything queued; call with no other lock held. */
  void drain() {
    synchronized (delivery) {
      while (true) {
        RecordOutcome<R> next;
        synchronized (queue) {
          next = queue.poll();
        }
        if (next == null) {
          return;
        }
        try {
          listener.outcome(next);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "an outcome listener failed", e);
          stop.accept("the outcome listener failed: " + Failures.describe(e));
        }
      }
    }
  }
}
