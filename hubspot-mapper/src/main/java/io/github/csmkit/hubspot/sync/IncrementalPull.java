package io.github.csmkit.hubspot.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Pulls every record of one object type modified in {@code [watermark - overlap, runStart]} through
 * HubSpot's CRM search API, however many there are.
 *
 * <p>Every request asks for one page of 200 records inside the window, sorted by {@code
 * hs_object_id} ascending, <em>above the last id seen</em> ({@code hs_object_id GT last}): each
 * page is a fresh query, so no query ever pages toward the 10,000-results cap, and a record that
 * leaves the window while the pull runs (modified again, so its date moves past {@code runStart})
 * cannot shift the pages and hide another record, as offset paging would. The pull ends only when
 * HubSpot sends no {@code paging.next}, never on a short page. The window is inclusive at both
 * ends; results are de-duplicated by (id, modification time), and a caller's {@link
 * Builder#alreadySettled(BiPredicate) settled} versions are dropped, so records on the boundary are
 * neither lost nor applied twice.
 *
 * <p>Pure: it talks to HubSpot only through the {@link SearchFetcher}, which handles HTTP, rate
 * limits and retries. Not thread-safe; one pull at a time.
 */
public final class IncrementalPull {
  /** HubSpot's largest search page. */
  public static final int MAX_PAGE_SIZE = 200;

  private final String objectType;
  private final String modifiedProperty;
  private final List<String> properties;
  private final Duration overlap;
  private final int pageSize;
  private final BiPredicate<String, Instant> settled;

  private IncrementalPull(Builder b) {
    this.objectType = b.objectType;
    this.modifiedProperty = b.modifiedProperty;
    Set<String> props = new LinkedHashSet<>(b.properties);
    props.add("hs_object_id");
    props.add(b.modifiedProperty);
    this.properties = List.copyOf(props);
    this.overlap = b.overlap;
    this.pageSize = b.pageSize;
    this.settled = b.settled;
  }

  /**
   * A pull of contacts, by {@code lastmodifieddate}.
   *
   * @return a builder
   */
  public static Builder contacts() {
    return new Builder("contacts", "lastmodifieddate");
  }

  /**
   * A pull of companies, by {@code hs_lastmodifieddate}.
   *
   * @return a builder
   */
  public static Builder companies() {
    return new Builder("companies", "hs_lastmodifieddate");
  }

  /**
   * Reads every record modified in {@code [watermark - overlap, runStart]}.
   *
   * @param fetcher sends the searches
   * @param watermark the last run's watermark, or null to read everything modified up to {@code
   *     runStart}
   * @param runStart the window's upper bound: this run's start
   * @return the records and the candidate watermark
   * @throws IllegalArgumentException when the window is empty (watermark - overlap after runStart)
   * @throws IllegalStateException when HubSpot's answers break the pull's assumptions (ids not
   *     ascending, an empty page that claims a next one)
   * @throws RuntimeException whatever the fetcher throws; no watermark is proposed then
   */
  public PullResult pull(SearchFetcher fetcher, Instant watermark, Instant runStart) {
    Objects.requireNonNull(fetcher, "fetcher");
    Objects.requireNonNull(runStart, "runStart");
    Instant from = watermark == null ? null : watermark.minus(overlap);
    if (from != null && from.isAfter(runStart)) {
      throw new IllegalArgumentException(
          "the window is empty: watermark - overlap "
              + from
              + " is after the run's start "
              + runStart);
    }
    Map<String, ChangedRecord> byId = new LinkedHashMap<>();
    Instant newest = null;
    long lastId = Long.MIN_VALUE;
    int requests = 0;
    long returned = 0;
    long duplicates = 0;
    long superseded = 0;
    long alreadySettled = 0;
    long outOfWindow = 0;
    while (true) {
      SearchPage page = fetcher.fetch(request(from, runStart, requests == 0 ? null : lastId));
      requests++;
      for (ChangedRecord r : page.results()) {
        returned++;
        long id = parseId(r.id());
        if (id < lastId) {
          throw new IllegalStateException(
              "search results came out of id order ("
                  + r.id()
                  + " after "
                  + lastId
                  + "): the pull cannot page safely");
        }
        lastId = id;
        Instant t = r.modifiedAt();
        if ((from != null && t.isBefore(from)) || t.isAfter(runStart)) {
          outOfWindow++;
          continue;
        }
        newest = newest == null || t.isAfter(newest) ? t : newest;
        if (settled.test(r.id(), t)) {
          alreadySettled++;
          continue;
        }
        ChangedRecord before = byId.get(r.id());
        if (before == null) {
          byId.put(r.id(), r);
        } else if (before.modifiedAt().equals(t)) {
          duplicates++;
        } else {
          superseded++;
          if (t.isAfter(before.modifiedAt())) {
            byId.put(r.id(), r);
          }
        }
      }
      if (page.nextAfter() == null) {
        break;
      }
      if (page.results().isEmpty()) {
        throw new IllegalStateException(
            "a search page was empty but announced a next page: the pull cannot make progress");
      }
    }
    Instant candidate = newest == null ? watermark : newest;
    if (watermark != null && candidate.isBefore(watermark)) {
      candidate = watermark;
    }
    return new PullResult(
        new ArrayList<>(byId.values()),
        from,
        runStart,
        candidate,
        requests,
        returned,
        duplicates,
        superseded,
        alreadySettled,
        outOfWindow);
  }

