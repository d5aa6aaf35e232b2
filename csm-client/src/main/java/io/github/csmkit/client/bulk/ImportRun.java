package io.github.csmkit.client.bulk;

import io.github.csmkit.client.BulkEndpoint;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.SerializedBatch;
import io.github.csmkit.client.bulk.JournalResume.Ended;
import io.github.csmkit.client.bulk.JournalResume.Follow;
import io.github.csmkit.client.bulk.JournalResume.Resume;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.SubmittedTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link BulkImporter}: the guide's loop over the parts. A producer thread reads the
 * input, admits each record ({@link Admission}), packs batches ({@link BatchPacker}), and sends
 * each once it holds a slot of the window ({@link Submitter}), unless the journal already knows it
 * ({@link JournalResume}); each sent batch's task is followed to its end ({@link TaskFollower},
 * {@link FailureAttribution}) and the batch settles once into the {@link Ledger}, whose outcomes go
 * to the journal and the caller's {@link OutcomeListener}. Accounting happens under this object's
 * lock; the caller's code (mapping, listeners) runs outside it.
 */
final class ImportRun<R, O extends BatchItem, B extends Batch<O>> {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.client.bulk");

  private final BulkImporter<O, B> config;
  private final BulkEndpoint<B> endpoint;
  private final Clock clock;
  private final Admission<R, O> admission;
  private final BatchPacker<R, O, B> packer;
  private final Submitter<B> submitter;
  private final TaskFollower follower;
  private final RunBooks<R, O, B> books;
  private int lastBatch; // the producer's

  ImportRun(
      BulkImporter<O, B> config,
      Function<? super R, ? extends O> mapping,
      OptionalLong total,
      OutcomeListener<? super R> listener) {
    CsmClient client = config.client;
    this.config = config;
    this.endpoint = config.target.endpoint(client);
    this.clock = client.clock();
    Instant startedAt = clock.instant();
    TaskDurations durations =
        new TaskDurations(
            config.initialTaskEstimate, config.minPollInterval, config.maxPollInterval);
    this.admission =
        new Admission<>(
            mapping,
            config.target,
            config.dedupeKey,
            op -> endpoint.requestBody(config.target.batch(List.of(op))).length,
            config.maxRequestBytes);
    this.packer = new BatchPacker<>(config.target, config.batchSize, config.maxRequestBytes);
    this.submitter =
        new Submitter<>(
            endpoint,
            clock,
            client.sleeper(),
            client.retryPolicy().maxRetryAfter(),
            durations,
            config.maxInFlight,
            this::stopped);
    this.follower =
        new TaskFollower(
            client.tasks(),
            client.sleeper(),
            clock,
            durations,
            config.maxTaskWait,
            this::stopped,
            cause -> stopIfFatal(cause, false));
    ProgressMeter meter =
        new ProgressMeter(startedAt, total, config.batchSize, config.failureThreshold);
    this.books = new RunBooks<>(config, clock, packer, submitter, listener, meter, startedAt);
  }

  ImportJob<R> start(Iterator<R> records) {
    Thread producer = new Thread(() -> produce(records), "csmkit-import-" + config.jobId);
    producer.setDaemon(true);
    ImportJob<R> job = new ImportJob<>(this, producer, config.interruptGrace);
    producer.start();
    return job;
  }

  private void produce(Iterator<R> records) {
    try {
      if (config.journal.isPresent()) {
        books.journal(
            JournalResume.open(
                config.journal.get(),
                config.jobId,
                config.target.name(),
                Journal.site(config.client.baseUri()),
                config.dryRun));
      }
      long index = 0;
      while (!stopped()) {
        R record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (RuntimeException e) {
          books.stop(
              "reading the input failed after " + index + " records: " + Failures.describe(e));
          break;
        }
        List<Pending<R, O>> full = books.admitted(admission.admit(index++, record));
        if (full != null) {
          send(full);
        }
      }
      if (!stopped()) {
        send(books.take());
        JournalResume j = books.journal();
        if (j != null && !stopped()) {
          j.checkComplete(lastBatch);
        }
      }
    } catch (RuntimeException e) {
      books.failed(e);
    } finally {
      admission.close();
      books.producerDone();
    }
  }

