package io.github.csmkit.hubspot.verify;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.CustomerProfiles;
import io.github.csmkit.client.OrganizationProfiles;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.OrganizationRecord;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.StateReader;
import io.github.csmkit.hubspot.state.StoredRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies every record of a job and site in the sync state against CSM: each one is fetched back
 * by its CSM id ({@code POST /api/v1/organization/profile/fetch} and {@code POST
 * /api/v1/customer/profile/fetch}, 25 at a time, within the client's retries and rate handling) and
 * compared — that it exists, its email or name, its display name, every detail field last sent (by
 * {@link io.github.csmkit.hubspot.state.FieldHashes hash}) and, for a customer, its organizations
 * against the CSM ids of its stored companies.
 *
 * <p>The state is read a page at a time and CSM a batch at a time: memory stays bounded whatever
 * the state's size. Every difference goes to the {@link DifferenceSink} as it is found; the report
 * keeps only counts and the first {@value #EXAMPLES} differences.
 *
 * <pre>{@code
 * try (SyncState state = SyncState.open("csmkit-state.db");
 *      DifferenceFile file = DifferenceFile.create(Path.of("verify.json"))) {
 *   VerificationReport report = StateVerification.builder()
 *       .client(csm).state(state.reader(jobId, cloudId)).sink(file).build().run();
 *   file.finish(report);
 *   if (!report.passed()) { ... }
 * }
 * }</pre>
 */
public final class StateVerification {
  /**
   * The field under which the state holds the hash of a customer's display name (the migration
   * settles it as a field of its own: the state has no column for it).
   */
  public static final String DISPLAY_NAME_FIELD = "$displayName";

  /** The records fetched per request: both profile fetches take at most 25. */
  public static final int BATCH =
      Math.min(CustomerProfiles.FETCH_LIMIT, OrganizationProfiles.PROFILE_FETCH_LIMIT);

  /** How many differences the report keeps as examples. */
  public static final int EXAMPLES = 50;

  private final CsmClient csm;
  private final StateReader state;
  private final DifferenceSink sink;
  private final ProfileComparison comparison;

  private StateVerification(Builder b) {
    this.csm = Objects.requireNonNull(b.csm, "client");
    this.state = Objects.requireNonNull(b.state, "state");
    this.sink = b.sink;
    this.comparison = new ProfileComparison(b.displayNameField);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies every company, then every contact, of the state.
   *
   * @return the totals
   * @throws io.github.csmkit.client.error.CsmException when a fetch fails after the client's
   *     retries
   * @throws io.github.csmkit.hubspot.state.SyncStateException when the state cannot be read
   * @throws java.io.UncheckedIOException when the sink cannot write
   */
  public VerificationReport run() {
    Tally tally = new Tally(sink, EXAMPLES);
    verify(ObjectType.COMPANY, tally);
    verify(ObjectType.CONTACT, tally);
    return tally.report();
  }

  private void verify(ObjectType type, Tally tally) {
    List<StoredRecord> batch = new ArrayList<>(BATCH);
    state.forEachRecord(
        type,
        r -> {
          if (r.csmId().isEmpty()) {
            tally.withoutCsmId(r);
            return;
          }
          batch.add(r);
          if (batch.size() == BATCH) {
            check(type, batch, tally);
            batch.clear();
          }
        });
    if (!batch.isEmpty()) {
      check(type, batch, tally);
    }
  }

  private void check(ObjectType type, List<StoredRecord> batch, Tally tally) {
    Set<String> ids = new LinkedHashSet<>();
    batch.forEach(r -> ids.add(r.csmId().orElseThrow()));
    if (type == ObjectType.COMPANY) {
      Map<String, OrganizationRecord> found = new HashMap<>();
      csm.organizationProfiles().fetchProfilesByIds(ids).forEach(o -> found.put(o.id(), o));
      for (StoredRecord r : batch) {
        OrganizationRecord o = found.get(r.csmId().orElseThrow());
        if (o == null) {
          tally.notFound(r);
        } else {
          tally.compared(r, comparison.organization(r, o));
        }
      }
    } else {
      Map<String, CustomerRecord> found = new HashMap<>();
      csm.customerProfiles().fetchByIds(ids).forEach(c -> found.put(c.id(), c));
      Map<String, Optional<String>> companies = companies(batch);
      for (StoredRecord r : batch) {
        CustomerRecord c = found.get(r.csmId().orElseThrow());
        if (c == null) {
          tally.notFound(r);
        } else {
          tally.compared(r, comparison.customer(r, c, companies));
        }
      }
    }
  }

  /** The batch's companies, HubSpot id to CSM id: one look-up in the state for the batch. */
  private Map<String, Optional<String>> companies(List<StoredRecord> batch) {
    Set<String> ids = new LinkedHashSet<>();
    batch.forEach(r -> ids.addAll(r.memberships()));
    Map<String, Optional<String>> out = new HashMap<>();
    state.records(ObjectType.COMPANY, ids).forEach((id, company) -> out.put(id, company.csmId()));
    return out;
  }

  /** Builds a {@link StateVerification}. */
  public static final class Builder {
    private CsmClient csm;
    private StateReader state;
    private DifferenceSink sink = DifferenceSink.NONE;
    private String displayNameField = DISPLAY_NAME_FIELD;

    private Builder() {}

    /**
     * The client to fetch with (required).
     *
     * @param csm the client
     * @return this builder
     */
    public Builder client(CsmClient csm) {
      this.csm = Objects.requireNonNull(csm, "csm");
      return this;
    }

    /**
     * The job and site to verify (required), from {@code SyncState.reader(jobId, site)}.
     *
     * @param state the reader
     * @return this builder
     */
    public Builder state(StateReader state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * Where every difference goes as it is found (default: nowhere; the report keeps the first
     * {@value StateVerification#EXAMPLES}).
     *
     * @param sink the sink, for example a {@link DifferenceFile}
     * @return this builder
     */
    public Builder sink(DifferenceSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * The stored field holding the display name's hash (default {@value
     * StateVerification#DISPLAY_NAME_FIELD}); it is compared with the display name, not a detail.
     *
     * @param field the field's name in the state
     * @return this builder
     */
    public Builder displayNameField(String field) {
      this.displayNameField = Objects.requireNonNull(field, "field");
      return this;
    }

    /**
     * The verification.
     *
     * @return it
     * @throws NullPointerException without a client or a state
     */
    public StateVerification build() {
      return new StateVerification(this);
    }
  }
}
