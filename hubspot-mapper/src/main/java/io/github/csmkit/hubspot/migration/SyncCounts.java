package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.state.RunCounts;

/**
 * What one phase of a migration with a sync state did with the records of its source, by class.
 * Every record read is in exactly one of {@code created}, {@code updated}, {@code unchanged},
 * {@code retried}, {@code failed}, {@code rejected} and {@code skipped}, so they add up to {@link
 * #read()}; {@code gone} counts records of the state that a complete source no longer has (not
 * read, so not part of that sum). {@code partial} counts imported records (within created, updated
 * or retried) of which a part could not be sent: a membership of an organization CSM lacks.
 *
 * @param created records new to the state, created (upserted) in CSM
 * @param updated records changed since CSM last accepted them, updated by CSM id
 * @param unchanged records not sent: nothing changed
 * @param retried records whose last attempt had failed, sent again and accepted
 * @param failed records CSM refused, or whose end was not seen (the next run sends them again)
 * @param rejected records refused locally (unreadable, unmappable, invalid, duplicate)
 * @param skipped records not sent because the run sends only the failures ({@code retryFailedOnly})
 * @param gone records in the state that a complete source did not have (never deleted)
 * @param partial imported records with a membership held back (sent by a later run)
 */
public record SyncCounts(
    long created,
    long updated,
    long unchanged,
    long retried,
    long failed,
    long rejected,
    long skipped,
    long gone,
    long partial) {
  /** No records. */
  public static final SyncCounts ZERO = new SyncCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * The records read: the sum of every class but {@code gone} and {@code partial}.
   *
   * @return the sum
   */
  public long read() {
    return created + updated + unchanged + retried + failed + rejected + skipped;
  }

  /**
   * Both phases' counts added.
   *
   * @param o the other counts
   * @return the sum
   */
  public SyncCounts plus(SyncCounts o) {
    return new SyncCounts(
        created + o.created,
        updated + o.updated,
        unchanged + o.unchanged,
        retried + o.retried,
        failed + o.failed,
        rejected + o.rejected,
        skipped + o.skipped,
        gone + o.gone,
        partial + o.partial);
  }

  /**
   * The counts as the state's {@code runs} table stores them (skipped records count as unchanged).
   *
   * @return the run counts
   */
  public RunCounts toRunCounts() {
    return new RunCounts(created, updated, unchanged + skipped, retried, failed, rejected, gone);
  }

  /**
   * One line: {@code created 3, updated 1, unchanged 10, ...}.
   *
   * @return the line
   */
  public String line() {
    return "created "
        + created
        + ", updated "
        + updated
        + ", unchanged "
        + unchanged
        + ", retried "
        + retried
        + ", failed "
        + failed
        + ", rejected "
        + rejected
        + (skipped > 0 ? ", skipped " + skipped : "")
        + ", gone "
        + gone
        + (partial > 0 ? " (" + partial + " partially imported)" : "");
  }
}
