package io.github.csmkit.hubspot.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of search results: the records, HubSpot's {@code total}, and the cursor of the next page
 * ({@code paging.next.after}), null on the last page.
 *
 * @param results the records of this page, in the order HubSpot sent them
 * @param total how many records the query matches in all
 * @param nextAfter the next page's cursor, or null when this is the last page
 */
public record SearchPage(List<ChangedRecord> results, long total, String nextAfter) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the list. */
  public SearchPage {
    results = List.copyOf(results);
  }

  /**
   * Parses a search response body ({@code CollectionResponseWithTotalSimplePublicObject...}).
   *
   * @param body the JSON text
   * @param modifiedProperty the property holding each record's modification time ({@code
   *     lastmodifieddate} for contacts, {@code hs_lastmodifieddate} for companies); {@code
   *     updatedAt} stands in when it is absent
   * @return the page
   * @throws IllegalArgumentException when the body is not JSON, or a record has no id or no
   *     readable modification time
   */
  public static SearchPage fromJson(String body, String modifiedProperty) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("a search response is not JSON", e);
    }
    List<ChangedRecord> records = new ArrayList<>();
    for (JsonNode r : root.path("results")) {
      String id = r.path("id").asText("");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("a search result has no id");
      }
      Map<String, String> props = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : r.path("properties").properties()) {
        props.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
      Instant modified = time(props.get(modifiedProperty));
      if (modified == null) {
        modified = time(r.path("updatedAt").asText(null));
      }
      if (modified == null) {
        throw new IllegalArgumentException(
            "search result " + id + " has no readable " + modifiedProperty + " or updatedAt");
      }
      records.add(new ChangedRecord(id, modified, props));
    }
    // the offset is sometimes a string, sometimes a number; absent paging.next = last page
    JsonNode next = root.path("paging").path("next").path("after");
    String after = next.isMissingNode() || next.isNull() ? null : next.asText();
    return new SearchPage(records, root.path("total").asLong(records.size()), after);
  }

  /**
   * Reads a HubSpot time.
   *
   * @param s ISO-8601 (with or without millis or offset) or epoch milliseconds
   * @return the instant, or null when absent or unreadable
   */
  public static Instant time(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.trim();
    if (t.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
