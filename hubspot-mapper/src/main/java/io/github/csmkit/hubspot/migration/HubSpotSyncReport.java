package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.source.HubSpotApiEndpoint;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link HubSpotSync#run() sync} did: the migration of what it read, how each object type
 * was read (in full or only what changed), the records HubSpot archived or merged away (reported
 * with their CSM ids from the state, never deleted), each type's watermark before and after, and
 * the HubSpot requests sent.
 */
public final class HubSpotSyncReport {
  /**
   * A HubSpot record archived since the last sync.
   *
   * @param hubSpotId its HubSpot id
   * @param archivedAt when HubSpot archived it
   * @param csmId the CSM customer or organization it was synced to, when the state knows it
   * @param identity the email or name last sent, when the state knows it
   */
  public record Archived(
      String hubSpotId, Instant archivedAt, Optional<String> csmId, Optional<String> identity) {
    /** Checks that nothing is null. */
    public Archived {
      Objects.requireNonNull(hubSpotId, "hubSpotId");
      Objects.requireNonNull(archivedAt, "archivedAt");
      Objects.requireNonNull(csmId, "csmId");
      Objects.requireNonNull(identity, "identity");
    }
  }

  /**
   * A HubSpot record merged into another: the survivor keeps (or gets) the CSM record; the merged
   * record's CSM record, if it had one, stays as it is.
   *
   * @param mergedId the id merged away
   * @param survivorId the record it was merged into
   * @param mergedCsmId the CSM record the merged id was synced to, when the state knows it
   * @param survivorCsmId the survivor's CSM record, when the state knows it
   */
  public record Merged(
      String mergedId,
      String survivorId,
      Optional<String> mergedCsmId,
      Optional<String> survivorCsmId) {
    /** Checks that nothing is null. */
    public Merged {
      Objects.requireNonNull(mergedId, "mergedId");
      Objects.requireNonNull(survivorId, "survivorId");
      Objects.requireNonNull(mergedCsmId, "mergedCsmId");
      Objects.requireNonNull(survivorCsmId, "survivorCsmId");
    }
  }

  /**
   * One object type's part of the sync.
   *
   * @param full true when read in full (no watermark yet), false when only what changed was read
   * @param read whether HubSpot was read for it at all (false when the run stopped before)
   * @param watermarkBefore the watermark the run started from; empty on the first sync
   * @param watermarkAfter the watermark stored at the end: moved only when every record read for
   *     this type settled, else the one before
   * @param alreadySettled records re-read in the overlap at a version the state had settled, left
   *     out
   * @param archived records archived since the watermark (minus the overlap)
   * @param merged records merged into a changed survivor
   */
  public record Part(
      boolean full,
      boolean read,
      Optional<Instant> watermarkBefore,
      Optional<Instant> watermarkAfter,
      long alreadySettled,
      List<Archived> archived,
      List<Merged> merged) {
    /** Copies the lists; checks that nothing is null. */
    public Part {
      Objects.requireNonNull(watermarkBefore, "watermarkBefore");
      Objects.requireNonNull(watermarkAfter, "watermarkAfter");
      archived = List.copyOf(archived);
      merged = List.copyOf(merged);
    }

    /** True when the run moved this type's watermark. */
    public boolean watermarkMoved() {
      return !watermarkAfter.equals(watermarkBefore);
    }
  }

  private final String jobId;
  private final String runId;
  private final Optional<MigrationReport> migration;
  private final Part contacts;
  private final Part companies;
  private final Map<HubSpotApiEndpoint, Long> requests;
  private final Optional<String> stopReason;

  HubSpotSyncReport(
      String jobId,
      String runId,
      Optional<MigrationReport> migration,
      Part contacts,
      Part companies,
      Map<HubSpotApiEndpoint, Long> requests,
      Optional<String> stopReason) {
    this.jobId = jobId;
    this.runId = runId;
    this.migration = migration;
    this.contacts = contacts;
    this.companies = companies;
    this.requests = requests.isEmpty() ? Map.of() : new EnumMap<>(requests);
    this.stopReason = stopReason;
  }

  /** The job, as the state names it. */
  public String jobId() {
    return jobId;
  }

  /** The state's run id of this sync. */
  public String runId() {
    return runId;
  }

  /** The migration of what was read; empty when the run stopped before it began (daily limit). */
  public Optional<MigrationReport> migration() {
    return migration;
  }

  /** The contacts' part. */
  public Part contacts() {
    return contacts;
  }

  /** The companies' part. */
  public Part companies() {
    return companies;
  }

  /** The HubSpot requests this sync sent, per endpoint (endpoints not used are absent). */
  public Map<HubSpotApiEndpoint, Long> requests() {
    return requests.isEmpty() ? Map.of() : new EnumMap<>(requests);
  }

  /** All HubSpot requests this sync sent. */
  public long totalRequests() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Why the sync stopped early or left a watermark where it was: HubSpot's daily limit, the
   * migration's own stop (failure threshold, interrupt), or records whose end was not seen.
   */
  public Optional<String> stopReason() {
    return stopReason;
  }

  /** True when nothing stopped the sync and both watermarks could move. */
  public boolean complete() {
    return stopReason.isEmpty();
  }

  /** A few lines for a log or a terminal. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("Sync ").append(jobId).append(" (run ").append(runId).append(")\n");
    part(s, "contacts", contacts);
    part(s, "companies", companies);
    s.append("  HubSpot requests: ")
        .append(totalRequests())
        .append(' ')
        .append(requests)
        .append('\n');
    stopReason.ifPresent(r -> s.append("  STOPPED: ").append(r).append('\n'));
    return s.toString();
  }

  private static void part(StringBuilder s, String name, Part p) {
    s.append("  ")
        .append(name)
        .append(": ")
        .append(!p.read() ? "not read" : p.full() ? "read in full" : "changes only")
        .append(", watermark ")
        .append(p.watermarkBefore().map(Instant::toString).orElse("none"))
        .append(p.watermarkMoved() ? " -> " + p.watermarkAfter().orElseThrow() : " (unchanged)")
        .append(", ")
        .append(p.archived().size())
        .append(" archived, ")
        .append(p.merged().size())
        .append(" merged\n");
  }

  @Override
  public String toString() {
    return "HubSpotSyncReport[" + jobId + ", run " + runId + ", " + requests + "]";
  }
}
