package io.github.csmkit.hubspot.source;

import io.github.csmkit.hubspot.sync.ChangedRecord;
import io.github.csmkit.hubspot.sync.IncrementalPull;
import io.github.csmkit.hubspot.sync.PullResult;
import io.github.csmkit.hubspot.sync.SearchPage;
import io.github.csmkit.hubspot.sync.SearchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The HubSpot side of an incremental sync: what changed in a portal since the last run, through one
 * {@link HubSpotApiClient} (its base URL, token and rate limiter).
 *
 * <p>Per object type: with no watermark, a full read through the client's list path (and one search
 * for the newest modification time, the candidate watermark). With one, an {@link IncrementalPull}
 * over the search API for {@code [watermark - overlap, runStart]}, the changed contacts' companies
 * through the v4 batch association read, the archived listing for records archived since {@code
 * watermark - overlap}, and the merges named by the changed survivors' {@code
 * hs_merged_object_ids}. Contacts are read before companies.
 *
 * <pre>{@code
 * HubSpotChanges changes = HubSpotChanges.builder(client)
 *     .contactProperties(List.of("email", "firstname", "lastname"))
 *     .companyProperties(List.of("name", "domain"))
 *     .build();
 * HubSpotChangeSet read = changes.read(state.watermark(), Instant.now());
 * }</pre>
 */
public final class HubSpotChanges {
  static final String MERGED_IDS = "hs_merged_object_ids";
  private static final String PRIMARY_COMPANY = "associatedcompanyid";

  private final HubSpotApiClient client;
  private final HubSpotSearchFetcher fetcher;
  private final List<String> contactProperties;
  private final List<String> companyProperties;
  private final Duration overlap;
  private final BiPredicate<String, Instant> contactsSettled;
  private final BiPredicate<String, Instant> companiesSettled;

  private HubSpotChanges(Builder b) {
    this.client = b.client;
    this.fetcher = new HubSpotSearchFetcher(b.client.http());
    this.contactProperties = with(b.contactProperties, "lastmodifieddate", PRIMARY_COMPANY);
    this.companyProperties = with(b.companyProperties, "hs_lastmodifieddate");
    this.overlap = b.overlap;
    this.contactsSettled = b.contactsSettled;
    this.companiesSettled = b.companiesSettled;
  }

  /**
   * A builder reading through this client.
   *
   * @param client the HubSpot client (base URL, token, limits)
   * @return a new builder
   */
  public static Builder builder(HubSpotApiClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  /**
   * Reads what changed since {@code previous} up to {@code runStart}. The incremental parts are
   * read here (their records are held, a few thousand at most); a full part is read lazily as its
   * source is iterated.
   *
   * @param previous the last settled watermark; {@link HubSpotWatermark#NONE} (or a null part)
   *     reads that type in full
   * @param runStart this run's start: the window's upper bound
   * @return the changes
   * @throws HubSpotDailyLimitException when HubSpot's daily limit is reached: stop the run, keep
   *     the state, the next run continues
   * @throws HubSpotAuthenticationException when the token is refused (401)
   * @throws HubSpotApiException when a request fails for good
   * @throws IllegalArgumentException when {@code previous - overlap} is after {@code runStart}
   */
  public HubSpotChangeSet read(HubSpotWatermark previous, Instant runStart) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(runStart, "runStart");
    Map<HubSpotApiEndpoint, Long> before = client.requestCounts();
    HubSpotChangeSet.Part<HubSpotContact> contacts;
    Instant contactsMark;
    if (previous.contacts() == null) {
      contactsMark = newest("contacts", runStart);
      contacts = full(client.contacts(contactProperties));
    } else {
      PullResult pull =
          pull(IncrementalPull.contacts(), contactProperties, contactsSettled)
              .pull(fetcher, previous.contacts(), runStart);
      contactsMark = pull.candidateWatermark();
      contacts = changed(pull, "contacts", JsonRecords.CONTACT, true);
    }
    HubSpotChangeSet.Part<HubSpotCompany> companies;
    Instant companiesMark;
    if (previous.companies() == null) {
      companiesMark = newest("companies", runStart);
      companies = full(client.companies(companyProperties));
    } else {
      PullResult pull =
          pull(IncrementalPull.companies(), companyProperties, companiesSettled)
              .pull(fetcher, previous.companies(), runStart);
      companiesMark = pull.candidateWatermark();
      companies = changed(pull, "companies", JsonRecords.COMPANY, false);
    }
    return new HubSpotChangeSet(
        contacts,
        companies,
        new HubSpotWatermark(contactsMark, companiesMark),
        () -> since(before, client.requestCounts()));
  }

  private IncrementalPull pull(
      IncrementalPull.Builder b, List<String> properties, BiPredicate<String, Instant> settled) {
    return b.properties(with(properties, MERGED_IDS))
        .overlap(overlap)
        .alreadySettled(settled)
        .build();
  }

  private static <T extends HubSpotRecord> HubSpotChangeSet.Part<T> full(RecordSource<T> source) {
    return new HubSpotChangeSet.Part<>(source, true, List.of(), List.of(), null);
  }

