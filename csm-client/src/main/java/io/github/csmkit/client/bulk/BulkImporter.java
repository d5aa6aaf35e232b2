package io.github.csmkit.client.bulk;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The guide's import loop as one engine: maps and validates each record, de-duplicates, packs
 * batches of up to 50, submits them with deterministic idempotency keys, keeps at most {@code
 * maxInFlight} tasks unfinished (blocking the input meanwhile), polls each task when it is likely
 * done, attributes failures to records, and journals progress so a crashed run resumes where it
 * stopped.
 *
 * <pre>{@code
 * ImportReport<Contact> report = BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
 *     .jobId("hubspot-2026-11")
 *     .journal(Path.of("customers.journal"))
 *     .build()
 *     .run(contacts, contact -> mapping.toOperation(contact));
 * }</pre>
 *
 * <p>An importer is immutable and may run many times; each run is independent. Every input record
 * ends in the report exactly once: see {@link ImportReport}.
 *
 * <p><b>Idempotency keys.</b> A batch's key is {@code csmkit-} followed by the SHA-256 of the job
 * id, the endpoint and the batch's exact JSON body — no personal data. A rerun of the same job over
 * the same input builds the same batches and sends the same keys, so the server answers with the
 * tasks it already has instead of creating anything twice. The server keeps keys for about three
 * days; a rerun after that sends the same keys as new.
 *
 * @param <O> the operation type
 * @param <B> the batch type
 */
public final class BulkImporter<O extends BatchItem, B extends Batch<O>> {
  final CsmClient client;
  final BulkTarget<O, B> target;
  final String jobId;
  final Optional<Path> journal;
  final boolean dryRun;
  final ImportListener listener;
  final double failureThreshold;
  final boolean stopOnFailureThreshold;
  final int maxInFlight;
  final int batchSize;
  final Optional<Function<? super O, Optional<String>>> dedupeKey;
  final Duration maxTaskWait;
  final Duration initialTaskEstimate;
  final Duration minPollInterval;
  final Duration maxPollInterval;
  final OptionalLong expectedRecords;
  final OutcomeListener<Object> outcomes;
  final int keepFailures;
  final int maxRequestBytes;

  /**
   * The default most bytes a request body may carry: 5 MiB (5,242,880), the limit Atlassian's REST
   * platform documents ("Requests for this resource can be at most 5242880 bytes", 413); CSM
   * documents none of its own (docs/WIRE.md).
   */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;

  final Duration interruptGrace;

  private BulkImporter(Builder<O, B> b) {
    this.client = b.client;
    this.target = b.target;
    this.jobId = b.jobId != null ? b.jobId : "job-" + UUID.randomUUID();
    this.journal = Optional.ofNullable(b.journal);
    this.dryRun = b.dryRun;
    this.listener = b.listener;
    this.failureThreshold = b.failureThreshold;
    this.stopOnFailureThreshold = b.stopOnFailureThreshold;
    this.maxInFlight = b.maxInFlight;
    this.batchSize = b.batchSize;
    this.dedupeKey = b.dedupe ? Optional.of(b.dedupeKey) : Optional.empty();
    this.maxTaskWait = b.maxTaskWait;
    this.initialTaskEstimate = b.initialTaskEstimate;
    this.minPollInterval = b.minPollInterval;
    this.maxPollInterval = b.maxPollInterval;
    this.expectedRecords = b.expectedRecords;
    this.outcomes = b.outcomes;
    this.keepFailures = b.keepFailures;
    this.maxRequestBytes = b.maxRequestBytes;
    this.interruptGrace = b.interruptGrace;
  }

  /** A builder for an importer into {@code target} through {@code client}. */
  public static <O extends BatchItem, B extends Batch<O>> Builder<O, B> builder(
      CsmClient client, BulkTarget<O, B> target) {
    return new Builder<>(client, target);
  }

  /** The job id: given, or a random one per importer. */
  public String jobId() {
    return jobId;
  }

