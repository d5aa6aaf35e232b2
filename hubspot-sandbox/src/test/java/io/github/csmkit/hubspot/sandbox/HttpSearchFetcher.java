package io.github.csmkit.hubspot.sandbox;

import io.github.csmkit.hubspot.sync.HubSpotRateLimiter;
import io.github.csmkit.hubspot.sync.SearchFetcher;
import io.github.csmkit.hubspot.sync.SearchPage;
import io.github.csmkit.hubspot.sync.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * The test's HTTP adapter for {@link io.github.csmkit.hubspot.sync.IncrementalPull}: one search per
 * call through the rate limiter, a 429 waited out, with hooks the production adapter ({@code
 * HubSpotApiClient.searchFetcher()}, tested in HubSpotChangesTest) has no need for.
 */
final class HttpSearchFetcher implements SearchFetcher {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final HubSpotSandbox hubspot;
  private final HubSpotRateLimiter limiter;

  /**
   * Runs before each request with its number (0-based): the test changes HubSpot "during the pull".
   */
  IntConsumer beforeRequest = n -> {};

  int sent;
  int rateLimited;

  HttpSearchFetcher(HubSpotSandbox hubspot, HubSpotRateLimiter limiter) {
    this.hubspot = hubspot;
    this.limiter = limiter;
  }

  @Override
  public SearchPage fetch(SearchRequest request) {
    beforeRequest.accept(sent++);
    String modified =
        request.objectType().equals("contacts") ? "lastmodifieddate" : "hs_lastmodifieddate";
    while (true) {
      limiter.acquire(HubSpotRateLimiter.Bucket.SEARCH);
      HttpRequest http =
          HttpRequest.newBuilder(
                  URI.create(
                      hubspot.baseUri() + "/crm/v3/objects/" + request.objectType() + "/search"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + hubspot.token())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(request.toJson()))
              .build();
      HttpResponse<String> r;
      try {
        r = CLIENT.send(http, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (r.statusCode() == 429) {
        rateLimited++;
        limiter.backOff(HubSpotRateLimiter.Bucket.SEARCH, null);
        continue;
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
      }
      return SearchPage.fromJson(r.body(), modified);
    }
  }
}
