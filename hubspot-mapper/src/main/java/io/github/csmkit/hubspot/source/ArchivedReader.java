package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.hubspot.sync.SearchPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the archived listing ({@code GET /crm/v3/objects/{type}?archived=true}, 100 a page, ids
 * only) and keeps the records archived at or after a time. HubSpot offers no filter on {@code
 * archivedAt}, so the whole listing (the last 90 days of deletions) is read every time.
 */
final class ArchivedReader {
  private static final int PAGE_SIZE = 100;

  private ArchivedReader() {}

  /**
   * The records archived at or after {@code from} (all when null); a record without {@code
   * archivedAt} is kept, since it cannot be shown to be old.
   *
   * @throws HubSpotApiException when a request fails for good
   */
  static List<ArchivedRecord> since(HubSpotHttp http, String type, Instant from) {
    List<ArchivedRecord> out = new ArrayList<>();
    String after = null;
    do {
      StringBuilder q =
          new StringBuilder("/crm/v3/objects/")
              .append(type)
              .append("?limit=")
              .append(PAGE_SIZE)
              .append("&archived=true&properties=hs_object_id");
      if (after != null) {
        q.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
      }
      JsonNode page = http.send("GET", q.toString(), null);
      for (JsonNode r : page.path("results")) {
        String id = r.path("id").asText("");
        Instant at = SearchPage.time(r.path("archivedAt").asText(null));
        if (!id.isEmpty() && (from == null || at == null || !at.isBefore(from))) {
          out.add(new ArchivedRecord(id, at));
        }
      }
      after = page.path("paging").path("next").path("after").asText(null);
    } while (after != null && !after.isEmpty());
    return out;
  }
}
