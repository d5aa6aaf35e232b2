package io.github.csmkit.hubspot.verify;

import io.github.csmkit.hubspot.state.ObjectType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The totals of a {@link StateVerification}: per type where every record ended, the differences by
 * kind, and the first few differences as examples (every one went to the run's {@link
 * DifferenceSink}).
 *
 * @param counts per type (both types present, zero when the state has none)
 * @param differencesByKind how many differences of each kind (every kind present)
 * @param examples the first differences found, at most {@link StateVerification#EXAMPLES}
 */
public record VerificationReport(
    Map<ObjectType, Counts> counts,
    Map<Difference.Kind, Long> differencesByKind,
    List<Difference> examples) {
  /** Copies the collections. */
  public VerificationReport {
    counts = Map.copyOf(new EnumMap<>(Objects.requireNonNull(counts, "counts")));
    differencesByKind = Map.copyOf(differencesByKind);
    examples = List.copyOf(examples);
  }

  /**
   * Where the records of one type ended: each in exactly one of {@code matched}, {@code differing},
   * {@code notFound}, {@code notImported}, {@code csmIdUnknown}.
   *
   * @param records the records of this type in the state
   * @param matched fetched from CSM and equal to the state in every respect
   * @param differing fetched from CSM, with at least one difference
   * @param notFound not in CSM under the stored id
   * @param notImported never imported (last attempt failed or rejected, no CSM id)
   * @param csmIdUnknown imported, CSM id unknown to the state
   */
  public record Counts(
      long records,
      long matched,
      long differing,
      long notFound,
      long notImported,
      long csmIdUnknown) {
    /**
     * The records looked up in CSM.
     *
     * @return matched + differing + not found
     */
    public long checked() {
      return matched + differing + notFound;
    }
  }

  /**
   * The records looked up in CSM, of both types.
   *
   * @return the sum of {@link Counts#checked()}
   */
  public long checked() {
    return counts.values().stream().mapToLong(Counts::checked).sum();
  }

  /**
   * Every difference found, of every kind.
   *
   * @return the sum of {@link #differencesByKind()}
   */
  public long differences() {
    return differencesByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Whether the state and CSM agree: at least one record was checked, and not one difference was
   * found (a record never imported or whose CSM id is unknown counts as a difference: CSM lacks it
   * or it cannot be told apart). A verification that checked nothing never passes.
   *
   * @return whether it passed
   */
  public boolean passed() {
    return checked() > 0 && differences() == 0;
  }

  /**
   * The report as JSON: {@code passed}, {@code checked}, {@code differences}, per type counts,
   * {@code differencesByKind} and the examples.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    return VerificationJson.summary(this);
  }
}
