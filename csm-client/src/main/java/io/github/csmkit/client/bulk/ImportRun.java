package io.github.csmkit.client.bulk;

import io.github.csmkit.client.BulkEndpoint;
import io.github.csmkit.client.Sleeper;
import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.error.CsmServiceException;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.InvalidResponseException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.PreconditionFailedException;
import io.github.csmkit.client.error.RateLimitedException;
import io.github.csmkit.client.error.TaskLimitReachedException;
import io.github.csmkit.client.error.UnauthorizedException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.internal.ClientAccess;
import io.github.csmkit.client.internal.Transport;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link BulkImporter}. The input is read on a producer thread that maps, validates,
 * de-duplicates and packs records, and blocks while {@code maxInFlight} tasks are unfinished; each
 * sent batch is an asynchronous chain (submit, back-pressure, polls) that settles the batch exactly
 * once. All accounting happens under this object's lock; user code (mapping, listener) runs outside
 * it.
 */
final class ImportRun<R, O extends BatchItem, B extends Batch<O>> {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.client.bulk");

  private final BulkImporter<O, B> config;
  private final Function<? super R, ? extends O> mapping;
  private final OptionalLong total;
  private final BulkEndpoint<B> endpoint;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxRetryAfter;
  private final Semaphore window;
  private final TaskDurations durations;
  private final Instant startedAt;
  private @Nullable Journal journal;

  // guarded by this
  private final SeenKeys seen = new SeenKeys();
  private List<Pending<R, O>> pending = new ArrayList<>();

  /** Taken from {@code pending} and being packed into a batch: not yet in {@code open}. */
  private List<Pending<R, O>> inHand = List.of();

  private int pendingWeight;
  private long read;
  private long rejected;
  private long duplicates;
  private long notSubmitted;
  private long submitted;
  private long succeeded;
  private long failed;
  private long unresolved;
  private final List<RecordFailure<R>> failures = new ArrayList<>();
  private final List<ImportReport.Unattributed> unattributed = new ArrayList<>();
  private final BatchLogs logs = new BatchLogs();
  private final Set<BatchState> open = new LinkedHashSet<>();
  private boolean producerDone;
  private boolean alerted;
  private @Nullable ImportReport<R> report;
  private @Nullable RuntimeException error;

  private volatile @Nullable String stopReason;
  private volatile Instant pauseUntil = Instant.MIN;
  private int lastBatch;

  ImportRun(
      BulkImporter<O, B> config, Function<? super R, ? extends O> mapping, OptionalLong total) {
    this.config = config;
    this.mapping = mapping;
    this.total = total;
    this.endpoint = config.target.endpoint(config.client);
    Transport transport = ClientAccess.transport(config.client);
    this.clock = transport.settings().clock();
    this.sleeper = transport.settings().sleeper();
    this.maxRetryAfter = transport.settings().retry().maxRetryAfter();
    this.window = new Semaphore(config.maxInFlight);
    this.durations =
        new TaskDurations(
            config.initialTaskEstimate, config.minPollInterval, config.maxPollInterval);
    this.startedAt = clock.instant();
  }

  /** A record on its way into a batch. */
  private record Pending<R, O>(long index, R record, O operation) {}

  /** A batch from the moment it is built until it is settled. */
  private final class BatchState {
    final int number;
    final List<Pending<R, O>> items;
    final B batch;
    final IdempotencyKey key;
    final AtomicBoolean settled = new AtomicBoolean();
    volatile boolean sent;
    volatile boolean holdsSlot;
    volatile boolean resumed;
    volatile @Nullable Instant submittedAt;
    volatile Instant deadline = Instant.MAX;
    volatile @Nullable SubmittedTask task;

    BatchState(int number, List<Pending<R, O>> items, B batch, IdempotencyKey key) {
      this.number = number;
      this.items = items;
      this.batch = batch;
      this.key = key;
    }
  }