  /** The endpoint this importer writes to. */
  public BulkTarget<O, B> target() {
    return target;
  }

  /**
   * Imports every record, blocking until each is accounted for. Interrupting the calling thread
   * stops the import as {@link ImportJob#close(Duration)} does, with the {@link
   * Builder#interruptGrace(Duration) interrupt grace}, and returns the report with the interrupt
   * flag set again.
   *
   * @param records the input, read once, in order
   * @param mapping turns a record into its operation; may throw (the record is then rejected at the
   *     MAPPING stage with the exception's message) or return null (rejected too)
   * @throws JournalMismatchException when the journal belongs to another job or input
   */
  public <R> ImportReport<R> run(Iterable<R> records, Function<? super R, ? extends O> mapping) {
    OptionalLong size =
        records instanceof java.util.Collection<?> c ? OptionalLong.of(c.size()) : expectedRecords;
    return start(records.iterator(), mapping, size, OutcomeListener.NONE).awaitReport();
  }

  /**
   * {@link #run(Iterable, Function)}, handing every record's outcome to {@code outcomes} as its
   * batch settles (besides the builder's {@link Builder#outcomes(OutcomeListener)}).
   *
   * @throws JournalMismatchException when the journal belongs to another job or input
   */
  public <R> ImportReport<R> run(
      Iterable<R> records,
      Function<? super R, ? extends O> mapping,
      OutcomeListener<? super R> outcomes) {
    OptionalLong size =
        records instanceof java.util.Collection<?> c ? OptionalLong.of(c.size()) : expectedRecords;
    return start(records.iterator(), mapping, size, outcomes).awaitReport();
  }

  /** {@link #run(Iterable, Function)} for a stream, which is closed when the run ends. */
  public <R> ImportReport<R> run(Stream<R> records, Function<? super R, ? extends O> mapping) {
    try (records) {
      return start(records.iterator(), mapping, expectedRecords, OutcomeListener.NONE)
          .awaitReport();
    }
  }

  /** Imports operations that need no mapping. */
  public ImportReport<O> run(Iterable<O> operations) {
    return run(operations, Function.identity());
  }

  /**
   * Starts an import in the background and returns at once; {@link ImportJob#close(Duration)} stops
   * it early. The iterator is read on the job's own thread.
   */
  public <R> ImportJob<R> start(Iterator<R> records, Function<? super R, ? extends O> mapping) {
    return start(records, mapping, expectedRecords, OutcomeListener.NONE);
  }

  /**
   * {@link #start(Iterator, Function)}, handing every record's outcome to {@code outcomes} as its
   * batch settles (besides the builder's {@link Builder#outcomes(OutcomeListener)}).
   */
  public <R> ImportJob<R> start(
      Iterator<R> records,
      Function<? super R, ? extends O> mapping,
      OutcomeListener<? super R> outcomes) {
    return start(records, mapping, expectedRecords, outcomes);
  }

  private <R> ImportJob<R> start(
      Iterator<R> records,
      Function<? super R, ? extends O> mapping,
      OptionalLong total,
      OutcomeListener<? super R> outcomes) {
    Objects.requireNonNull(outcomes, "outcomes");
    ImportRun<R, O, B> run =
        new ImportRun<>(
            this, Objects.requireNonNull(mapping, "mapping"), total, both(this.outcomes, outcomes));
    return run.start(Objects.requireNonNull(records, "records"));
  }

  private static <R> OutcomeListener<? super R> both(
      OutcomeListener<Object> first, OutcomeListener<? super R> second) {
    if (second == OutcomeListener.NONE) {
      return first;
    }
    if (first == OutcomeListener.NONE) {
      return second;
    }
    return o -> {
      try {
        first.outcome(o);
      } finally {
        second.outcome(o);
      }
    };
  }

  @Override
  public String toString() {
    return "BulkImporter["
        + target.name()
        + ", job "
        + jobId
        + ", maxInFlight "
        + maxInFlight
        + ", batchSize "
        + batchSize
        + "]";
  }

