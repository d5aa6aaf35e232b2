package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTest {
  static final Instant T0 = ManualClock.DEFAULT_START;

  final ManualClock clock = new ManualClock();
  final HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).searchRateLimit(0).start();
  final HubSpotPortal portal = hubspot.portal();
  final Http http = new Http(hubspot);

  @AfterEach
  void stop() {
    hubspot.close();
  }

  static String filter(String property, String operator, String value) {
    return "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\""
        + property
        + "\",\"operator\":\""
        + operator
        + "\""
        + (value == null ? "" : ",\"value\":\"" + value + "\"")
        + "}]}],\"limit\":200}";
  }

  List<String> ids(Http.Response r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().path("results").forEach(n -> out.add(n.path("id").asText()));
    return out;
  }

  /** Five contacts (ids 1001..1005) modified a minute apart, with different properties. */
  void seedFive() {
    for (int i = 1; i <= 5; i++) {
      portal.createContact(
          i == 5
              ? Map.of("email", "e5@example.com")
              : Map.of(
                  "email",
                  "e" + i + "@example.com",
                  "lifecyclestage",
                  i <= 2 ? "lead" : "customer",
                  "score",
                  "" + i * 10));
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "score, EQ, 20, 1002",
    "score, NEQ, 20, 1001 1003 1004 1005",
    "score, GT, 20, 1003 1004",
    "score, GTE, 20, 1002 1003 1004",
    "score, LT, 30, 1001 1002",
    "score, LTE, 30, 1001 1002 1003",
    "score, HAS_PROPERTY, , 1001 1002 1003 1004",
    "score, NOT_HAS_PROPERTY, , 1005",
    "lifecyclestage, EQ, customer, 1003 1004",
    "email, EQ, E3@EXAMPLE.COM, 1003",
    "hs_object_id, GT, 1003, 1004 1005",
    "lastmodifieddate, GTE, 1767225720000, 1003 1004 1005",
    "lastmodifieddate, LT, 2026-01-01T00:02:00.000Z, 1001 1002",
  })
  void filtersLikeHubSpot(String property, String operator, String value, String expected) {
    seedFive();
    assertThat(ids(http.search("contacts", filter(property, operator, value))))
        .containsExactly(expected.split(" "));
  }

  @Test
  void inBetweenAndGroupsOredFiltersAnded() {
    seedFive();
    assertThat(
            ids(
                http.search(
                    "contacts",
                    "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"hs_object_id\",\"operator\":\"IN\",\"values\":[\"1001\",\"1004\"]}]}]}")))
        .containsExactly("1001", "1004");
    assertThat(
            ids(
                http.search(
                    "contacts",
                    "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"score\",\"operator\":\"BETWEEN\",\"value\":\"15\",\"highValue\":\"30\"}]}]}")))
        .containsExactly("1002", "1003");
    String twoGroups =
        "{\"filterGroups\":["
            + "{\"filters\":[{\"propertyName\":\"lifecyclestage\",\"operator\":\"EQ\",\"value\":\"lead\"},"
            + "{\"propertyName\":\"score\",\"operator\":\"GT\",\"value\":\"10\"}]},"
            + "{\"filters\":[{\"propertyName\":\"hs_object_id\",\"operator\":\"EQ\",\"value\":\"1005\"}]}]}";
    assertThat(ids(http.search("contacts", twoGroups))).containsExactly("1002", "1005");
  }

  @Test
  void sortsByOnePropertyAndPagesByOffset() {
    seedFive();
    String body =
        "{\"sorts\":[{\"propertyName\":\"lastmodifieddate\",\"direction\":\"DESCENDING\"}],\"limit\":2%s}";
    Http.Response first = http.search("contacts", body.formatted(""));
    assertThat(ids(first)).containsExactly("1005", "1004");
    assertThat(first.json().path("total").asInt()).isEqualTo(5);
    assertThat(first.json().path("paging").path("next").path("after").asText()).isEqualTo("2");
    assertThat(ids(http.search("contacts", body.formatted(",\"after\":\"2\""))))
        .containsExactly("1003", "1002");
    Http.Response last = http.search("contacts", body.formatted(",\"after\":4"));
    assertThat(ids(last)).containsExactly("1001");
    assertThat(last.json().has("paging")).isFalse();
    // no associations in search results, and no rate-limit headers on search answers
    assertThat(last.json().path("results").get(0).has("associations")).isFalse();
    assertThat(last.header("X-HubSpot-RateLimit-Remaining")).isNull();
    // nulls sort last either way
    assertThat(
            ids(
                http.search(
                    "contacts",
                    "{\"sorts\":[{\"propertyName\":\"score\",\"direction\":\"DESCENDING\"}]}")))
        .containsExactly("1004", "1003", "1002", "1001", "1005");
  }

  @Test
  void freeTextQueryMatchesTokenPrefixesOfSearchableProperties() {
    portal.createContact(Map.of("firstname", "Jane", "lastname", "Doe-Smith"));
    portal.createContact(Map.of("firstname", "John", "city", "Smithville"));
    assertThat(ids(http.search("contacts", "{\"query\":\"smi\"}"))).containsExactly("1001");
    assertThat(ids(http.search("contacts", "{\"query\":\"j doe\"}"))).containsExactly("1001");
  }

  @Test
  void theTenThousandCapIsAnsweredWith400() {
    portal.createMany(ObjectType.CONTACTS, 10_050, i -> Map.of("email", "c" + i + "@example.com"));
    Http.Response last = http.search("contacts", "{\"limit\":200,\"after\":\"9800\"}");
    assertThat(ids(last)).hasSize(200);
    assertThat(last.json().path("total").asInt()).isEqualTo(10_050);
    // HubSpot still hands out the next offset; following it fails
    assertThat(last.json().path("paging").path("next").path("after").asText()).isEqualTo("10000");
    Http.Response past = http.search("contacts", "{\"limit\":200,\"after\":\"10000\"}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().path("status").asText()).isEqualTo("error");
    assertThat(past.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(past.json().path("message").asText()).contains("10000");
    assertThat(past.header("x-hubspot-correlation-id"))
        .isEqualTo(past.json().path("correlationId").asText());
    // a page that would straddle the cap stops at it
    assertThat(ids(http.search("contacts", "{\"limit\":200,\"after\":\"9900\"}"))).hasSize(100);
  }

  @Test
  void rejectsWhatHubSpotRejects() {
    assertThat(http.search("contacts", "{\"limit\":201}").status()).isEqualTo(400);
    assertThat(http.search("contacts", "{\"after\":\"abc\"}").status()).isEqualTo(400);
    assertThat(http.search("contacts", filter("score", "LIKE", "1")).status()).isEqualTo(400);
    assertThat(http.search("contacts", filter("score", "EQ", null)).status()).isEqualTo(400);
    assertThat(http.search("contacts", "not json").status()).isEqualTo(400);
    String f = "{\"propertyName\":\"score\",\"operator\":\"HAS_PROPERTY\"}";
    String seven = "{\"filters\":[" + String.join(",", java.util.Collections.nCopies(7, f)) + "]}";
    String six = "{\"filters\":[" + String.join(",", java.util.Collections.nCopies(6, f)) + "]}";
    assertThat(http.search("contacts", "{\"filterGroups\":[" + seven + "]}").status())
        .isEqualTo(400);
    assertThat(
            http.search("contacts", "{\"filterGroups\":[" + six + "," + six + "," + six + "]}")
                .status())
        .isEqualTo(200);
    assertThat(
            http.search(
                    "contacts",
                    "{\"filterGroups\":[" + six + "," + six + "," + six + "," + six + "]}")
                .status())
        .isEqualTo(400);
    String one = "{\"filters\":[" + f + "]}";
    assertThat(
            http.search(
                    "contacts",
                    "{\"filterGroups\":["
                        + String.join(",", java.util.Collections.nCopies(6, one))
                        + "]}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void archivedAndMergedRecordsAreNeverFound() {
    String a = portal.createContact(Map.of("email", "a@example.com"));
    String b = portal.createContact(Map.of("email", "b@example.com"));
    String c = portal.createContact(Map.of("email", "c@example.com"));
    portal.archive(ObjectType.CONTACTS, a);
    portal.merge(ObjectType.CONTACTS, b, c);
    assertThat(ids(http.search("contacts", "{}"))).containsExactly(b);
  }

  @Test
  void companiesAreSearchedByHsLastmodifieddate() {
    portal.createCompany(Map.of("name", "Old"));
    clock.advance(Duration.ofHours(1));
    String renamed = portal.createCompany(Map.of("name", "Acme"));
    clock.advance(Duration.ofHours(1));
    portal.renameCompany(renamed, "Acme Corp");
    Http.Response r =
        http.search(
            "companies",
            filter(
                "hs_lastmodifieddate", "GTE", "" + T0.plus(Duration.ofMinutes(90)).toEpochMilli()));
    assertThat(ids(r)).containsExactly(renamed);
    JsonNode props = r.json().path("results").get(0).path("properties");
    assertThat(props.path("name").asText()).isEqualTo("Acme Corp");
    assertThat(props.path("hs_lastmodifieddate").asText()).isEqualTo("2026-01-01T02:00:00.000Z");
  }

  @Test
  void theIndexLagsBehindWritesByTheConfiguredTime() {
    try (HubSpotSandbox lagging =
        HubSpotSandbox.builder()
            .clock(clock)
            .indexLag(Duration.ofSeconds(30))
            .searchRateLimit(0)
            .start()) {
      Http h = new Http(lagging);
      String id = lagging.portal().createContact(Map.of("email", "new@example.com", "score", "1"));
      assertThat(ids(h.search("contacts", "{}"))).isEmpty(); // new: not indexed yet
      assertThat(h.get("/crm/v3/objects/contacts").json().path("results")).hasSize(1); // listed
      clock.advance(Duration.ofSeconds(30));
      assertThat(ids(h.search("contacts", "{}"))).containsExactly(id);

      lagging.portal().update(ObjectType.CONTACTS, id, Map.of("score", "2"));
      clock.advance(Duration.ofSeconds(29));
      // the old version still shows, with its old date: a window after the change misses it
      Http.Response stale = h.search("contacts", "{\"properties\":[\"score\"]}");
      assertThat(stale.json().path("results").get(0).path("properties").path("score").asText())
          .isEqualTo("1");
      assertThat(ids(h.search("contacts", filter("score", "EQ", "2")))).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      assertThat(ids(h.search("contacts", filter("score", "EQ", "2")))).containsExactly(id);
    }
  }
}