  ImportJob<R> start(Iterator<R> records) {
    Thread producer = new Thread(() -> produce(records), "csmkit-import-" + config.jobId);
    producer.setDaemon(true);
    ImportJob<R> job = new ImportJob<>(this, producer);
    producer.start();
    return job;
  }

  // ---------------------------------------------------------------- producer

  private void produce(Iterator<R> records) {
    try {
      if (config.journal.isPresent()) {
        journal = Journal.open(config.journal.get(), config.jobId, config.target.name());
      }
      long index = 0;
      while (stopReason == null) {
        R record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (RuntimeException e) {
          stop("reading the input failed after " + index + " records: " + describe(e));
          break;
        }
        List<Pending<R, O>> full = admit(index++, record);
        if (full != null) {
          send(full);
        }
      }
      if (stopReason == null) {
        List<Pending<R, O>> last = takePending();
        if (!last.isEmpty()) {
          send(last);
        }
        if (journal != null && stopReason == null && journal.highestBatch() > lastBatch) {
          throw new JournalMismatchException(
              journal.file(),
              "it has "
                  + journal.highestBatch()
                  + " batches but the input now makes "
                  + lastBatch
                  + ": the input changed since it was written");
        }
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        error = e;
      }
      stop(e instanceof JournalMismatchException ? "journal mismatch" : "failed: " + describe(e));
    } finally {
      synchronized (this) {
        for (BatchState state : new ArrayList<>(open)) {
          if (!state.sent) { // built, then the producer stopped (a journal mismatch, say)
            abandon(state);
          }
        }
        if (report == null) {
          unsent(inHand, "the import stopped before this record was sent");
          unsent(pending, "the import stopped before this record was sent");
        }
        inHand = List.of();
        pending = new ArrayList<>();
        producerDone = true;
        notifyAll();
      }
    }
  }

  /** Counts the record, rejects or de-duplicates it, or adds it to the pending batch. */
  private @Nullable List<Pending<R, O>> admit(long index, R record) {
    O op = null;
    String mappingError = null;
    String rule = null;
    String duplicateOf = null;
    try {
      op = mapping.apply(record);
    } catch (DuplicateRecordException e) {
      duplicateOf = e.getMessage();
    } catch (CsmValidationException e) {
      mappingError = e.getMessage();
      rule = e.violations().isEmpty() ? null : e.violations().get(0).rule().name();
    } catch (RuntimeException e) {
      mappingError = "the mapping failed: " + describe(e);
    }
    synchronized (this) {
      if (report != null) {
        return null;
      }
      read++;
      if (duplicateOf != null) {
        fail(index, record, Stage.DUPLICATE, duplicateOf, null, null);
        duplicates++;
        return null;
      }
      if (mappingError != null || op == null) {
        reject(
            index,
            record,
            Stage.MAPPING,
            rule,
            mappingError != null
                ? mappingError
                : "the mapping returned no operation for this record");
        return null;
      }
      Pending<R, O> p = new Pending<>(index, record, op);
      List<Violation> violations = op.violations();
      if (!violations.isEmpty()) {
        reject(p, Stage.VALIDATION, violations.get(0).rule().name(), join(violations));
        return null;
      }
      int weight = config.target.weight(op);
      int maxWeight = config.target.maxWeight();
      if (maxWeight > 0 && weight > maxWeight) {
        reject(
            p,
            Stage.VALIDATION,
            Violation.Rule.MAX_OPERATIONS.name(),
            "it has " + weight + " operations, more than the " + maxWeight + " a batch may hold");
        return null;
      }
      if (config.dedupeKey.isPresent()) {
        Optional<String> key = config.dedupeKey.get().apply(op);
        if (key.isPresent() && !key.get().isBlank() && !seen.add(key.get())) {
          fail(p, Stage.DUPLICATE, "an earlier record has the same de-duplication key", null, null);
          duplicates++;
          return null;
        }
      }
      List<Pending<R, O>> full = null;
      if (pending.size() >= config.batchSize
          || (maxWeight > 0 && pendingWeight + weight > maxWeight)) {
        full = takePending();
      }
      pending.add(p);
      pendingWeight += weight;
      return full;
    }
  }

