package io.github.csmkit.hubspot.state;

/**
 * What a run did, by record: the counts stored in the {@code runs} table.
 *
 * @param created records created in CSM
 * @param updated records updated in CSM
 * @param unchanged records not sent because nothing changed
 * @param retried records sent again because their last attempt failed
 * @param failed records CSM refused
 * @param rejected records refused locally
 * @param gone records in the state but not in a complete source
 */
public record RunCounts(
    long created,
    long updated,
    long unchanged,
    long retried,
    long failed,
    long rejected,
    long gone) {
  /** No records. */
  public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0, 0);

  /**
   * Checks that no count is negative.
   *
   * @throws IllegalArgumentException when one is
   */
  public RunCounts {
    if (created < 0
        || updated < 0
        || unchanged < 0
        || retried < 0
        || failed < 0
        || rejected < 0
        || gone < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
