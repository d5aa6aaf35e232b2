package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /crm/v3/objects/{type}/search} over the search index: what the index shows lags
 * behind the portal by the sandbox's index lag, archived and merged records are never in it, and no
 * query pages past 10,000 results.
 */
final class SearchHandler {
  /** HubSpot's cap on the results one query can page through. */
  static final int RESULT_CAP = 10_000;

  static final int PAGE_MAX = 200;
  static final int MAX_GROUPS = 5;
  static final int MAX_FILTERS_PER_GROUP = 6;
  static final int MAX_FILTERS = 18;

  private static final Map<ObjectType, List<String>> SEARCHABLE =
      Map.of(
          ObjectType.CONTACTS,
          List.of(
              "firstname",
              "lastname",
              "email",
              "phone",
              "hs_additional_emails",
              "fax",
              "mobilephone",
              "company",
              "hs_marketable_until_renewal"),
          ObjectType.COMPANIES,
          List.of("website", "phone", "name", "domain"));

  private record Hit(StoredRecord record, StoredRecord.Version version) {}

  private final HubSpotPortal portal;

  SearchHandler(HubSpotPortal portal) {
    this.portal = portal;
  }

  Reply search(Request req) {
    JsonNode body = req.json();
    int limit = Request.bounded(text(body.get("limit")), 10, PAGE_MAX, "limit");
    int after = Request.offset(text(body.get("after")));
    List<List<SearchFilter>> groups = groups(body.path("filterGroups"));
    Comparator<Hit> order = order(body.path("sorts"));
    String query = text(body.get("query"));
    List<String> props = RecordJson.namesFromJson(body.get("properties"));
    if (after >= RESULT_CAP) {
      // what HubSpot answers when a client follows paging.next past the cap
      throw Reply.validation(
          "Search results are limited to "
              + RESULT_CAP
              + " per query: after="
              + after
              + " is past the limit. Narrow the query (for example by hs_object_id) to read more.");
    }
    synchronized (portal) {
      Instant now = portal.clock().instant();
      List<Hit> hits = new ArrayList<>();
      for (StoredRecord r : portal.table(req.type()).tailMap(lowestId(groups), true).values()) {
        StoredRecord.Version v = r.indexed(now);
        if (v != null && matches(groups, r, v) && matchesQuery(req.type(), query, v)) {
          hits.add(new Hit(r, v));
        }
      }
      hits.sort(order);
      int end = Math.min(Math.min(after + limit, hits.size()), RESULT_CAP);
      ObjectNode out = Reply.JSON.createObjectNode();
      out.put("total", hits.size());
      ArrayNode results = out.putArray("results");
      for (int i = after; i < end; i++) {
        Hit h = hits.get(i);
        results.add(
            RecordJson.render(
                req.type(),
                h.record().id,
                h.version().properties(),
                h.record().createdAt,
                h.version().updatedAt(),
                null,
                props,
                portal.known(req.type())));
      }
      if (after + limit < hits.size()) {
        // HubSpot hands out the next offset even at the cap; following it gets the 400 above
        out.putObject("paging").putObject("next").put("after", Integer.toString(after + limit));
      }
      return new Reply(200, out);
    }
  }

  private static List<List<SearchFilter>> groups(JsonNode filterGroups) {
    List<List<SearchFilter>> groups = new ArrayList<>();
    int total = 0;
    for (JsonNode g : filterGroups) {
      List<SearchFilter> filters = new ArrayList<>();
      for (JsonNode f : g.path("filters")) {
        filters.add(SearchFilter.parse(f));
      }
      if (filters.size() > MAX_FILTERS_PER_GROUP) {
        throw Reply.validation(
            "A filter group can have at most " + MAX_FILTERS_PER_GROUP + " filters");
      }
      total += filters.size();
      groups.add(filters);
    }
    if (groups.size() > MAX_GROUPS) {
      throw Reply.validation("A search can have at most " + MAX_GROUPS + " filter groups");
    }
    if (total > MAX_FILTERS) {
      throw Reply.validation("A search can have at most " + MAX_FILTERS + " filters in total");
    }
    return groups;
  }

  /** Filter groups are ORed, the filters of a group ANDed; no group matches everything. */
  private static boolean matches(
      List<List<SearchFilter>> groups, StoredRecord r, StoredRecord.Version v) {
    if (groups.isEmpty()) {
      return true;
    }
    String modified = r.type.modifiedProperty();
    for (List<SearchFilter> g : groups) {
      if (g.stream().allMatch(f -> f.matches(v, r.id, modified))) {
        return true;
      }
    }
    return false;
  }

  /** No record below this id can match: every group bounds hs_object_id from below. */
  private static long lowestId(List<List<SearchFilter>> groups) {
    long lowest = Long.MAX_VALUE;
    for (List<SearchFilter> g : groups) {
      long bound = Long.MIN_VALUE;
      for (SearchFilter f : g) {
        if (f.property().equals("hs_object_id") && f.valueLong() != null) {
          long x = f.valueLong();
          switch (f.operator()) {
            case "GT" -> bound = Math.max(bound, x == Long.MAX_VALUE ? x : x + 1);
            case "GTE", "EQ", "BETWEEN" -> bound = Math.max(bound, x);
            default -> {}
          }
        }
      }
      lowest = Math.min(lowest, bound);
    }
    return groups.isEmpty() ? Long.MIN_VALUE : lowest;
  }

  private static boolean matchesQuery(ObjectType type, String query, StoredRecord.Version v) {
    if (query == null || query.isBlank()) {
      return true;
    }
    for (String term : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      boolean found = false;
      for (String p : SEARCHABLE.get(type)) {
        String value = v.properties().get(p);
        if (value != null && startsAnyToken(value.toLowerCase(Locale.ROOT), term)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsAnyToken(String value, String term) {
    if (value.startsWith(term)) {
      return true;
    }
    for (String token : value.split("[^\\p{L}\\p{N}]+")) {
      if (token.startsWith(term)) {
        return true;
      }
    }
    return false;
  }

  /** Only the first sort is honoured, as in HubSpot; ties (and no sort) go by id ascending. */
  private static Comparator<Hit> order(JsonNode sorts) {
    Comparator<Hit> byId = Comparator.comparingLong(h -> h.record().id);
    if (!sorts.isArray() || sorts.isEmpty()) {
      return byId;
    }
    JsonNode s = sorts.get(0);
    String property = s.isTextual() ? s.asText() : s.path("propertyName").asText("");
    String direction = s.path("direction").asText("ASCENDING");
    if (property.isEmpty()) {
      throw Reply.validation("a sort needs a propertyName");
    }
    if (!direction.equals("ASCENDING") && !direction.equals("DESCENDING")) {
      throw Reply.validation("sort direction must be ASCENDING or DESCENDING, got " + direction);
    }
    if (property.equals("hs_object_id")) {
      return direction.equals("ASCENDING") ? byId : byId.reversed();
    }
    Comparator<String> values = SearchFilter::compare;
    if (direction.equals("DESCENDING")) {
      values = values.reversed();
    }
    Comparator<Hit> byValue =
        Comparator.comparing(
            h -> h.version().properties().get(property), Comparator.nullsLast(values));
    return byValue.thenComparing(byId);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
