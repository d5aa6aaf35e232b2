package io.github.csmkit.hubspot.source;

import java.util.Objects;

/**
 * A record merged into another: HubSpot lists the merged id in the survivor's {@code
 * hs_merged_object_ids}; the merged record no longer appears anywhere, and the survivor keeps its
 * CSM counterpart.
 *
 * @param mergedId the id that was merged away
 * @param survivorId the record it was merged into
 */
public record MergedRecord(String mergedId, String survivorId) {
  /**
   * Checks the ids.
   *
   * @throws NullPointerException when an id is null
   */
  public MergedRecord {
    Objects.requireNonNull(mergedId, "mergedId");
    Objects.requireNonNull(survivorId, "survivorId");
  }
}
