package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.model.BatchItem;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether one input record goes on to a batch: maps it, checks its operation's own rules
 * and the batch budget, and de-duplicates it. Runs on the producer thread only; the caller's
 * mapping runs here, outside every lock.
 *
 * @param <R> the record type
 * @param <O> the operation type
 */
final class Admission<R, O extends BatchItem> implements AutoCloseable {
  private final Function<? super R, ? extends O> mapping;
  private final BulkTarget<O, ?> target;
  private final Optional<Function<? super O, Optional<String>>> dedupeKey;
  private final ToIntFunction<O> requestBytes;
  private final int maxRequestBytes;
  private final SeenKeys seen = new SeenKeys();

  // requestBytes: the size of the request that would carry one operation alone
  Admission(
      Function<? super R, ? extends O> mapping,
      BulkTarget<O, ?> target,
      Optional<Function<? super O, Optional<String>>> dedupeKey,
      ToIntFunction<O> requestBytes,
      int maxRequestBytes) {
    this.mapping = mapping;
    this.target = target;
    this.dedupeKey = dedupeKey;
    this.requestBytes = requestBytes;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** What admission decided for one record. */
  sealed interface Admitted<R, O> {}

  /** On to a batch. */
  record Accepted<R, O>(Pending<R, O> pending) implements Admitted<R, O> {}

  /** Refused: rejected at a stage (with the rule broken, if one) or a duplicate. */
  record Refused<R, O>(long index, R record, Stage stage, @Nullable String rule, String message)
      implements Admitted<R, O> {}

  Admitted<R, O> admit(long index, R record) {
    if (record instanceof UnreadableRecord u) { // the source could not read it: nothing to map
      return new Refused<>(index, record, Stage.SOURCE, u.rule(), u.problem());
    }
    O op;
    try {
      op = mapping.apply(record);
    } catch (DuplicateRecordException e) {
      return new Refused<>(index, record, Stage.DUPLICATE, null, String.valueOf(e.getMessage()));
    } catch (CsmValidationException e) {
      String rule = e.violations().isEmpty() ? null : e.violations().get(0).rule().name();
      return new Refused<>(index, record, Stage.MAPPING, rule, String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      return new Refused<>(
          index, record, Stage.MAPPING, null, "the mapping failed: " + Failures.describe(e));
    }
    if (op == null) {
      return new Refused<>(
          index, record, Stage.MAPPING, null, "the mapping returned no operation for this record");
    }
    List<Violation> violations = op.violations();
    if (!violations.isEmpty()) {
      return new Refused<>(
          index, record, Stage.VALIDATION, violations.get(0).rule().name(), join(violations));
    }
    int weight = target.weight(op);
    int maxWeight = target.maxWeight();
    if (maxWeight > 0 && weight > maxWeight) {
      return new Refused<>(
          index,
          record,
          Stage.VALIDATION,
          Violation.Rule.MAX_OPERATIONS.name(),
          "it has " + weight + " operations, more than the " + maxWeight + " a batch may hold");
    }
    int bytes;
    try {
      bytes = requestBytes.applyAsInt(op);
    } catch (CsmValidationException e) { // a rule of a batch of one: the batch would refuse it too
      String rule = e.violations().isEmpty() ? null : e.violations().get(0).rule().name();
      return new Refused<>(index, record, Stage.VALIDATION, rule, String.valueOf(e.getMessage()));
    }
    if (bytes > maxRequestBytes) { // alone it cannot be sent: refuse it, not the batch around it
      return new Refused<>(
          index,
          record,
          Stage.VALIDATION,
          Violation.Rule.MAX_REQUEST_BYTES.name(),
          "a request carrying it alone is "
              + bytes
              + " bytes, more than the "
              + maxRequestBytes
              + " a request may carry");
    }
    if (dedupeKey.isPresent()) {
      Optional<String> key = dedupeKey.get().apply(op);
      if (key.isPresent() && !key.get().isBlank() && !seen.add(key.get())) {
        return new Refused<>(
            index,
            record,
            Stage.DUPLICATE,
            null,
            "an earlier record has the same de-duplication key");
      }
    }
    return new Accepted<>(new Pending<>(index, record, op, weight, bytes));
  }

  static String join(List<Violation> violations) {
    return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
  }

  @Override
  public void close() {
    seen.close();
  }
}