  private synchronized List<Pending<R, O>> takePending() {
    List<Pending<R, O>> taken = pending;
    pending = new ArrayList<>();
    pendingWeight = 0;
    inHand = taken;
    return taken;
  }

  /** Accounts for records read but not yet in a batch: the run stopped before they were sent. */
  private void unsent(List<Pending<R, O>> records, String why) {
    for (Pending<R, O> p : records) {
      fail(p, Stage.NOT_SUBMITTED, why, null, null);
      notSubmitted++;
    }
  }

  /**
   * Builds the batch (rejecting items that break a rule across items), then sends or restores it.
   */
  // the submit chain ends in whenComplete, which settles the batch on every outcome
  @SuppressWarnings("FutureReturnValueIgnored")
  private void send(List<Pending<R, O>> items) {
    List<Pending<R, O>> kept = new ArrayList<>(items);
    B batch = null;
    while (batch == null && !kept.isEmpty()) {
      try {
        batch = config.target.batch(kept.stream().map(Pending::operation).toList());
      } catch (CsmValidationException e) {
        kept = rejectOffenders(kept, e);
      }
    }
    if (batch == null) {
      return;
    }
    int number = ++lastBatch;
    byte[] body = endpoint.requestBody(batch);
    BatchState state = new BatchState(number, kept, batch, key(body));
    synchronized (this) {
      if (report != null) {
        return; // finalizeReport accounted for the records in hand
      }
      inHand = List.of();
      open.add(state);
    }
    Journal journal = this.journal;
    if (journal != null && resumeFromJournal(journal, state)) {
      return;
    }
    if (!acquireSlot(state)) {
      settle(
          state,
          "NOT_SUBMITTED",
          Stage.NOT_SUBMITTED,
          "the import stopped before this batch was sent",
          Map.of(),
          List.of(),
          Optional.empty());
      return;
    }
    waitOutPause();
    Instant sentAt = clock.instant();
    if (!markSent(state, sentAt)) {
      return; // closed meanwhile: abandon() settled the batch and released its slot
    }
    state.deadline = sentAt.plus(config.maxTaskWait);
    submit(state, 0)
        .whenComplete(
            (task, err) -> {
              if (err != null) {
                Throwable cause = unwrap(err);
                stopIfFatal(cause, true);
                settle(
                    state,
                    "SUBMIT_FAILED",
                    Stage.SUBMIT,
                    "the batch could not be submitted: " + describe(cause),
                    Map.of(),
                    List.of(),
                    Optional.empty());
                return;
              }
              state.task = task;
              if (journal != null) {
                try {
                  journal.submitted(
                      new Journal.Submitted(
                          number, state.key.value(), task.id(), task.statusUrl(), sentAt));
                } catch (
                    RuntimeException e) { // keep following the task; a rerun resends the same key
                  stop("writing the journal failed: " + describe(e));
                }
              }
              notify(l -> l.batchSubmitted(log(state, "SUBMITTED", 0, Optional.empty())));
              poll(state, task, durations.firstPoll());
            });
  }

