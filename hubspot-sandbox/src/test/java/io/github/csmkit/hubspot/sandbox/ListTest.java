package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.sandbox.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListTest {
  final ManualClock clock = new ManualClock();
  final HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).rateLimit(0).start();
  final HubSpotPortal portal = hubspot.portal();
  final Http http = new Http(hubspot);

  @AfterEach
  void stop() {
    hubspot.close();
  }

  @Test
  void pagesThroughEveryActiveRecordWithAnOpaqueCursor() {
    List<String> ids =
        portal.createMany(ObjectType.CONTACTS, 250, i -> Map.of("email", "c" + i + "@example.com"));
    portal.archive(ObjectType.CONTACTS, ids.get(3));

    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Http.Response r =
          http.get("/crm/v3/objects/contacts?limit=100" + (after == null ? "" : "&after=" + after));
      assertThat(r.status()).isEqualTo(200);
      JsonNode body = r.json();
      body.path("results").forEach(c -> seen.add(c.path("id").asText()));
      after = body.path("paging").path("next").path("after").asText(null);
      if (after != null) {
        assertThat(after).doesNotContain(seen.get(seen.size() - 1)); // opaque, not the id itself
        assertThat(body.path("paging").path("next").path("link").asText())
            .isEqualTo("?after=" + after);
      }
      pages++;
    } while (after != null);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(249).doesNotContain(ids.get(3)).doesNotHaveDuplicates();
  }

  @Test
  void answersTheDefaultPropertiesOrTheAskedOnesWithNullsForEmptyValues() {
    String id =
        portal.createContact(
            Map.of("email", "jane@example.com", "firstname", "Jane", "phone", "+1 555"));
    portal.createContact(Map.of("city", "Berlin"));

    JsonNode first = http.get("/crm/v3/objects/contacts").json().path("results").get(0);
    assertThat(first.path("id").asText()).isEqualTo(id);
    assertThat(names(first.path("properties")))
        .containsExactly(
            "createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname");
    assertThat(first.path("properties").path("lastname").isNull()).isTrue();
    assertThat(first.path("properties").path("createdate").asText())
        .isEqualTo("2026-01-01T00:00:00.000Z");
    assertThat(first.path("createdAt").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
    assertThat(first.path("archived").asBoolean()).isFalse();
    assertThat(first.has("archivedAt")).isFalse();

    JsonNode asked =
        http.get("/crm/v3/objects/contacts?properties=city,phone&properties=nosuchproperty")
            .json()
            .path("results")
            .get(0)
            .path("properties");
    assertThat(names(asked))
        .containsExactly("city", "createdate", "hs_object_id", "lastmodifieddate", "phone");
    assertThat(asked.path("city").isNull()).isTrue();
    assertThat(asked.path("phone").asText()).isEqualTo("+1 555");
  }

  @Test
  void listsOnlyArchivedRecordsWhenAsked() {
    String kept = portal.createCompany(Map.of("name", "Kept"));
    String gone = portal.createCompany(Map.of("name", "Gone"));
    String purged = portal.createCompany(Map.of("name", "Purged"));
    clock.advance(java.time.Duration.ofHours(1));
    portal.archive(ObjectType.COMPANIES, gone);
    portal.archive(ObjectType.COMPANIES, purged);
    portal.purge(ObjectType.COMPANIES, purged);

    JsonNode archived = http.get("/crm/v3/objects/companies?archived=true").json().path("results");
    assertThat(archived).hasSize(1);
    assertThat(archived.get(0).path("id").asText()).isEqualTo(gone);
    assertThat(archived.get(0).path("archived").asBoolean()).isTrue();
    assertThat(archived.get(0).path("archivedAt").asText()).isEqualTo("2026-01-01T01:00:00.000Z");
    // archiving does not change the modification date (so a search by date cannot see it)
    assertThat(archived.get(0).path("properties").path("hs_lastmodifieddate").asText())
        .isEqualTo("2026-01-01T00:00:00.000Z");

    JsonNode active = http.get("/crm/v3/objects/companies").json().path("results");
    assertThat(active).hasSize(1);
    assertThat(active.get(0).path("id").asText()).isEqualTo(kept);
  }

  @Test
  void inlinesAssociationsWithThePrimaryCompanyTwice() {
    String acme = portal.createCompany(Map.of("name", "Acme"));
    String globex = portal.createCompany(Map.of("name", "Globex"));
    String jane = portal.createContact(Map.of("email", "jane@example.com"));
    portal.associate(jane, globex, false);
    portal.associate(jane, acme, true);

    JsonNode c =
        http.get("/crm/v3/objects/contacts?associations=companies&properties=associatedcompanyid")
            .json()
            .path("results")
            .get(0);
    assertThat(c.path("properties").path("associatedcompanyid").asText()).isEqualTo(acme);
    JsonNode assoc = c.path("associations").path("companies").path("results");
    assertThat(assoc.toString())
        .isEqualTo(
            "[{\"id\":\""
                + globex
                + "\",\"type\":\"contact_to_company_unlabeled\"},{\"id\":\""
                + acme
                + "\",\"type\":\"contact_to_company\"},{\"id\":\""
                + acme
                + "\",\"type\":\"contact_to_company_unlabeled\"}]");

    JsonNode company =
        http.get("/crm/v3/objects/companies/" + acme + "?associations=contacts").json();
    assertThat(
            company
                .path("associations")
                .path("contacts")
                .path("results")
                .get(0)
                .path("type")
                .asText())
        .isEqualTo("company_to_contact");
    assertThat(
            http.get("/crm/v3/objects/contacts").json().path("results").get(0).has("associations"))
        .isFalse();
  }

  @Test
  void rejectsALimitAboveOneHundredAndABadCursor() {
    Http.Response tooMany = http.get("/crm/v3/objects/contacts?limit=101");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(tooMany.json().path("correlationId").asText()).isNotEmpty();
    assertThat(http.get("/crm/v3/objects/contacts?after=%21%21").status()).isEqualTo(400);
    assertThat(http.get("/crm/v3/objects/deals").status()).isEqualTo(404);
  }

  @Test
  void readsOneRecordByIdOrByEmail() {
    String id = portal.createContact(Map.of("email", "Jane@Example.com"));
    assertThat(http.get("/crm/v3/objects/contacts/" + id).json().path("id").asText()).isEqualTo(id);
    assertThat(
            http.get("/crm/v3/objects/contacts/jane@example.com?idProperty=email")
                .json()
                .path("id")
                .asText())
        .isEqualTo(id);
    portal.archive(ObjectType.CONTACTS, id);
    assertThat(http.get("/crm/v3/objects/contacts/" + id).status()).isEqualTo(404);
    assertThat(http.get("/crm/v3/objects/contacts/" + id + "?archived=true").status())
        .isEqualTo(200);
  }

  static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
