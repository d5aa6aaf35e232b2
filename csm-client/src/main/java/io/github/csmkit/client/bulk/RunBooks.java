package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.Admission.Accepted;
import io.github.csmkit.client.bulk.Admission.Admitted;
import io.github.csmkit.client.bulk.Admission.Refused;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.SubmittedTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A run's shared state under one lock (this object): the records held by the packer, the batches
 * open, the ledger, whether and why the run stopped, and the report. Every batch is settled here
 * exactly once — by its own end, or abandoned by a close — and its outcomes are handed to the
 * journal, the caller's outcome listener and the import listener outside the lock.
 */
final class RunBooks<R, O extends BatchItem, B extends Batch<O>> {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.client.bulk");

  private final BulkImporter<O, B> config;
  private final Clock clock;
  private final Instant startedAt;
  private final BatchPacker<R, O, B> packer;
  private final Submitter<B> submitter;
  private final Ledger<R> ledger;
  private final ProgressMeter meter;
  private final @Nullable OutcomeQueue<R> outcomes;
  private volatile @Nullable JournalResume journal;

  // guarded by this
  private final Set<InFlightBatch<R, O, B>> open = new LinkedHashSet<>();
  private boolean producerDone;
  private @Nullable ImportReport<R> report;
  private @Nullable RuntimeException error;

  private volatile @Nullable String stopReason;

  RunBooks(
      BulkImporter<O, B> config,
      Clock clock,
      BatchPacker<R, O, B> packer,
      Submitter<B> submitter,
      OutcomeListener<? super R> listener,
      ProgressMeter meter,
      Instant startedAt) {
    this.config = config;
    this.clock = clock;
    this.packer = packer;
    this.submitter = submitter;
    this.meter = meter;
    this.startedAt = startedAt;
    this.outcomes =
        listener == OutcomeListener.NONE ? null : new OutcomeQueue<>(listener, this::stop);
    this.ledger = new Ledger<>(config.keepFailures, outcomes != null);
  }

  void journal(JournalResume journal) {
    this.journal = journal;
  }

  @Nullable JournalResume journal() {
    return journal;
  }

  boolean stopped() {
    return stopReason != null;
  }

  /** Counts a record read and refuses it, or packs it (returning the batch it closed, if any). */
  @Nullable List<Pending<R, O>> admitted(Admitted<R, O> admitted) {
    List<Pending<R, O>> full = null;
    synchronized (this) {
      if (report != null) {
        return null;
      }
      ledger.read();
      if (admitted instanceof Refused<R, O> r) {
        refuse(r);
      } else {
        full = packer.add(((Accepted<R, O>) admitted).pending());
      }
    }
    deliver();
    return full;
  }

  synchronized List<Pending<R, O>> take() {
    return packer.take();
  }

  /** Accounts for a built batch's refused items and opens it; false when the run was closed. */
  boolean open(BatchPacker.Built<R, O, B> built, @Nullable InFlightBatch<R, O, B> batch) {
    synchronized (this) {
      if (report != null) {
        return false; // finalizeReport accounted for the records in hand
      }
      built.refused().forEach(this::refuse);
      packer.placed();
      if (batch != null) {
        open.add(batch);
      }
    }
    deliver();
    return batch != null;
  }

  /** Counts the batch as submitted, unless the run was already closed. */
  synchronized boolean markSent(InFlightBatch<R, O, B> batch, Instant at) {
    if (report != null) {
      return false;
    }
    batch.submittedAt = at;
    batch.sent = true;
    ledger.sent(batch.items.size());
    return true;
  }

  /** The one way a batch ends: counted once, journaled, its outcomes handed on. */
  void settle(InFlightBatch<R, O, B> batch, BatchEnd end) {
    Ledger.Settled<R> settled;
    synchronized (this) { // claim and count in one step, so a concurrent close cannot lose it
      if (report != null || !batch.settled.compareAndSet(false, true)) {
        return;
      }
      settled = ledger.settle(new Ledger.Settlement<>(batch, end, clock.instant()));
      queue(settled.outcomes());
    }
    submitter.release(batch);
    JournalResume j = journal;
    if (j != null) {
      try {
        j.settled(batch, end, clock.instant());
      } catch (RuntimeException e) { // the outcome is still counted; a rerun polls the task again
        stop("writing the journal failed: " + Failures.describe(e));
      }
    }
    deliver();
    synchronized (this) { // only now is the batch done: its outcome is journaled and handed on
      open.remove(batch);
      notifyAll();
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        "batch {0}: {1} records, task {2} {3}, {4} failures",
        batch.number,
        batch.items.size(),
        batch.taskId().orElse("-"),
        end.status(),
        settled.log().failureCount());
    notify(l -> l.batchFinished(settled.log()));
    afterProgress();
  }

