package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads contacts' companies with {@code POST /crm/v4/associations/contacts/companies/batch/read}:
 * up to 1,000 contacts a request, each input paged on its own ({@code after}) until HubSpot sends
 * no next page.
 */
final class AssociationReader {
  /** HubSpot's largest v4 batch. */
  static final int MAX_INPUTS = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AssociationReader() {}

  /**
   * The company ids of each contact, in the order HubSpot gave them, without repeats; every asked
   * id is a key (an empty list when HubSpot reports none).
   *
   * @throws HubSpotApiException when a request fails for good
   */
  static Map<String, List<String>> companiesOf(HubSpotHttp http, List<String> contactIds) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : contactIds) {
      out.put(id, new ArrayList<>());
    }
    List<String> ids = new ArrayList<>(out.keySet());
    for (int from = 0; from < ids.size(); from += MAX_INPUTS) {
      Map<String, String> todo = new LinkedHashMap<>();
      ids.subList(from, Math.min(ids.size(), from + MAX_INPUTS)).forEach(id -> todo.put(id, null));
      while (!todo.isEmpty()) {
        JsonNode resp =
            http.send("POST", "/crm/v4/associations/contacts/companies/batch/read", body(todo));
        todo.clear();
        for (JsonNode r : resp.path("results")) {
          String contact = r.path("from").path("id").asText();
          List<String> companies = out.computeIfAbsent(contact, k -> new ArrayList<>());
          for (JsonNode to : r.path("to")) {
            String toId = to.path("toObjectId").asText();
            if (!toId.isEmpty() && !companies.contains(toId)) {
              companies.add(toId);
            }
          }
          String next = r.path("paging").path("next").path("after").asText(null);
          if (next != null && !next.isEmpty()) {
            todo.put(contact, next);
          }
        }
      }
    }
    return out;
  }

  private static ObjectNode body(Map<String, String> todo) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode inputs = body.putArray("inputs");
    todo.forEach(
        (id, cursor) -> {
          ObjectNode in = inputs.addObject().put("id", id);
          if (cursor != null) {
            in.put("after", cursor);
          }
        });
    return body;
  }
}