  /** The changed records with their companies, then the archived listing, then the merges. */
  private <T extends HubSpotRecord> HubSpotChangeSet.Part<T> changed(
      PullResult pull, String type, JsonRecords.Factory<T> factory, boolean withCompanies) {
    List<String> ids = pull.records().stream().map(ChangedRecord::id).toList();
    Map<String, List<String>> companies =
        withCompanies ? AssociationReader.companiesOf(client.http(), ids) : Map.of();
    String source = "POST /crm/v3/objects/" + type + "/search";
    List<SourceRecord<T>> records = new ArrayList<>();
    List<MergedRecord> merged = new ArrayList<>();
    for (ChangedRecord r : pull.records()) {
      SourcePosition pos = new SourcePosition(source, 0, records.size() + 1L);
      records.add(
          new SourceRecord.Parsed<>(
              factory.create(
                  r.id(), r.properties(), companies.getOrDefault(r.id(), List.of()), false, pos)));
      merged.addAll(mergesInto(r));
    }
    List<ArchivedRecord> archived = ArchivedReader.since(client.http(), type, pull.windowStart());
    return new HubSpotChangeSet.Part<>(
        new ListSource<>(records, source), false, archived, merged, pull);
  }

  private static List<MergedRecord> mergesInto(ChangedRecord survivor) {
    String ids = survivor.properties().get(MERGED_IDS);
    List<MergedRecord> out = new ArrayList<>();
    if (ids != null) {
      for (String id : ids.split(";")) {
        String merged = id.trim();
        if (!merged.isEmpty() && !merged.equals(survivor.id())) {
          out.add(new MergedRecord(merged, survivor.id()));
        }
      }
    }
    return out;
  }

  /**
   * The newest modification time the search index shows up to {@code runStart}: the candidate of a
   * full read. It is read before the list, so every record modified before it is listed.
   */
  private Instant newest(String type, Instant runStart) {
    String modified = HubSpotSearchFetcher.modifiedProperty(type);
    SearchRequest q =
        new SearchRequest(
            type,
            List.of(
                new SearchRequest.Filter(modified, "LTE", Long.toString(runStart.toEpochMilli()))),
            modified,
            false,
            List.of(modified),
            1,
            null);
    SearchPage page = fetcher.fetch(q);
    return page.results().isEmpty() ? null : page.results().get(0).modifiedAt();
  }

  private static Map<HubSpotApiEndpoint, Long> since(
      Map<HubSpotApiEndpoint, Long> before, Map<HubSpotApiEndpoint, Long> now) {
    Map<HubSpotApiEndpoint, Long> out = new EnumMap<>(HubSpotApiEndpoint.class);
    now.forEach(
        (e, n) -> {
          long d = n - before.getOrDefault(e, 0L);
          if (d > 0) {
            out.put(e, d);
          }
        });
    return out;
  }

  private static List<String> with(List<String> properties, String... more) {
    Set<String> all = new LinkedHashSet<>(properties);
    all.addAll(List.of(more));
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return "HubSpotChanges[" + client + ", overlap " + overlap + "]";
  }

  /** Configures {@link HubSpotChanges}. */
  public static final class Builder {
    private final HubSpotApiClient client;
    private List<String> contactProperties = List.of();
    private List<String> companyProperties = List.of();
    private Duration overlap = Duration.ofMinutes(10);
    private BiPredicate<String, Instant> contactsSettled = (id, t) -> false;
    private BiPredicate<String, Instant> companiesSettled = (id, t) -> false;

    private Builder(HubSpotApiClient client) {
      this.client = client;
    }

    /**
     * The contact properties to read (internal names); {@code lastmodifieddate}, {@code
     * associatedcompanyid} and {@code hs_merged_object_ids} are always added.
     */
    public Builder contactProperties(List<String> properties) {
      this.contactProperties = List.copyOf(properties);
      return this;
    }

    /**
     * The company properties to read; {@code hs_lastmodifieddate} and {@code hs_merged_object_ids}
     * are always added.
     */
    public Builder companyProperties(List<String> properties) {
      this.companyProperties = List.copyOf(properties);
      return this;
    }

    /**
     * How far before the watermark a window starts: at least the search index's lag plus any clock
     * skew; default 10 minutes.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder overlap(Duration overlap) {
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("negative overlap: " + overlap);
      }
      this.overlap = overlap;
      return this;
    }

    /**
     * Contact versions an earlier run settled (from the sync state): re-read in the overlap, they
     * are counted and left out. Default none.
     */
    public Builder contactsSettled(BiPredicate<String, Instant> settled) {
      this.contactsSettled = Objects.requireNonNull(settled);
      return this;
    }

    /** Company versions an earlier run settled; default none. */
    public Builder companiesSettled(BiPredicate<String, Instant> settled) {
      this.companiesSettled = Objects.requireNonNull(settled);
      return this;
    }

    /** The reader. */
    public HubSpotChanges build() {
      return new HubSpotChanges(this);
    }
  }
}