  /** Builds the batch (refusing items that break a rule across items), then dispatches it. */
  private void send(List<Pending<R, O>> items) {
    if (items.isEmpty()) {
      return;
    }
    BatchPacker.Built<R, O, B> built = packer.build(items);
    InFlightBatch<R, O, B> batch = null;
    if (built.batch() != null) {
      SerializedBatch<B> body = endpoint.serialize(built.batch());
      batch =
          new InFlightBatch<>(
              ++lastBatch, built.kept(), body, BatchKeys.derive(config.jobId, body));
    }
    if (books.open(built, batch) && batch != null) {
      dispatch(batch);
    }
  }

  /** Settles the batch from the journal, follows its journaled task, or submits it. */
  // the submit chain ends in whenComplete, which settles the batch on every outcome
  @SuppressWarnings("FutureReturnValueIgnored")
  private void dispatch(InFlightBatch<R, O, B> batch) {
    JournalResume j = books.journal();
    Resume resume = j == null ? new JournalResume.Send() : j.resume(batch, clock.instant());
    if (resume instanceof Ended e) {
      batch.resumed = true;
      batch.task = e.task().orElse(null);
      if (books.markSent(batch, e.submittedAt())) {
        books.settle(batch, e.end());
      }
      return;
    }
    if (resume instanceof Follow f) {
      batch.resumed = true;
      batch.task = f.task();
      if (!books.markSent(batch, f.submittedAt())) {
        return;
      }
      if (!acquire(batch)) {
        String why = "the import stopped before task " + f.task().id() + " was checked again";
        books.settle(batch, BatchEnd.unresolved(why));
        return;
      }
      batch.deadline = clock.instant().plus(config.maxTaskWait);
      follow(batch, f.task(), Duration.ZERO);
      return;
    }
    if (!acquire(batch) || !awaitPause()) {
      books.settle(batch, BatchEnd.notSubmitted("the import stopped before this batch was sent"));
      return;
    }
    Instant sentAt = clock.instant();
    if (!books.markSent(batch, sentAt)) {
      return; // closed meanwhile: abandon() settled the batch and released its slot
    }
    batch.deadline = sentAt.plus(config.maxTaskWait);
    submitter
        .submit(batch)
        .whenComplete(
            (task, err) -> {
              if (err == null) {
                submitted(batch, task, sentAt);
                return;
              }
              Throwable cause = Failures.unwrap(err);
              stopIfFatal(cause, true);
              books.settle(batch, Failures.submitEnd(cause));
            });
  }

  private void submitted(InFlightBatch<R, O, B> batch, SubmittedTask task, Instant sentAt) {
    batch.task = task;
    JournalResume j = books.journal();
    if (j != null) {
      try {
        j.submitted(batch, task, sentAt);
      } catch (RuntimeException e) { // keep following the task; a rerun resends the same key
        books.stop("writing the journal failed: " + Failures.describe(e));
      }
    }
    books.notify(
        l -> l.batchSubmitted(batch.log("SUBMITTED", 0, Optional.empty(), clock.instant())));
    Instant attempt = batch.attemptAt;
    if (attempt != null) { // the next batch may go out at this task's predicted end
      submitter.lendAt(batch, follower.predictedEnd(attempt));
    }
    follow(batch, task, follower.firstPoll());
  }

  // the chain ends in whenComplete, which settles the batch
  @SuppressWarnings("FutureReturnValueIgnored")
  private void follow(InFlightBatch<R, O, B> batch, SubmittedTask task, Duration delay) {
    follower
        .follow(batch, task, delay)
        .whenComplete(
            (end, err) -> {
              if (end != null) {
                books.settle(batch, end);
              } else if (err != null) {
                String why = "following task " + task.id() + " failed: " + Failures.describe(err);
                books.settle(batch, BatchEnd.unresolved(why));
              }
            });
  }

  private boolean acquire(InFlightBatch<R, O, B> batch) {
    try {
      return submitter.acquire(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      books.stop("interrupted");
      return false;
    }
  }

  private boolean awaitPause() {
    try {
      submitter.awaitPause(); // interruptible, so that close() wakes the producer
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      books.stop("interrupted");
      return false;
    }
  }

  private boolean stopped() {
    return books.stopped();
  }

  private void stopIfFatal(Throwable cause, boolean submitting) {
    Failures.fatal(cause, submitting, endpoint.path()).ifPresent(books::stop);
  }

  void stop(String reason) {
    books.stop(reason);
  }

  ImportReport<R> awaitReport(@Nullable Duration grace) throws InterruptedException {
    return books.awaitReport(grace);
  }

  ImportReport<R> reportNow() {
    return books.reportNow();
  }

  boolean isDone() {
    return books.isDone();
  }
}
