package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitAndAuthTest {
  final ManualClock clock = new ManualClock();

  @Test
  void theSixthSearchInASecondGetsHubSpotsSecondly429() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
      Http http = new Http(hubspot);
      for (int i = 0; i < 5; i++) {
        assertThat(http.search("contacts", "{}").status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(150));
      }
      Http.Response limited = http.search("contacts", "{}");
      assertThat(limited.status()).isEqualTo(429);
      JsonNode body = limited.json();
      assertThat(body.path("status").asText()).isEqualTo("error");
      assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
      assertThat(body.path("policyName").asText()).isEqualTo("SECONDLY");
      assertThat(body.path("message").asText()).isEqualTo("You have reached your secondly limit.");
      assertThat(body.path("correlationId").asText()).isNotEmpty();
      // other endpoints have their own budget
      assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
      // the first search leaves the rolling second 1 s after it was sent
      clock.advance(Duration.ofMillis(249));
      assertThat(http.search("contacts", "{}").status()).isEqualTo(429);
      clock.advance(Duration.ofMillis(1));
      assertThat(http.search("contacts", "{}").status()).isEqualTo(200);
    }
  }

  @Test
  void otherEndpointsHaveARollingTenSecondWindowWithHeaders() {
    try (HubSpotSandbox hubspot =
        HubSpotSandbox.builder().clock(clock).rateLimit(3).dailyLimit(5).start()) {
      Http http = new Http(hubspot);
      Http.Response first = http.get("/crm/v3/objects/contacts");
      assertThat(first.header("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
      assertThat(first.header("X-HubSpot-RateLimit-Max")).isEqualTo("3");
      assertThat(first.header("X-HubSpot-RateLimit-Remaining")).isEqualTo("2");
      assertThat(first.header("X-HubSpot-RateLimit-Daily")).isEqualTo("5");
      assertThat(first.header("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo("4");
      http.get("/crm/v3/objects/contacts");
      assertThat(http.get("/crm/v3/objects/companies").header("X-HubSpot-RateLimit-Remaining"))
          .isEqualTo("0");
      Http.Response limited = http.get("/crm/v3/objects/contacts");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.json().path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
      assertThat(limited.json().path("message").asText())
          .isEqualTo("You have reached your ten_secondly_rolling limit.");
      assertThat(limited.json().path("groupName").asText()).startsWith("publicapi:");

      clock.advance(Duration.ofSeconds(10));
      assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
      assertThat(http.search("contacts", "{}").status()).isEqualTo(200); // the 5th of the day
      Http.Response daily = http.search("contacts", "{}");
      assertThat(daily.status()).isEqualTo(429);
      assertThat(daily.json().path("policyName").asText()).isEqualTo("DAILY");
      assertThat(daily.json().path("message").asText())
          .isEqualTo("You have reached your daily limit.");
    }
  }

  @Test
  void aMissingOrWrongTokenGetsHubSpots401AndIsNeverLogged() {
    try (HubSpotSandbox hubspot =
        HubSpotSandbox.builder().clock(clock).token("pat-na1-secret").start()) {
      for (Http http : List.of(new Http(hubspot, null), new Http(hubspot, "pat-na1-wrong"))) {
        Http.Response r = http.get("/crm/v3/objects/contacts");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(r.json().path("status").asText()).isEqualTo("error");
        assertThat(r.json().path("message").asText())
            .startsWith("Authentication credentials not found.");
        assertThat(r.raw()).doesNotContain("pat-na1");
      }
      new Http(hubspot).get("/crm/v3/objects/contacts?limit=5");
      assertThat(hubspot.requests()).hasSize(3);
      assertThat(hubspot.requests().toString()).doesNotContain("secret", "wrong");
      assertThat(hubspot.toString()).doesNotContain("secret");
      assertThat(hubspot.requests().get(2).query()).isEqualTo("limit=5");
      assertThat(hubspot.requestCount(HubSpotEndpoint.LIST)).isEqualTo(3);
    }
  }

  @Test
  void faultsAnswerInPlaceOfTheHandlerOrDelayIt() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
      Http http = new Http(hubspot);
      hubspot.portal().createContact(Map.of("email", "a@example.com"));
      hubspot
          .faults()
          .next(
              HubSpotEndpoint.SEARCH,
              HubSpotFault.serverError(),
              HubSpotFault.dailyLimit(),
              HubSpotFault.answer(502, "{\"message\":\"bad gateway\"}"),
              HubSpotFault.delay(Duration.ofMillis(300)));
      Http.Response e500 = http.search("contacts", "{}");
      assertThat(e500.status()).isEqualTo(500);
      assertThat(e500.json().path("status").asText()).isEqualTo("error");
      assertThat(http.search("contacts", "{}").json().path("policyName").asText())
          .isEqualTo("DAILY");
      assertThat(http.search("contacts", "{}").raw()).isEqualTo("{\"message\":\"bad gateway\"}");
      clock.advance(Duration.ofSeconds(1));
      long t0 = System.nanoTime();
      Http.Response slow = http.search("contacts", "{}");
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(300_000_000L);
      assertThat(slow.json().path("total").asInt()).isEqualTo(1);
      // the list route had no faults queued
      assertThat(http.get("/crm/v3/objects/contacts").status()).isEqualTo(200);
      assertThat(hubspot.requests(HubSpotEndpoint.SEARCH))
          .extracting(LoggedRequest::status)
          .containsExactly(500, 429, 502, 200);
      hubspot.resetRequests();
      assertThat(hubspot.requests()).isEmpty();
      assertThat(hubspot.requestCount(HubSpotEndpoint.SEARCH)).isZero();
    }
  }
}
