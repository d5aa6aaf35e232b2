package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.hubspot.internal.LookAhead;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists one HubSpot object type lazily, page by page (with archived records in a second pass when
 * asked): the ids-only page plus {@code batch/read} when the property list would make the URL too
 * long, and a contact page's companies from the v4 associations API.
 */
final class ObjectPager<T extends HubSpotRecord> implements RecordSource<T> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE_SIZE = 100;

  private final HubSpotHttp http;
  private final boolean includeArchived;
  private final int maxUrlLength;
  private final String type;
  private final List<String> properties;
  private final JsonRecords.Factory<T> factory;
  private final boolean withCompanies;
  private final String source;
  private boolean iterated;

  ObjectPager(
      HubSpotHttp http,
      boolean includeArchived,
      int maxUrlLength,
      String type,
      List<String> properties,
      JsonRecords.Factory<T> factory,
      boolean withCompanies) {
    this.http = http;
    this.includeArchived = includeArchived;
    this.maxUrlLength = maxUrlLength;
    this.type = type;
    this.properties = List.copyOf(properties);
    this.factory = factory;
    this.withCompanies = withCompanies;
    this.source = "GET /crm/v3/objects/" + type;
  }

  @Override
  public Iterator<SourceRecord<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException("an API source can be iterated once");
    }
    iterated = true;
    Deque<SourceRecord<T>> pending = new ArrayDeque<>();
    return new LookAhead<>() {
      private String after;
      private boolean archivedPass;
      private boolean done;
      private long count;

      @Override
      protected SourceRecord<T> advance() {
        while (pending.isEmpty() && !done) {
          after = fetchPage(archivedPass, after, pending, count);
          count += pending.size();
          if (after == null) {
            if (includeArchived && !archivedPass) {
              archivedPass = true;
            } else {
              done = true;
            }
          }
        }
        return pending.poll();
      }
    };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Reads one page into {@code out}; returns the next cursor, or null after the last page. */
  private String fetchPage(boolean archived, String after, Deque<SourceRecord<T>> out, long count) {
    String props = String.join(",", properties);
    StringBuilder q =
        new StringBuilder("/crm/v3/objects/").append(type).append("?limit=").append(PAGE_SIZE);
    String inline = "&properties=" + encode(props);
    boolean batch =
        !properties.isEmpty()
            && http.baseUri().toString().length() + q.length() + inline.length() + 200
                > maxUrlLength;
    if (batch) {
      q.append("&properties=hs_object_id");
    } else if (!properties.isEmpty()) {
      q.append(inline);
    }
    if (archived) {
      q.append("&archived=true");
    }
    if (after != null) {
      q.append("&after=").append(encode(after));
    }
    JsonNode page = http.send("GET", q.toString(), null);
    List<JsonNode> results = new ArrayList<>();
    page.path("results").forEach(results::add);
    if (batch && !results.isEmpty()) {
      results = batchRead(results, archived);
    }
    Map<String, List<String>> companies = withCompanies ? companiesOf(results) : Map.of();
    long n = count;
    for (JsonNode r : results) {
      SourcePosition pos = new SourcePosition(source, 0, ++n);
      SourceRecord<T> rec = JsonRecords.toRecord(r, pos, factory);
      if (withCompanies
          && rec instanceof SourceRecord.Parsed<T> p
          && p.value() instanceof HubSpotContact c) {
        List<String> ids = companies.getOrDefault(c.id(), c.associatedCompanyIds());
        @SuppressWarnings("unchecked")
        T withIds = (T) new HubSpotContact(c.id(), c.properties(), ids, c.archived(), c.position());
        rec = new SourceRecord.Parsed<>(withIds);
      }
      out.add(rec);
    }
    String next = page.path("paging").path("next").path("after").asText(null);
    return next == null || next.isEmpty() ? null : next;
  }

  private List<JsonNode> batchRead(List<JsonNode> page, boolean archived) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode props = body.putArray("properties");
    properties.forEach(props::add);
    ArrayNode inputs = body.putArray("inputs");
    for (JsonNode r : page) {
      inputs.addObject().put("id", r.path("id").asText());
    }
    JsonNode resp =
        http.send(
            "POST",
            "/crm/v3/objects/" + type + "/batch/read" + (archived ? "?archived=true" : ""),
            body);
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    resp.path("results").forEach(r -> byId.put(r.path("id").asText(), r));
    List<JsonNode> merged = new ArrayList<>();
    for (JsonNode r : page) {
      merged.add(byId.getOrDefault(r.path("id").asText(), r));
    }
    return merged;
  }

  private Map<String, List<String>> companiesOf(List<JsonNode> contacts) {
    List<String> ids = new ArrayList<>();
    for (JsonNode c : contacts) {
      String id = c.path("id").asText("");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return AssociationReader.companiesOf(http, ids);
  }

  @Override
  public void close() {
    // nothing held between pages
  }

  @Override
  public String toString() {
    return "HubSpotApiClient.Source[" + type + "]";
  }
}
