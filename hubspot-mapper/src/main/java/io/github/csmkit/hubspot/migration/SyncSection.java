package io.github.csmkit.hubspot.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a {@link MigrationReport} about the sync state: where it lives, the run, and per
 * phase what happened to every record by class.
 *
 * @param location the state's location (credentials masked)
 * @param runId the state's run id (which the idempotency keys derive from)
 * @param resumed whether the run continued one that did not finish
 * @param organizations the organization phase's companies (those with a HubSpot id), when it ran
 * @param customers the customer phase's contacts, when it ran
 */
public record SyncSection(
    String location,
    String runId,
    boolean resumed,
    Optional<SyncSummary> organizations,
    Optional<SyncSummary> customers) {
  /** Checks that nothing is null. */
  public SyncSection {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(organizations, "organizations");
    Objects.requireNonNull(customers, "customers");
  }

  /**
   * Both phases' counts added.
   *
   * @return the sum
   */
  public SyncCounts total() {
    return organizations
        .map(SyncSummary::counts)
        .orElse(SyncCounts.ZERO)
        .plus(customers.map(SyncSummary::counts).orElse(SyncCounts.ZERO));
  }

  /** The lines of the console summary: the state, the run, and each phase's counts by class. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("  state: ")
        .append(location)
        .append(", run ")
        .append(runId)
        .append(resumed ? " (resumed)" : "")
        .append('\n');
    organizations.ifPresent(o -> s.append("  companies: ").append(o.counts().line()).append('\n'));
    customers.ifPresent(c -> s.append("  contacts: ").append(c.counts().line()).append('\n'));
    return s.toString();
  }

  /** Writes this section into {@code n}. */
  void writeJson(ObjectNode n) {
    n.put("location", location).put("runId", runId).put("resumed", resumed);
    organizations.ifPresent(o -> phase(n.putObject("organizations"), o));
    customers.ifPresent(c -> phase(n.putObject("customers"), c));
  }

  private static void phase(ObjectNode n, SyncSummary s) {
    SyncCounts c = s.counts();
    n.put("read", c.read())
        .put("created", c.created())
        .put("updated", c.updated())
        .put("unchanged", c.unchanged())
        .put("retried", c.retried())
        .put("failed", c.failed())
        .put("rejected", c.rejected())
        .put("skipped", c.skipped())
        .put("gone", c.gone())
        .put("partiallyImported", c.partial());
    s.gone().forEach(n.putArray("goneRecords")::add);
    s.partiallyImported().forEach(n.putArray("partiallyImportedRecords")::add);
  }
}
