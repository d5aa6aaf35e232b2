package io.github.csmkit.hubspot.source;

import static io.github.csmkit.hubspot.source.Fixtures.all;
import static io.github.csmkit.hubspot.source.Fixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.Backoff;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class HubSpotApiClientTest {
  private static final String TOKEN = "pat-na1-secret-token";

  @StartStop final MockWebServer server = new MockWebServer();

  private final List<Duration> sleeps = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private HubSpotApiClient.Builder client() {
    return HubSpotApiClient.builder()
        .baseUri(server.url("/").uri())
        .token(TOKEN)
        .clock(clock)
        .random(() -> 0.0) // no jitter taken off: exact delays
        .sleeper(
            d -> {
              sleeps.add(d);
              now = now.plus(d);
            });
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void plainHttpIsOnlyForLoopbackUnlessAllowed() {
    assertThatThrownBy(
            () ->
                HubSpotApiClient.builder()
                    .baseUri(URI.create("http://hubspot.example.com"))
                    .token("pat-secret-123")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing plain http to hubspot.example.com")
        .hasMessageNotContaining("pat-secret-123");
    assertThatThrownBy(
            () ->
                HubSpotApiClient.builder()
                    .baseUri(URI.create("ftp://hubspot.example.com"))
                    .token("t")
                    .build())
        .isInstanceOf(IllegalStateException.class);
    for (String ok :
        List.of("http://localhost:1", "http://127.0.0.1:1", "http://[::1]:1", "https://x.test")) {
      assertThat(HubSpotApiClient.builder().baseUri(URI.create(ok)).token("t").build()).isNotNull();
    }
    assertThat(
            HubSpotApiClient.builder()
                .baseUri(URI.create("http://proxy.internal"))
                .token("t")
                .allowInsecureHttp(true)
                .build())
        .isNotNull();
  }

  @Test
  void pagesContactsAndReadsV4Associations() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"results\":[{\"id\":\"1\",\"properties\":{\"email\":\"a@example.com\"},\"archived\":false},"
                + "{\"id\":\"2\",\"properties\":{\"email\":\"b@example.com\"},\"archived\":false}],\"paging\":{\"next\":{\"after\":\"NTI1Cg%3D%3D\"}}}"));
    server.enqueue(
        json(
            207,
            "{\"status\":\"COMPLETE\",\"results\":[{\"from\":{\"id\":\"1\"},\"to\":[{\"toObjectId\":5790939450,"
                + "\"associationTypes\":[{\"category\":\"HUBSPOT_DEFINED\",\"typeId\":1}]},{\"toObjectId\":42,\"associationTypes\":[]}]}],"
                + "\"errors\":[{\"status\":\"error\",\"category\":\"OBJECT_NOT_FOUND\",\"context\":{\"fromObjectId\":[\"2\"]}}]}"));
    server.enqueue(
        json(200, "{\"results\":[{\"id\":\"3\",\"properties\":{\"email\":\"c@example.com\"}}]}"));
    server.enqueue(
        json(
            200,
            "{\"results\":[{\"from\":{\"id\":\"3\"},\"to\":[{\"toObjectId\":7}],\"paging\":{\"next\":{\"after\":\"p2\"}}}]}"));
    server.enqueue(
        json(200, "{\"results\":[{\"from\":{\"id\":\"3\"},\"to\":[{\"toObjectId\":8}]}]}"));

    List<HubSpotContact> contacts =
        parsed(all(client().build().contacts(List.of("email", "firstname", "hs_lead_status"))));

    assertThat(contacts).extracting(HubSpotContact::id).containsExactly("1", "2", "3");
    assertThat(contacts.get(0).associatedCompanyIds()).containsExactly("5790939450", "42");
    assertThat(contacts.get(1).associatedCompanyIds()).isEmpty();
    assertThat(contacts.get(2).associatedCompanyIds()).containsExactly("7", "8");
    assertThat(contacts.get(2).position().record()).isEqualTo(3);

    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/crm/v3/objects/contacts");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(first.getUrl().queryParameter("properties"))
        .isEqualTo("email,firstname,hs_lead_status");
    assertThat(first.getUrl().queryParameter("after")).isNull();
    assertThat(first.getUrl().queryParameter("archived")).isNull();
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(first.getHeaders().get("Accept")).isEqualTo("application/json");

    RecordedRequest assoc = server.takeRequest();
    assertThat(assoc.getMethod()).isEqualTo("POST");
    assertThat(assoc.getUrl().encodedPath())
        .isEqualTo("/crm/v4/associations/contacts/companies/batch/read");
    assertThat(assoc.getBody().utf8()).isEqualTo("{\"inputs\":[{\"id\":\"1\"},{\"id\":\"2\"}]}");
    assertThat(assoc.getHeaders().get("Content-Type")).startsWith("application/json");

    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().queryParameter("after")).isEqualTo("NTI1Cg%3D%3D");
    server.takeRequest();
    assertThat(server.takeRequest().getBody().utf8())
        .isEqualTo("{\"inputs\":[{\"id\":\"3\",\"after\":\"p2\"}]}");
  }

  @Test
  void longPropertyListsAreReadWithBatchRead() throws Exception {
    List<String> props =
        IntStream.range(0, 400).mapToObj(i -> "custom_property_" + i).collect(Collectors.toList());
    server.enqueue(
        json(200, "{\"results\":[{\"id\":\"9\",\"properties\":{\"hs_object_id\":\"9\"}}]}"));
    server.enqueue(
        json(
            200,
            "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"9\",\"properties\":{\"name\":\"Acme\",\"custom_property_1\":\"x\"}}]}"));

    List<HubSpotCompany> companies = parsed(all(client().build().companies(props)));

    assertThat(companies)
        .singleElement()
        .satisfies(c -> assertThat(c.properties()).containsEntry("custom_property_1", "x"));
    RecordedRequest list = server.takeRequest();
    assertThat(list.getUrl().encodedPath()).isEqualTo("/crm/v3/objects/companies");
    assertThat(list.getUrl().queryParameter("properties")).isEqualTo("hs_object_id");
    RecordedRequest batch = server.takeRequest();
    assertThat(batch.getUrl().encodedPath()).isEqualTo("/crm/v3/objects/companies/batch/read");
    assertThat(batch.getBody().utf8())
        .contains("\"custom_property_399\"")
        .contains("\"inputs\":[{\"id\":\"9\"}]");
  }

  @Test
  void includeArchivedAddsAnArchivedPass() throws Exception {
    server.enqueue(json(200, "{\"results\":[{\"id\":\"1\",\"properties\":{}}]}"));
    server.enqueue(json(200, "{\"results\":[{\"id\":\"2\",\"properties\":{},\"archived\":true}]}"));
    List<HubSpotCompany> companies =
        parsed(all(client().includeArchived(true).build().companies(List.of("name"))));
    assertThat(companies).extracting(HubSpotCompany::archived).containsExactly(false, true);
    assertThat(server.takeRequest().getUrl().queryParameter("archived")).isNull();
    assertThat(server.takeRequest().getUrl().queryParameter("archived")).isEqualTo("true");
  }

  @Test
  void tenSecondlyLimitWaitsAndRetries() throws Exception {
    server.enqueue(
        json(
            429,
            "{\"status\":\"error\",\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\"}"));
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "3")
            .body("{\"policyName\":\"TEN_SECONDLY_ROLLING\"}")
            .build());
    server.enqueue(
        json(200, "{\"results\":[{\"name\":\"tier\",\"label\":\"Tier\",\"options\":[]}]}"));
    PropertyCatalog catalog = client().build().properties("contacts");
    assertThat(catalog.byName("tier")).isPresent();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(3));
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/crm/v3/properties/contacts");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void dailyLimitStopsWithAClearError() {
    server.enqueue(
        json(
            429,
            "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\",\"errorType\":\"RATE_LIMIT\","
                + "\"correlationId\":\"c033cdaa\",\"policyName\":\"DAILY\"}"));
    assertThatThrownBy(() -> client().build().properties("contacts"))
        .isInstanceOfSatisfying(
            HubSpotRateLimitException.class,
            e -> {
              assertThat(e.policyName()).isEqualTo("DAILY");
              assertThat(e.correlationId()).isEqualTo("c033cdaa");
            })
        .hasMessageContaining("daily API limit");
    assertThat(sleeps).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unauthorizedIsAClearErrorWithoutTheToken() {
    server.enqueue(
        json(
            401,
            "{\"message\":\"Authentication credentials not found.\",\"category\":\"INVALID_AUTHENTICATION\"}"));
    HubSpotApiClient api = client().build();
    assertThatThrownBy(() -> all(api.contacts(List.of("email"))))
        .isInstanceOf(HubSpotAuthenticationException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("GET /crm/v3/objects/contacts")
        .hasMessageNotContaining(TOKEN);
    assertThat(api.toString()).doesNotContain(TOKEN).contains("****");
    assertThat(client().toString()).doesNotContain(TOKEN);
  }

  @Test
  void throttlesToTheConfiguredRate() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"results\":[]}"));
    }
    HubSpotApiClient api = client().rateLimit(2, Duration.ofSeconds(10)).build();
    api.properties("contacts");
    api.properties("contacts");
    assertThat(sleeps).isEmpty();
    api.properties("companies");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void serverErrorsAreRetriedThenReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
    }
    assertThatThrownBy(() -> client().maxRetries(2).build().properties("contacts"))
        .isInstanceOfSatisfying(
            HubSpotApiException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("unavailable");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesAreJitteredWithTheConfiguredBackoff() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, "{\"message\":\"unavailable\"}"));
    }
    server.enqueue(json(200, "{\"results\":[]}"));
    client()
        .random(() -> 0.5)
        .backoff(Backoff.exponential(Duration.ofMillis(400), 3.0, Duration.ofSeconds(2), 0.5))
        .build()
        .properties("contacts");
    // 400 ms, 1200 ms, 3600 ms capped at 2000 ms; each less a quarter (half the jitter)
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(1500));
    assertThat(HubSpotApiClient.DEFAULT_BACKOFF.jitter()).isPositive();
  }

  @Test
  void aResponseBodyOverTheLimitFailsItsRequestWithoutARetry() {
    server.enqueue(json(200, "{\"results\":[" + "{},".repeat(400) + "{}]}"));
    assertThatThrownBy(() -> client().maxResponseBytes(1000).build().properties("contacts"))
        .isInstanceOf(HubSpotApiException.class)
        .hasMessageContaining("larger than 1000 bytes")
        .hasMessageNotContaining(TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();

    server.enqueue(json(200, "{\"results\":[]}"));
    assertThat(client().maxResponseBytes(15).build().properties("contacts")).isNotNull();
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredAndLongWaitsAreCapped() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "Tue, 01 Dec 2026 10:00:07 GMT")
            .body("{\"policyName\":\"TEN_SECONDLY_ROLLING\"}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "86400")
            .body("{\"policyName\":\"TEN_SECONDLY_ROLLING\"}")
            .build());
    server.enqueue(json(200, "{\"results\":[]}"));
    now = Instant.parse("2026-12-01T10:00:00Z");
    client().build().properties("contacts");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(60));
  }
}