  private List<Pending<R, O>> rejectOffenders(List<Pending<R, O>> items, CsmValidationException e) {
    Map<Integer, List<Violation>> byItem = new TreeMap<>();
    for (Violation v : e.violations()) {
      if (v.index() >= 0 && v.index() < items.size()) {
        byItem.computeIfAbsent(v.index(), i -> new ArrayList<>()).add(v);
      }
    }
    synchronized (this) {
      if (byItem.isEmpty()) { // a rule of the batch as a whole that packing should have prevented
        items.forEach(
            p ->
                reject(
                    p,
                    Stage.VALIDATION,
                    e.violations().get(0).rule().name(),
                    String.valueOf(e.getMessage())));
        inHand = List.of();
        return List.of();
      }
      List<Pending<R, O>> kept = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        List<Violation> v = byItem.get(i);
        if (v == null) {
          kept.add(items.get(i));
        } else {
          reject(items.get(i), Stage.VALIDATION, v.get(0).rule().name(), join(v));
        }
      }
      inHand = kept;
      return kept;
    }
  }

  /** True when the journal settled the batch or took over (its task is polled). */
  private boolean resumeFromJournal(Journal journal, BatchState state) {
    Optional<Journal.Finished> finished = journal.finished(state.number);
    Optional<Journal.Submitted> submittedBefore = journal.submitted(state.number);
    String journaled =
        finished
            .map(Journal.Finished::key)
            .or(() -> submittedBefore.map(Journal.Submitted::key))
            .orElse(null);
    if (journaled == null) {
      return false;
    }
    if (!journaled.equals(state.key.value())) {
      throw new JournalMismatchException(
          journal.file(),
          "batch "
              + state.number
              + " was sent with other records (its idempotency key differs): the input, the mapping or "
              + "the batch size changed since it was written. Use a new job id and journal, or the "
              + "original input");
    }
    state.resumed = true;
    submittedBefore.ifPresent(
        s ->
            state.task =
                SubmittedTask.builder()
                    .id(s.taskId())
                    .statusUrl(s.statusUrl())
                    .idempotencyKey(state.key)
                    .build());
    if (!markSent(state, submittedBefore.map(Journal.Submitted::at).orElse(clock.instant()))) {
      return true;
    }
    if (finished.isPresent()) {
      Journal.Finished f = finished.get();
      Map<Integer, Journal.ItemFailure> byItem = new HashMap<>();
      f.failures().forEach(i -> byItem.put(i.item(), i));
      settle(
          state,
          f.status(),
          null,
          null,
          byItem,
          f.unattributed(),
          Optional.of(f.completedAt()),
          false);
      return true;
    }
    // submitted before, not seen to end: follow the same task
    SubmittedTask task =
        SubmittedTask.builder()
            .id(submittedBefore.get().taskId())
            .statusUrl(submittedBefore.get().statusUrl())
            .idempotencyKey(state.key)
            .build();
    if (!acquireSlot(state)) {
      settle(
          state,
          "UNRESOLVED",
          Stage.UNRESOLVED,
          "the import stopped before task " + task.id() + " was checked again",
          Map.of(),
          List.of(),
          Optional.empty());
      return true;
    }
    state.deadline = clock.instant().plus(config.maxTaskWait);
    poll(state, task, Duration.ZERO);
    return true;
  }

  /** Counts the batch as submitted, unless the run was already closed. */
  private synchronized boolean markSent(BatchState state, Instant at) {
    if (report != null) {
      return false;
    }
    state.submittedAt = at;
    state.sent = true;
    submitted += state.items.size();
    return true;
  }

  private boolean acquireSlot(BatchState state) {
    try {
      while (stopReason == null) {
        if (window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          if (stopReason != null) { // the batch that freed the slot may have stopped the job
            window.release();
            return false;
          }
          state.holdsSlot = true;
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop("interrupted");
      return false;
    }
  }

  private void waitOutPause() {
    Duration wait = Duration.between(clock.instant(), pauseUntil);
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait).get(); // interruptible, so that close() wakes the producer
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop("interrupted");
      } catch (ExecutionException e) {
        // a sleeper that failed: go on without the rest of the pause
      }
    }
  }

  /** Deterministic: the same job, endpoint and body give the same key, on any machine. */
  private IdempotencyKey key(byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(config.jobId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(endpoint.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body);
      return IdempotencyKey.of("csmkit-" + HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  // ---------------------------------------------------------------- tasks

  /**
   * Submits with the batch's key; the tenant's task limit and 429s (after the client's own retries)
   * pause the whole job and resend the same batch, until its deadline. An unreadable answer is
   * resent too: the key makes that safe, and the server answers with the task it made.
   */
  private CompletableFuture<SubmittedTask> submit(BatchState state, int backPressureRound) {
    return endpoint
        .submitAsync(state.batch, state.key)
        .exceptionallyCompose(
            err -> {
              Throwable cause = unwrap(err);
              boolean backPressure =
                  cause instanceof TaskLimitReachedException
                      || cause instanceof RateLimitedException;
              boolean unreadable = cause instanceof InvalidResponseException;
              if (!(backPressure || unreadable)
                  || stopReason != null
                  || clock.instant().isAfter(state.deadline)) {
                return CompletableFuture.failedFuture(cause);
              }
              if (unreadable) {
                LOG.log(
                    System.Logger.Level.INFO,
                    "batch {0}: unreadable answer; resending it with its key",
                    state.number);
                return sleeper
                    .sleep(durations.backPressureDelay(backPressureRound))
                    .thenCompose(x -> submit(state, backPressureRound + 1));
              }
              Duration asked =
                  ((CsmServiceException) cause)
                      .retryAfter()
                      .orElse(durations.backPressureDelay(backPressureRound));
              // never longer than the client's Retry-After cap, never past the batch's deadline
              Duration delay = asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
              Instant until = clock.instant().plus(delay);
              if (until.isAfter(state.deadline)) {
                return CompletableFuture.failedFuture(cause);
              }
              if (until.isAfter(pauseUntil)) {
                pauseUntil = until;
              }
              LOG.log(
                  System.Logger.Level.INFO,
                  "batch {0}: {1}; the job pauses {2} ms",
                  state.number,
                  cause instanceof TaskLimitReachedException
                      ? "tenant task limit reached"
                      : "rate limited",
                  delay.toMillis());
              return sleeper.sleep(delay).thenCompose(x -> submit(state, backPressureRound + 1));
            });
  }

  // the poll chain ends in whenComplete, which settles the batch or polls again
  @SuppressWarnings("FutureReturnValueIgnored")
  private void poll(BatchState state, SubmittedTask task, Duration delay) {
    sleeper
        .sleep(delay)
        .thenCompose(x -> config.client.tasks().getAsync(task))
        .whenComplete(
            (status, err) -> {
              if (state.settled.get()) {
                return;
              }
              Instant now = clock.instant();
              if (err != null) {
                Throwable cause = unwrap(err);
                stopIfFatal(cause, false);
                if (cause instanceof NotFoundException
                    || cause instanceof UnauthorizedException
                    || cause instanceof ForbiddenException
                    || now.isAfter(state.deadline)
                    || stopReason != null) {
                  unresolved(state, "checking task " + task.id() + " failed: " + describe(cause));
                } else {
                  poll(state, task, durations.pollInterval());
                }
                return;
              }
              if (status.isTerminal()) {
                Instant sentAt = state.submittedAt;
                if (!state.resumed && sentAt != null) {
                  durations.learn(sentAt, now, status);
                }
                finish(state, status, now);
              } else if (now.isAfter(state.deadline)) {
                unresolved(
                    state,
                    "task "
                        + task.id()
                        + " was still "
                        + status.rawStatus()
                        + " after "
                        + config.maxTaskWait
                        + "; check it later with its id");
              } else {
                poll(state, task, durations.pollInterval());
              }
            });
  }

  private void unresolved(BatchState state, String why) {
    settle(state, "UNRESOLVED", Stage.UNRESOLVED, why, Map.of(), List.of(), Optional.empty());
  }

  /** Attributes the task's failures to items: by index when given, else by id, email or name. */
  private void finish(BatchState state, TaskStatus status, Instant now) {
    if (status.state() == TaskState.FAILED) {
      String why =
          "task "
              + status.id()
              + " ended FAILED"
              + status.failures().stream().findFirst().map(f -> ": " + f.message()).orElse("");
      settle(
          state,
          "FAILED",
          Stage.TASK_FAILED,
          why,
          Map.of(),
          List.of(),
          Optional.of(status.updatedAt().orElse(now)));
      return;
    }
    Map<String, Integer> byKey = new HashMap<>();
    for (int i = 0; i < state.items.size(); i++) {
      for (String k : state.items.get(i).operation().keys()) {
        byKey.putIfAbsent(k.trim().toLowerCase(Locale.ROOT), i);
      }
    }
    Map<Integer, List<String>> messages = new TreeMap<>();
    List<TaskFailure> orphans = new ArrayList<>();
    for (TaskFailure f : status.failures()) {
      Integer item =
          f.index().isPresent() && f.index().getAsInt() < state.items.size()
              ? Integer.valueOf(f.index().getAsInt())
              : f.entityId().map(id -> byKey.get(id.trim().toLowerCase(Locale.ROOT))).orElse(null);
      if (item == null) {
        orphans.add(f);
      } else {
        messages.computeIfAbsent(item, i -> new ArrayList<>()).add(f.message());
      }
    }
    Map<Integer, Journal.ItemFailure> byItem = new HashMap<>();
    messages.forEach(
        (i, m) ->
            byItem.put(
                i, new Journal.ItemFailure(i, Stage.SERVER, String.join("; ", new TreeSet<>(m)))));
    settle(
        state,
        status.state().name(),
        null,
        null,
        byItem,
        orphans,
        Optional.of(status.updatedAt().orElse(now)));
  }

  // ---------------------------------------------------------------- accounting

  private void settle(
      BatchState state,
      String finalStatus,
      @Nullable Stage stage,
      @Nullable String message,
      Map<Integer, Journal.ItemFailure> itemFailures,
      List<TaskFailure> orphans,
      Optional<Instant> completedAt) {
    settle(state, finalStatus, stage, message, itemFailures, orphans, completedAt, true);
  }

  /**
   * The one place a batch's records are counted: items named in {@code itemFailures} fail with
   * their message, the rest fail at {@code stage} or, when it is null, succeed.
   */
  private void settle(
      BatchState state,
      String finalStatus,
      @Nullable Stage stage,
      @Nullable String message,
      Map<Integer, Journal.ItemFailure> itemFailures,
      List<TaskFailure> orphans,
      Optional<Instant> completedAt,
      boolean writeJournal) {
    BatchLog log;
    synchronized (this) { // claim and count in one step, so a concurrent close cannot lose it
      if (report != null || !state.settled.compareAndSet(false, true)) {
        return;
      }
      int failedHere = 0;
      for (int i = 0; i < state.items.size(); i++) {
        Pending<R, O> p = state.items.get(i);
        Journal.ItemFailure f = itemFailures.get(i);
        Stage s = f != null ? f.stage() : stage;
        if (s == null) {
          succeeded++;
          continue;
        }
        fail(p, s, f != null ? f.message() : String.valueOf(message), state.number, state.task);
        failedHere++;
        switch (s) {
          case UNRESOLVED -> unresolved++;
          case NOT_SUBMITTED -> notSubmitted++;
          default -> failed++;
        }
      }
      String taskId = state.task == null ? "" : state.task.id();
      orphans.forEach(
          o -> unattributed.add(new ImportReport.Unattributed(state.number, taskId, o)));
      log = log(state, finalStatus, failedHere + orphans.size(), completedAt);
      logs.put(log);
    }
    if (state.holdsSlot) {
      window.release();
    }
    boolean terminal = "FINISHED".equals(finalStatus) || "FAILED".equals(finalStatus);
    if (writeJournal && terminal && journal != null) {
      List<Journal.ItemFailure> journaled = new ArrayList<>(itemFailures.values());
      if (stage != null) {
        for (int i = 0; i < state.items.size(); i++) {
          if (!itemFailures.containsKey(i)) {
            journaled.add(new Journal.ItemFailure(i, stage, String.valueOf(message)));
          }
        }
      }
      journaled.sort((a, b) -> Integer.compare(a.item(), b.item()));
      try {
        journal.finished(
            new Journal.Finished(
                state.number,
                state.key.value(),
                finalStatus,
                journaled,
                orphans,
                completedAt.orElse(clock.instant())));
      } catch (RuntimeException e) { // the outcome is still counted; a rerun polls the task again
        stop("writing the journal failed: " + describe(e));
      }
    }
    synchronized (this) { // only now is the batch done: its outcome is journaled
      open.remove(state);
      notifyAll();
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        "batch {0}: {1} records, task {2} {3}, {4} failures",
        state.number,
        state.items.size(),
        state.task == null ? "-" : state.task.id(),
        finalStatus,
        log.failureCount());
    notify(l -> l.batchFinished(log));
    afterProgress();
  }

  private BatchLog log(
      BatchState state, String status, int failureCount, Optional<Instant> completedAt) {
    return new BatchLog(
        state.number,
        state.submittedAt == null ? clock.instant() : state.submittedAt,
        state.items.size(),
        Optional.ofNullable(state.task).map(SubmittedTask::id),
        state.key.value(),
        Optional.ofNullable(state.task).flatMap(SubmittedTask::statusUrl),
        status,
        failureCount,
        completedAt);
  }

  private void reject(Pending<R, O> p, Stage stage, @Nullable String rule, String message) {
    reject(p.index(), p.record(), stage, rule, message);
  }

  private void reject(long index, R record, Stage stage, @Nullable String rule, String message) {
    failures.add(
        new RecordFailure<>(
            index,
            record,
            stage,
            Optional.ofNullable(rule),
            message,
            Optional.empty(),
            Optional.empty()));
    rejected++;
  }

  private void fail(
      Pending<R, O> p,
      Stage stage,
      String message,
      @Nullable Integer batch,
      @Nullable SubmittedTask task) {
    fail(p.index(), p.record(), stage, message, batch, task);
  }

  private void fail(
      long index,
      R record,
      Stage stage,
      String message,
      @Nullable Integer batch,
      @Nullable SubmittedTask task) {
    failures.add(
        new RecordFailure<>(
            index,
            record,
            stage,
            Optional.empty(),
            message,
            Optional.ofNullable(batch),
            Optional.ofNullable(task).map(SubmittedTask::id)));
  }

  private void afterProgress() {
    ImportListener.Progress progress;
    double rate;
    boolean alert = false;
    synchronized (this) {
      long done = rejected + duplicates + notSubmitted + succeeded + failed + unresolved;
      double seconds = Math.max(1e-3, Duration.between(startedAt, clock.instant()).toNanos() / 1e9);
      double perSecond = done / seconds;
      Optional<Duration> eta =
          total.isPresent() && perSecond > 0
              ? Optional.of(
                  Duration.ofMillis(
                      (long) (Math.max(0, total.getAsLong() - done) / perSecond * 1000)))
              : Optional.empty();
      progress = new ImportListener.Progress(done, total, perSecond, eta);
      // over the records read (as the guide does), not those resolved: rejections are known at
      // once but successes only when their task ends, which would make early rates look too high
      long bad = rejected + failed;
      long considered = read - duplicates;
      rate = considered == 0 ? 0 : (double) bad / considered;
      if (!alerted && considered >= config.batchSize && rate > config.failureThreshold) {
        alerted = true;
        alert = true;
      }
    }
    notify(l -> l.progress(progress));
    if (alert) {
      double r = rate;
      notify(l -> l.failureThresholdExceeded(r, config.failureThreshold));
      if (config.stopOnFailureThreshold) {
        stop(
            String.format(
                Locale.ROOT,
                "the failure rate %.1f%% passed the threshold %.1f%%",
                r * 100,
                config.failureThreshold * 100));
      }
    }
  }

  // ---------------------------------------------------------------- stopping

  void stop(String reason) {
    synchronized (this) {
      if (stopReason == null) {
        stopReason = reason;
        LOG.log(System.Logger.Level.WARNING, "import {0} stopping: {1}", config.jobId, reason);
      }
      notifyAll();
    }
  }

  /** Credentials, permissions, opt-in and a wrong base URL fail every batch alike: stop. */
  private void stopIfFatal(Throwable cause, boolean submitting) {
    if (cause instanceof UnauthorizedException) {
      stop("the server refused the credentials (401)");
    } else if (cause instanceof ForbiddenException) {
      stop("the credentials lack permission for " + endpoint.path() + " (403)");
    } else if (cause instanceof PreconditionFailedException) {
      stop("the server refused the experimental-API opt-in (412)");
    } else if (cause instanceof NotFoundException && submitting) {
      stop("the endpoint was not found (404): check the base URL or cloud id");
    }
  }

  /** Waits for the producer and every batch, at most {@code grace}; then settles what is left. */
  synchronized ImportReport<R> awaitReport(@Nullable Duration grace) throws InterruptedException {
    long deadline = grace == null ? Long.MAX_VALUE : System.nanoTime() + grace.toNanos();
    while (report == null && !(producerDone && open.isEmpty())) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
    }
    ImportReport<R> done = report != null ? report : finalizeReport();
    RuntimeException failure = error;
    if (failure != null) {
      throw failure;
    }
    return done;
  }

  private ImportReport<R> finalizeReport() {
    for (BatchState state : new ArrayList<>(open)) {
      abandon(state);
    }
    open.clear();
    unsent(inHand, "the import was closed before this record was sent");
    unsent(pending, "the import was closed before this record was sent");
    inHand = List.of();
    pending = new ArrayList<>();
    if (journal != null) {
      journal.close();
    }
    seen.close();
    ImportReport.Counts counts =
        new ImportReport.Counts(
            read,
            rejected,
            duplicates,
            notSubmitted,
            submitted,
            succeeded,
            failed,
            unresolved,
            unattributed.size());
    ImportReport<R> built =
        new ImportReport<>(
            config.jobId,
            config.target.name(),
            counts,
            failures,
            unattributed,
            logs,
            startedAt,
            clock.instant(),
            Optional.ofNullable(stopReason));
    if (!counts.balanced()) {
      LOG.log(
          System.Logger.Level.ERROR, "import {0}: counts do not add up: {1}", config.jobId, counts);
    }
    report = built;
    return built;
  }

  /** Settles a batch that will not end by itself: UNRESOLVED once sent, else NOT_SUBMITTED. */
  private void abandon(BatchState state) {
    if (!state.settled.compareAndSet(false, true)) {
      return;
    }
    open.remove(state);
    if (state.holdsSlot) {
      window.release();
    }
    Stage stage = state.sent ? Stage.UNRESOLVED : Stage.NOT_SUBMITTED;
    SubmittedTask task = state.task;
    String why =
        task != null
            ? "the import stopped before task " + task.id() + " was seen to end"
            : state.sent
                ? "the import stopped while submitting; the server may have its task: rerun the same "
                    + "job to find out"
                : "the import stopped before this batch was sent";
    for (Pending<R, O> p : state.items) {
      fail(p, stage, why, state.number, state.task);
      if (stage == Stage.UNRESOLVED) {
        unresolved++;
      } else {
        notSubmitted++;
      }
    }
    logs.put(log(state, stage.name(), state.items.size(), Optional.empty()));
  }

  /** Settles everything at once (an interrupted wait, a zero grace). */
  synchronized ImportReport<R> reportNow() {
    return report != null ? report : finalizeReport();
  }

  synchronized boolean isDone() {
    return report != null || (producerDone && open.isEmpty());
  }

  // ---------------------------------------------------------------- helpers

  private void notify(java.util.function.Consumer<ImportListener> event) {
    try {
      event.accept(config.listener);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "import listener failed; ignored", e);
    }
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable t) {
    return t instanceof CsmException || t.getMessage() == null
        ? String.valueOf(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static String join(List<Violation> violations) {
    return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
  }
}
