package io.github.csmkit.hubspot.verify;

import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Outcome;
import io.github.csmkit.hubspot.state.StoredRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Puts every record in exactly one count and passes every difference on; counts only in memory. */
final class Tally {
  private enum End {
    MATCHED,
    DIFFERING,
    NOT_FOUND,
    NOT_IMPORTED,
    CSM_ID_UNKNOWN
  }

  private final DifferenceSink sink;
  private final int maxExamples;
  private final Map<ObjectType, long[]> ends = new EnumMap<>(ObjectType.class);
  private final Map<Difference.Kind, Long> kinds = new EnumMap<>(Difference.Kind.class);
  private final List<Difference> examples = new ArrayList<>();

  Tally(DifferenceSink sink, int maxExamples) {
    this.sink = sink;
    this.maxExamples = maxExamples;
    for (ObjectType t : ObjectType.values()) {
      ends.put(t, new long[End.values().length]);
    }
    for (Difference.Kind k : Difference.Kind.values()) {
      kinds.put(k, 0L);
    }
  }

  /** A record without a CSM id: never imported, or imported with an id the state lacks. */
  void withoutCsmId(StoredRecord r) {
    boolean imported = r.outcome() == Outcome.IMPORTED;
    end(r, imported ? End.CSM_ID_UNKNOWN : End.NOT_IMPORTED);
    emit(
        ProfileComparison.diff(
            r,
            imported ? Difference.Kind.CSM_ID_UNKNOWN : Difference.Kind.NOT_IMPORTED,
            null,
            imported ? null : r.outcome() + r.outcomeDetail().map(d -> ": " + d).orElse(""),
            null));
  }

  void notFound(StoredRecord r) {
    end(r, End.NOT_FOUND);
    emit(ProfileComparison.diff(r, Difference.Kind.NOT_FOUND, null, r.csmId().orElse(null), null));
  }

  void compared(StoredRecord r, List<Difference> differences) {
    end(r, differences.isEmpty() ? End.MATCHED : End.DIFFERING);
    differences.forEach(this::emit);
  }

  VerificationReport report() {
    Map<ObjectType, VerificationReport.Counts> counts = new EnumMap<>(ObjectType.class);
    ends.forEach(
        (type, n) -> {
          long records = 0;
          for (long v : n) {
            records += v;
          }
          counts.put(
              type,
              new VerificationReport.Counts(
                  records,
                  n[End.MATCHED.ordinal()],
                  n[End.DIFFERING.ordinal()],
                  n[End.NOT_FOUND.ordinal()],
                  n[End.NOT_IMPORTED.ordinal()],
                  n[End.CSM_ID_UNKNOWN.ordinal()]));
        });
    return new VerificationReport(counts, kinds, examples);
  }

  private void end(StoredRecord r, End end) {
    ends.get(r.type())[end.ordinal()]++;
  }

  private void emit(Difference d) {
    kinds.merge(d.kind(), 1L, Long::sum);
    if (examples.size() < maxExamples) {
      examples.add(d);
    }
    sink.accept(d);
  }
}