  /**
   * Configures a {@link BulkImporter}. Defaults: a random job id, no journal, failure threshold 5%
   * (alert only), 5 tasks in flight (the tenant's limit), batches of 50, de-duplication by the
   * target's key, tasks given up as unresolved after 15 minutes.
   */
  public static final class Builder<O extends BatchItem, B extends Batch<O>> {
    private final CsmClient client;
    private final BulkTarget<O, B> target;
    private @Nullable String jobId;
    private @Nullable Path journal;
    private boolean dryRun;
    private ImportListener listener = ImportListener.NONE;
    private double failureThreshold = 0.05;
    private boolean stopOnFailureThreshold;
    private int maxInFlight = 5;
    private int batchSize = Batch.MAX_ITEMS;
    private boolean dedupe = true;
    private Function<? super O, Optional<String>> dedupeKey;
    private Duration maxTaskWait = Duration.ofMinutes(15);
    private Duration initialTaskEstimate = Duration.ofSeconds(1);
    private Duration minPollInterval = Duration.ofMillis(10);
    private Duration maxPollInterval = Duration.ofSeconds(10);
    private OptionalLong expectedRecords = OptionalLong.empty();
    private OutcomeListener<Object> outcomes = OutcomeListener.NONE;
    private int keepFailures = Integer.MAX_VALUE;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private Duration interruptGrace = Duration.ZERO;

    private Builder(CsmClient client, BulkTarget<O, B> target) {
      this.client = Objects.requireNonNull(client, "client");
      this.target = Objects.requireNonNull(target, "target");
      this.dedupeKey = target::dedupeKey;
    }

    /**
     * Names the job. Idempotency keys derive from it: reuse it to resume or rerun the same import,
     * change it for a different one (for example a rerun of just the failed records). At most 100
     * characters.
     */
    public Builder<O, B> jobId(String jobId) {
      Objects.requireNonNull(jobId, "jobId");
      if (jobId.isBlank() || jobId.length() > 100) {
        throw new IllegalArgumentException("jobId must be 1 to 100 characters, not blank");
      }
      this.jobId = jobId;
      return this;
    }