  private SearchRequest request(Instant from, Instant to, Long aboveId) {
    List<SearchRequest.Filter> filters = new ArrayList<>();
    if (from != null) {
      filters.add(
          new SearchRequest.Filter(modifiedProperty, "GTE", Long.toString(from.toEpochMilli())));
    }
    filters.add(
        new SearchRequest.Filter(modifiedProperty, "LTE", Long.toString(to.toEpochMilli())));
    if (aboveId != null) {
      filters.add(new SearchRequest.Filter("hs_object_id", "GT", Long.toString(aboveId)));
    }
    return new SearchRequest(objectType, filters, "hs_object_id", true, properties, pageSize, null);
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("a search result's id is not a number: " + id, e);
    }
  }

  @Override
  public String toString() {
    return "IncrementalPull["
        + objectType
        + " by "
        + modifiedProperty
        + ", overlap "
        + overlap
        + "]";
  }

  /** Configures an {@link IncrementalPull}. */
  public static final class Builder {
    private final String objectType;
    private final String modifiedProperty;
    private List<String> properties = List.of();
    private Duration overlap = Duration.ofMinutes(10);
    private int pageSize = MAX_PAGE_SIZE;
    private BiPredicate<String, Instant> settled = (id, t) -> false;

    private Builder(String objectType, String modifiedProperty) {
      this.objectType = objectType;
      this.modifiedProperty = modifiedProperty;
    }

    /**
     * The properties to read (the id and the modification date are always read).
     *
     * @param properties internal names
     * @return this builder
     */
    public Builder properties(List<String> properties) {
      this.properties = List.copyOf(properties);
      return this;
    }

    /**
     * How far before the watermark the window starts, to catch changes the search index had not
     * shown yet when the last run read (and clock skew between this machine and HubSpot). It must
     * be at least the index lag. Default 10 minutes.
     *
     * @param overlap not negative
     * @return this builder
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
     * Records per search page; default 200, HubSpot's maximum.
     *
     * @param pageSize 1 to 200
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("a search page holds 1 to 200 records: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Versions the caller has already settled (from the sync state): a result whose id and
     * modification time it accepts is counted and dropped. Default none.
     *
     * @param settled answers whether (id, modification time) was settled by an earlier run
     * @return this builder
     */
    public Builder alreadySettled(BiPredicate<String, Instant> settled) {
      this.settled = Objects.requireNonNull(settled, "settled");
      return this;
    }

    /**
     * The pull.
     *
     * @return a new pull
     */
    public IncrementalPull build() {
      return new IncrementalPull(this);
    }
  }
}
