package io.github.csmkit.hubspot.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory stand-in for HubSpot's search, strict where HubSpot is: it evaluates the filters the
 * pull sends (GTE/LTE on the date, GT on the id), sorts by id, and fails past the 10,000 cap.
 */
final class FakeSearch implements SearchFetcher {
  static final String MODIFIED = "lastmodifieddate";

  final TreeMap<Long, Instant> records = new TreeMap<>();
  final List<SearchRequest> requests = new ArrayList<>();

  /**
   * Runs before each answer with the number of the request (0-based): changes "during the pull".
   */
  Consumer<Integer> beforeAnswer = n -> {};

  /** Extra results appended to the next page (misbehaving-server tests). */
  List<ChangedRecord> inject = new ArrayList<>();

  boolean forceNext;

  void put(long id, Instant modifiedAt) {
    records.put(id, modifiedAt);
  }

  @Override
  public SearchPage fetch(SearchRequest request) {
    beforeAnswer.accept(requests.size());
    requests.add(request);
    int offset = request.after() == null ? 0 : Integer.parseInt(request.after());
    if (offset >= 10_000) {
      throw new IllegalStateException("HTTP 400: past the 10,000-results cap");
    }
    List<ChangedRecord> matching = new ArrayList<>();
    for (Map.Entry<Long, Instant> e : records.entrySet()) {
      if (matches(request, e.getKey(), e.getValue())) {
        matching.add(record(e.getKey(), e.getValue()));
      }
    }
    int end = Math.min(offset + request.limit(), matching.size());
    List<ChangedRecord> page = new ArrayList<>(matching.subList(Math.min(offset, end), end));
    page.addAll(inject);
    inject = new ArrayList<>();
    String next = end < matching.size() || forceNext ? Integer.toString(end) : null;
    return new SearchPage(page, matching.size(), next);
  }

  static ChangedRecord record(long id, Instant t) {
    return new ChangedRecord(
        Long.toString(id), t, Map.of("hs_object_id", Long.toString(id), MODIFIED, t.toString()));
  }

  private static boolean matches(SearchRequest r, long id, Instant t) {
    for (SearchRequest.Filter f : r.filters()) {
      long v = Long.parseLong(f.value());
      long actual = f.propertyName().equals("hs_object_id") ? id : t.toEpochMilli();
      boolean ok =
          switch (f.operator()) {
            case "GTE" -> actual >= v;
            case "LTE" -> actual <= v;
            case "GT" -> actual > v;
            default -> throw new IllegalArgumentException("unexpected operator " + f.operator());
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
