package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.Admission.Refused;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Packs admitted records into batches of at most {@code batchSize} items, the target's operation
 * budget and the request-size limit (the sum of the items' one-item request sizes, which bounds the
 * batch's own), and builds each batch, dropping the items that break a rule across items. It also
 * knows which records it holds (pending, or taken and not yet placed in a sent batch), so a stopped
 * run can account for them. Not thread-safe: the run calls it under its lock.
 *
 * @param <R> the record type
 * @param <O> the operation type
 * @param <B> the batch type
 */
final class BatchPacker<R, O extends BatchItem, B extends Batch<O>> {
  private final BulkTarget<O, B> target;
  private final int batchSize;
  private final long maxBytes;
  private List<Pending<R, O>> pending = new ArrayList<>();
  private int pendingWeight;
  private long pendingBytes;
  private List<Pending<R, O>> inHand = List.of();

  BatchPacker(BulkTarget<O, B> target, int batchSize) {
    this(target, batchSize, Long.MAX_VALUE);
  }

  BatchPacker(BulkTarget<O, B> target, int batchSize, long maxBytes) {
    this.target = target;
    this.batchSize = batchSize;
    this.maxBytes = maxBytes;
  }

  /** Adds a record; returns the full batch it closed, if it did not fit beside the others. */
  @Nullable List<Pending<R, O>> add(Pending<R, O> p) {
    int maxWeight = target.maxWeight();
    List<Pending<R, O>> full = null;
    if (pending.size() >= batchSize
        || (maxWeight > 0 && pendingWeight + p.weight() > maxWeight)
        || (!pending.isEmpty() && pendingBytes + p.bytes() > maxBytes)) {
      full = take();
    }
    pending.add(p);
    pendingWeight += p.weight();
    pendingBytes += p.bytes();
    return full;
  }

  /** Takes what is pending, to build a batch of it (the records stay accounted as in hand). */
  List<Pending<R, O>> take() {
    List<Pending<R, O>> taken = pending;
    pending = new ArrayList<>();
    pendingWeight = 0;
    pendingBytes = 0;
    inHand = taken;
    return taken;
  }

  /** The records in hand are now in a batch of their own. */
  void placed() {
    inHand = List.of();
  }

  /** Every record held, pending or in hand, and holds none any more. */
  List<Pending<R, O>> leftovers() {
    List<Pending<R, O>> all = new ArrayList<>(inHand);
    all.addAll(pending);
    inHand = List.of();
    pending = new ArrayList<>();
    pendingWeight = 0;
    pendingBytes = 0;
    return all;
  }

  /**
   * A built batch and the items refused while building it.
   *
   * @param batch the batch, null when every item was refused
   * @param kept the items in it, in order
   * @param refused the items that broke a rule across items
   */
  record Built<R, O, B>(@Nullable B batch, List<Pending<R, O>> kept, List<Refused<R, O>> refused) {}

  /** Builds the batch of {@code items}, refusing the items the batch's rules name. */
  Built<R, O, B> build(List<Pending<R, O>> items) {
    List<Pending<R, O>> kept = new ArrayList<>(items);
    List<Refused<R, O>> refused = new ArrayList<>();
    while (!kept.isEmpty()) {
      try {
        B batch = target.batch(kept.stream().map(Pending::operation).toList());
        return new Built<>(batch, kept, refused);
      } catch (CsmValidationException e) {
        kept = offendersOut(kept, e, refused);
      }
    }
    return new Built<>(null, kept, refused);
  }

  private List<Pending<R, O>> offendersOut(
      List<Pending<R, O>> items, CsmValidationException e, List<Refused<R, O>> refused) {
    Map<Integer, List<Violation>> byItem = new TreeMap<>();
    for (Violation v : e.violations()) {
      if (v.index() >= 0 && v.index() < items.size()) {
        byItem.computeIfAbsent(v.index(), i -> new ArrayList<>()).add(v);
      }
    }
    if (byItem.isEmpty()) { // a rule of the batch as a whole that packing should have prevented
      String rule = e.violations().isEmpty() ? null : e.violations().get(0).rule().name();
      items.forEach(p -> refused.add(refusal(p, rule, String.valueOf(e.getMessage()))));
      return List.of();
    }
    List<Pending<R, O>> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Violation> v = byItem.get(i);
      if (v == null) {
        kept.add(items.get(i));
      } else {
        refused.add(refusal(items.get(i), v.get(0).rule().name(), Admission.join(v)));
      }
    }
    return kept;
  }

  private static <R, O> Refused<R, O> refusal(Pending<R, O> p, @Nullable String rule, String why) {
    return new Refused<>(p.index(), p.record(), Stage.VALIDATION, rule, why);
  }
}
