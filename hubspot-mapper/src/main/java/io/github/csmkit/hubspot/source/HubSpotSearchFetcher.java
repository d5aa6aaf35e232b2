package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.hubspot.sync.SearchFetcher;
import io.github.csmkit.hubspot.sync.SearchPage;
import io.github.csmkit.hubspot.sync.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The production {@link SearchFetcher}: {@code POST /crm/v3/objects/{type}/search} through the
 * client's exchange, so a search counts against the limiter's search bucket, a {@code SECONDLY} 429
 * holds that bucket and is retried, {@code DAILY} throws {@link HubSpotDailyLimitException} and 401
 * {@link HubSpotAuthenticationException}.
 */
final class HubSpotSearchFetcher implements SearchFetcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubSpotHttp http;

  HubSpotSearchFetcher(HubSpotHttp http) {
    this.http = http;
  }

  @Override
  public SearchPage fetch(SearchRequest request) {
    String type = request.objectType();
    String path = "/crm/v3/objects/" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "/search";
    try {
      String answer = http.send("POST", path, JSON.readTree(request.toJson())).toString();
      return SearchPage.fromJson(answer, modifiedProperty(type));
    } catch (IOException e) {
      throw new UncheckedIOException("a search request could not be written", e);
    } catch (IllegalArgumentException e) {
      throw new HubSpotApiException(200, "POST " + path + ": an unreadable answer", null, e);
    }
  }

  /** The property holding a record's modification time. */
  static String modifiedProperty(String objectType) {
    return "contacts".equals(objectType) ? "lastmodifieddate" : "hs_lastmodifieddate";
  }
}
