package io.github.csmkit.hubspot.source;

import io.github.csmkit.hubspot.sync.PullResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one {@link HubSpotChanges#read(HubSpotWatermark, java.time.Instant) read} found: the changed
 * contacts and companies as sources the migration consumes unchanged (every record when a type was
 * read in full), the records archived and merged since the last watermark, the candidate watermark
 * and the requests sent.
 */
public final class HubSpotChangeSet {
  /** One object type's part. */
  record Part<T extends HubSpotRecord>(
      RecordSource<T> source,
      boolean full,
      List<ArchivedRecord> archived,
      List<MergedRecord> merged,
      PullResult pull) {}

  private final Part<HubSpotContact> contacts;
  private final Part<HubSpotCompany> companies;
  private final HubSpotWatermark candidate;
  private final Supplier<Map<HubSpotApiEndpoint, Long>> requests;

  HubSpotChangeSet(
      Part<HubSpotContact> contacts,
      Part<HubSpotCompany> companies,
      HubSpotWatermark candidate,
      Supplier<Map<HubSpotApiEndpoint, Long>> requests) {
    this.contacts = contacts;
    this.companies = companies;
    this.candidate = candidate;
    this.requests = requests;
  }

  /**
   * The contacts modified since the contacts' watermark (minus the overlap), each with its
   * companies; every contact when {@link #contactsFull()}. Iterate once.
   */
  public RecordSource<HubSpotContact> contacts() {
    return contacts.source();
  }

  /**
   * The companies modified since the companies' watermark; every one when {@link #companiesFull()}.
   */
  public RecordSource<HubSpotCompany> companies() {
    return companies.source();
  }

  /** True when the contacts were read in full (no watermark): a complete source. */
  public boolean contactsFull() {
    return contacts.full();
  }

  /** True when the companies were read in full (no watermark): a complete source. */
  public boolean companiesFull() {
    return companies.full();
  }

  /** Contacts archived since the watermark (minus the overlap); empty on a full read. */
  public List<ArchivedRecord> archivedContacts() {
    return contacts.archived();
  }

  /** Companies archived since the watermark (minus the overlap); empty on a full read. */
  public List<ArchivedRecord> archivedCompanies() {
    return companies.archived();
  }

  /** Contacts merged into a changed survivor; empty on a full read. */
  public List<MergedRecord> mergedContacts() {
    return contacts.merged();
  }

  /** Companies merged into a changed survivor; empty on a full read. */
  public List<MergedRecord> mergedCompanies() {
    return companies.merged();
  }

  /** The contacts' search pull and its counts, or empty on a full read. */
  public Optional<PullResult> contactPull() {
    return Optional.ofNullable(contacts.pull());
  }

  /** The companies' search pull and its counts, or empty on a full read. */
  public Optional<PullResult> companyPull() {
    return Optional.ofNullable(companies.pull());
  }

  /**
   * The watermark to store once every record of this read has settled: per type, the newest
   * modification time read (never after the run's start, never before the previous watermark). A
   * type read in full with no record at all keeps a null part.
   */
  public HubSpotWatermark candidateWatermark() {
    return candidate;
  }

  /**
   * The requests sent since the read began, per endpoint (a full read sends its pages as its
   * sources are iterated, so the counts grow until then). Counts every request of the client.
   */
  public Map<HubSpotApiEndpoint, Long> requests() {
    return new EnumMap<>(requests.get());
  }

  /** All requests since the read began. */
  public long totalRequests() {
    return requests.get().values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public String toString() {
    return "HubSpotChangeSet[contacts "
        + (contactsFull() ? "full" : "changed")
        + ", companies "
        + (companiesFull() ? "full" : "changed")
        + ", watermark "
        + candidate
        + "]";
  }
}
