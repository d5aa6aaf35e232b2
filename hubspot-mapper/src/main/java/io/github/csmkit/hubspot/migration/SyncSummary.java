package io.github.csmkit.hubspot.migration;

import java.util.List;

/**
 * What a phase of a migration with a sync state did, by class of record, with examples.
 *
 * @param counts the counts, which add up to the records read
 * @param gone the records of the state that a complete source did not have: type, HubSpot id, the
 *     email or name last sent and the CSM id (at most 1,000)
 * @param partiallyImported imported records with a membership held back because CSM has no such
 *     organization yet (at most 1,000); a later run adds the membership once it has
 */
public record SyncSummary(SyncCounts counts, List<String> gone, List<String> partiallyImported) {
  /** Copies the lists. */
  public SyncSummary {
    gone = List.copyOf(gone);
    partiallyImported = List.copyOf(partiallyImported);
  }

  static SyncSummary of(SyncTally tally) {
    return new SyncSummary(tally.counts(), tally.goneExamples(), tally.partialExamples());
  }
}