    /** Journals the run to this file, and resumes from it when it exists. Needs a job id. */
    public Builder<O, B> journal(Path journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * Marks this import as a dry run (against a throwaway sandbox, not the real site): its journal
     * says so, and a real run refuses to resume from it, and a dry run from a real run's, with a
     * {@link JournalMismatchException}. Default false.
     */
    public Builder<O, B> dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Observes the import's progress; default {@link ImportListener#NONE}. */
    public Builder<O, B> listener(ImportListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Receives every record's outcome — imported or not, with stage, message, batch, task id and
     * idempotency key — as its batch settles, on every run of the importer; default {@link
     * OutcomeListener#NONE}. The record type is the run's, hence {@code Object} here; {@link
     * BulkImporter#run(Iterable, Function, OutcomeListener)} takes a typed one.
     */
    public Builder<O, B> outcomes(OutcomeListener<Object> outcomes) {
      this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
      return this;
    }

    /**
     * Keeps at most this many failures in the report ({@link ImportReport#failures()}); the rest
     * are still counted and given to the outcome listener, and {@link
     * ImportReport#failuresOmitted()} says how many were left out. Set it with an outcome listener
     * to keep a large import's failures off the heap; default: all of them.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder<O, B> keepFailures(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("keepFailures must not be negative: " + max);
      }
      this.keepFailures = max;
      return this;
    }

    /**
     * The failure rate (records rejected or failed, among the records read, duplicates aside) above
     * which the listener is alerted, once; 0 to 1, default 0.05.
     */
    public Builder<O, B> failureThreshold(double threshold) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException(
            "failureThreshold must be between 0 and 1: " + threshold);
      }
      this.failureThreshold = threshold;
      return this;
    }

    /**
     * Also stop when the threshold is passed: no new batches, the in-flight ones finished, the
     * report marked as stopped.
     */
    public Builder<O, B> stopOnFailureThreshold(boolean stop) {
      this.stopOnFailureThreshold = stop;
      return this;
    }

    /** Tasks unfinished at once, 1 to 100; default 5, the tenant's limit. */
    public Builder<O, B> maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 100) {
        throw new IllegalArgumentException("maxInFlight must be 1 to 100: " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * The most bytes one request's body may carry; default {@link #DEFAULT_MAX_REQUEST_BYTES}. A
     * batch closes before it would grow past it, and a record whose request alone would is rejected
     * at {@code VALIDATION} with the rule {@code MAX_REQUEST_BYTES}, so that it never fails the
     * records around it.
     *
     * @throws IllegalArgumentException if below 1024
     */
    public Builder<O, B> maxRequestBytes(int max) {
      if (max < 1024) {
        throw new IllegalArgumentException("maxRequestBytes must be at least 1024: " + max);
      }
      this.maxRequestBytes = max;
      return this;
    }

    /** Items a batch, 1 to 50; default 50. */
    public Builder<O, B> batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > Batch.MAX_ITEMS) {
        throw new IllegalArgumentException(
            "batchSize must be 1 to " + Batch.MAX_ITEMS + ": " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * De-duplicates by this key (trimmed and lower-cased by the caller as needed): a later record
     * with a key already seen is skipped as DUPLICATE. Empty keys are never duplicates.
     */
    public Builder<O, B> dedupeBy(Function<? super O, Optional<String>> key) {
      this.dedupeKey = Objects.requireNonNull(key, "key");
      this.dedupe = true;
      return this;
    }

    /**
     * Sends every record, duplicates included (the batch rules still refuse one within a batch).
     */
    public Builder<O, B> noDedupe() {
      this.dedupe = false;
      return this;
    }

    /**
     * How long a task may stay unfinished before its batch is reported unresolved; default 15 min.
     */
    public Builder<O, B> maxTaskWait(Duration wait) {
      this.maxTaskWait = positive(wait, "maxTaskWait");
      return this;
    }

    /**
     * The first guess of a task's duration, before the run has measured any; default 1 s. The
     * engine polls a task when it is likely done, learning the duration as tasks finish.
     */
    public Builder<O, B> initialTaskEstimate(Duration estimate) {
      this.initialTaskEstimate = positive(estimate, "initialTaskEstimate");
      return this;
    }

    /** The bounds of the pause between polls of one task; default 10 ms to 10 s. */
    public Builder<O, B> pollInterval(Duration min, Duration max) {
      positive(min, "min");
      positive(max, "max");
      if (min.compareTo(max) > 0) {
        throw new IllegalArgumentException("poll interval min " + min + " is above max " + max);
      }
      this.minPollInterval = min;
      this.maxPollInterval = max;
      return this;
    }

    /**
     * How long a run whose caller is interrupted (Ctrl-C in a command line, say) waits for the
     * tasks already in flight, as {@link ImportJob#close(Duration)} does: no new batch is sent,
     * records of tasks that end within the grace are reported imported or failed, the others
     * UNRESOLVED with their task id. Default zero: an interrupt settles everything at once.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder<O, B> interruptGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("interruptGrace must not be negative: " + grace);
      }
      this.interruptGrace = grace;
      return this;
    }

    /** The number of input records, for progress and ETA when the input is not a collection. */
    public Builder<O, B> expectedRecords(long count) {
      this.expectedRecords = count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
      return this;
    }

    /**
     * The importer.
     *
     * @throws IllegalStateException if a journal is set without a job id
     */
    public BulkImporter<O, B> build() {
      if (journal != null && jobId == null) {
        throw new IllegalStateException(
            "a journal needs a job id: set jobId(...) so that a rerun finds its batches");
      }
      return new BulkImporter<>(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
