package io.github.csmkit.hubspot.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.hubspot.sync.SearchFetcher;
import io.github.csmkit.hubspot.sync.SearchPage;
import io.github.csmkit.hubspot.sync.SearchRequest;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The production search fetcher's wire: the request as sent, HubSpot's 429 bodies, the 401. */
class HubSpotSearchFetcherTest {
  private static final String TOKEN = "pat-na1-secret-search";

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock();
  final List<Duration> sleeps = new ArrayList<>();

  final SearchRequest request =
      new SearchRequest(
          "contacts",
          List.of(new SearchRequest.Filter("lastmodifieddate", "GTE", "1767225600000")),
          "hs_object_id",
          true,
          List.of("email", "lastmodifieddate"),
          200,
          null);

  private HubSpotApiClient client() {
    return HubSpotApiClient.builder()
        .baseUri(server.url("/").uri())
        .token(TOKEN)
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void aSearchIsOnePostWithTheRequestBodyAndItsPageIsParsed() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"total\":1,\"results\":[{\"id\":\"7\",\"properties\":{\"email\":\"a@x.example\","
                + "\"lastmodifieddate\":\"2026-01-01T00:00:00.000Z\"}}],"
                + "\"paging\":{\"next\":{\"after\":\"1\"}}}"));
    HubSpotApiClient api = client();
    SearchPage page = api.searchFetcher().fetch(request);
    assertThat(page.results()).extracting(r -> r.id()).containsExactly("7");
    assertThat(page.nextAfter()).isEqualTo("1");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/crm/v3/objects/contacts/search");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(sent.getBody().utf8()).isEqualTo(request.toJson());
    assertThat(api.requestCounts()).isEqualTo(Map.of(HubSpotApiEndpoint.SEARCH, 1L));
  }

  @Test
  void theSecondlySearchLimitHoldsTheSearchBucketThenRetries() {
    server.enqueue(
        json(
            429,
            "{\"status\":\"error\",\"errorType\":\"RATE_LIMIT\",\"policyName\":\"SECONDLY\"}"));
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "2")
            .body("{\"policyName\":\"SECONDLY\"}")
            .build());
    server.enqueue(json(200, "{\"total\":0,\"results\":[]}"));
    HubSpotApiClient api = client();
    SearchFetcher fetcher = api.searchFetcher();
    assertThat(fetcher.fetch(request).results()).isEmpty();
    // no Retry-After: the search bucket's own window (1 s), not the ten-second one
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(api.requestCounts()).isEqualTo(Map.of(HubSpotApiEndpoint.SEARCH, 3L));
  }

  @Test
  void theDailyLimitStopsWithATypedExceptionThatSaysTheNextRunContinues() {
    server.enqueue(
        json(
            429,
            "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\","
                + "\"errorType\":\"RATE_LIMIT\",\"policyName\":\"DAILY\"}"));
    assertThatThrownBy(() -> client().searchFetcher().fetch(request))
        .isInstanceOfSatisfying(
            HubSpotDailyLimitException.class, e -> assertThat(e.policyName()).isEqualTo("DAILY"))
        .hasMessageContaining("next run continues")
        .hasMessageContaining("POST /crm/v3/objects/contacts/search");
    assertThat(sleeps).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnauthorizedSearchIsAConfigurationErrorWithoutTheToken() {
    server.enqueue(
        json(
            401,
            "{\"message\":\"Authentication credentials not found.\","
                + "\"category\":\"INVALID_AUTHENTICATION\"}"));
    assertThatThrownBy(() -> client().searchFetcher().fetch(request))
        .isInstanceOf(HubSpotAuthenticationException.class)
        .hasMessageContaining("token is missing, invalid or expired")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void endpointsAreClassifiedByMethodAndPath() {
    assertThat(HubSpotApiEndpoint.of("GET", "/crm/v3/objects/contacts?limit=100"))
        .isEqualTo(HubSpotApiEndpoint.LIST);
    assertThat(HubSpotApiEndpoint.of("GET", "/crm/v3/objects/contacts/12?x=1"))
        .isEqualTo(HubSpotApiEndpoint.GET);
    assertThat(HubSpotApiEndpoint.of("POST", "/crm/v3/objects/companies/batch/read"))
        .isEqualTo(HubSpotApiEndpoint.BATCH_READ);
    assertThat(HubSpotApiEndpoint.of("POST", "/crm/v4/associations/contacts/companies/batch/read"))
        .isEqualTo(HubSpotApiEndpoint.ASSOCIATIONS_BATCH_READ);
    assertThat(HubSpotApiEndpoint.of("GET", "/crm/v3/properties/contacts"))
        .isEqualTo(HubSpotApiEndpoint.PROPERTIES);
    assertThat(HubSpotApiEndpoint.of("DELETE", "/other")).isEqualTo(HubSpotApiEndpoint.OTHER);
  }
}