  private void afterProgress() {
    ProgressMeter.Reading reading;
    synchronized (this) {
      reading = meter.read(ledger.counts(), clock.instant());
    }
    notify(l -> l.progress(reading.progress()));
    if (reading.alertRate().isPresent()) {
      double rate = reading.alertRate().get();
      notify(l -> l.failureThresholdExceeded(rate, config.failureThreshold));
      if (config.stopOnFailureThreshold) {
        stop(
            String.format(
                Locale.ROOT,
                "the failure rate %.1f%% passed the threshold %.1f%%",
                rate * 100,
                config.failureThreshold * 100));
      }
    }
  }

  void stop(String reason) {
    synchronized (this) {
      if (stopReason == null) {
        stopReason = reason;
        LOG.log(System.Logger.Level.WARNING, "import {0} stopping: {1}", config.jobId, reason);
      }
      notifyAll();
    }
  }

  /** The producer failed: the report's caller gets {@code e}. */
  void failed(RuntimeException e) {
    synchronized (this) {
      error = e;
    }
    stop(
        e instanceof JournalMismatchException
            ? "journal mismatch"
            : "failed: " + Failures.describe(e));
  }

  /** The producer is done: batches it built but never sent, and records it held, are settled. */
  void producerDone() {
    synchronized (this) {
      for (InFlightBatch<R, O, B> batch : new ArrayList<>(open)) {
        if (!batch.sent) { // built, then the producer stopped (a journal mismatch, say)
          abandon(batch);
        }
      }
      if (report == null) {
        unsent("the import stopped before this record was sent");
      }
      producerDone = true;
      notifyAll();
    }
    deliver();
  }

  /** Waits for the producer and every batch, at most {@code grace}; then settles what is left. */
  ImportReport<R> awaitReport(@Nullable Duration grace) throws InterruptedException {
    ImportReport<R> done;
    RuntimeException failure;
    synchronized (this) {
      long deadline = grace == null ? Long.MAX_VALUE : System.nanoTime() + grace.toNanos();
      while (report == null && !(producerDone && open.isEmpty())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
      }
      done = report != null ? report : finalizeReport();
      failure = error;
    }
    deliver();
    if (failure != null) {
      throw failure;
    }
    return done;
  }

  /** Settles everything at once (an interrupted wait, a zero grace). */
  ImportReport<R> reportNow() {
    ImportReport<R> done;
    synchronized (this) {
      done = report != null ? report : finalizeReport();
    }
    deliver();
    return done;
  }

  synchronized boolean isDone() {
    return report != null || (producerDone && open.isEmpty());
  }

  private ImportReport<R> finalizeReport() {
    for (InFlightBatch<R, O, B> batch : new ArrayList<>(open)) {
      abandon(batch);
    }
    open.clear();
    unsent("the import was closed before this record was sent");
    JournalResume j = journal;
    if (j != null) {
      j.close();
    }
    ImportReport<R> built =
        ledger.report(
            config.jobId,
            config.target.name(),
            startedAt,
            clock.instant(),
            Optional.ofNullable(stopReason));
    if (!built.counts().balanced()) {
      LOG.log(
          System.Logger.Level.ERROR,
          "import {0}: counts do not add up: {1}",
          config.jobId,
          built.counts());
    }
    report = built;
    return built;
  }

  /** Settles a batch that will not end by itself: UNRESOLVED once sent, else NOT_SUBMITTED. */
  private void abandon(InFlightBatch<R, O, B> batch) {
    if (!batch.settled.compareAndSet(false, true)) {
      return;
    }
    open.remove(batch);
    submitter.release(batch);
    SubmittedTask task = batch.task;
    String why =
        task != null
            ? "the import stopped before task " + task.id() + " was seen to end"
            : batch.sent
                ? "the import stopped while submitting; the server may have its task: rerun the same "
                    + "job to find out"
                : "the import stopped before this batch was sent";
    BatchEnd end = batch.sent ? BatchEnd.unresolved(why) : BatchEnd.notSubmitted(why);
    queue(ledger.settle(new Ledger.Settlement<>(batch, end, clock.instant())).outcomes());
  }

  /** Accounts for records read but not yet in a batch: the run stopped before they were sent. */
  private void unsent(String why) {
    for (Pending<R, O> p : packer.leftovers()) {
      queue(List.of(ledger.unsent(p, why)));
    }
  }

  private void refuse(Refused<R, O> r) {
    queue(List.of(ledger.refused(r.index(), r.record(), r.stage(), r.rule(), r.message())));
  }

  private void queue(List<RecordOutcome<R>> list) {
    if (outcomes != null && !list.isEmpty()) {
      outcomes.add(list);
    }
  }

  /** Hands queued outcomes to the listener; never called under this object's lock. */
  private void deliver() {
    if (outcomes != null) {
      outcomes.drain();
    }
  }

  void notify(Consumer<ImportListener> event) {
    try {
      event.accept(config.listener);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "import listener failed; ignored", e);
    }
  }
}
