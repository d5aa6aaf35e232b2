package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadsAndMergesTest {
  final ManualClock clock = new ManualClock();
  final HubSpotSandbox hubspot =
      HubSpotSandbox.builder()
          .clock(clock)
          .rateLimit(0)
          .searchRateLimit(0)
          .associationPageSize(2)
          .start();
  final HubSpotPortal portal = hubspot.portal();
  final Http http = new Http(hubspot);

  @AfterEach
  void stop() {
    hubspot.close();
  }

  static List<String> ids(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(n -> out.add(n.path("id").asText()));
    return out;
  }

  @Test
  void batchReadAnswers207WithTheIdsNotFound() {
    String a = portal.createContact(Map.of("email", "a@example.com", "city", "Oslo"));
    String b = portal.createContact(Map.of("email", "b@example.com"));
    portal.archive(ObjectType.CONTACTS, b);

    Http.Response ok =
        http.post(
            "/crm/v3/objects/contacts/batch/read",
            "{\"properties\":[\"city\"],\"inputs\":[{\"id\":\"" + a + "\"}]}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("status").asText()).isEqualTo("COMPLETE");
    assertThat(ok.json().path("results").get(0).path("properties").path("city").asText())
        .isEqualTo("Oslo");

    Http.Response partial =
        http.post(
            "/crm/v3/objects/contacts/batch/read",
            "{\"inputs\":[{\"id\":\"" + a + "\"},{\"id\":\"" + b + "\"},{\"id\":\"999\"}]}");
    assertThat(partial.status()).isEqualTo(207);
    assertThat(ids(partial.json().path("results"))).containsExactly(a);
    JsonNode err = partial.json().path("errors").get(0);
    assertThat(err.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(err.path("context").path("ids").toString()).isEqualTo("[\"" + b + "\",\"999\"]");
    assertThat(partial.json().path("numErrors").asInt()).isEqualTo(1);

    Http.Response archived =
        http.post(
            "/crm/v3/objects/contacts/batch/read?archived=true",
            "{\"inputs\":[{\"id\":\"" + b + "\"}]}");
    assertThat(ids(archived.json().path("results"))).containsExactly(b);

    Http.Response byEmail =
        http.post(
            "/crm/v3/objects/contacts/batch/read",
            "{\"idProperty\":\"email\",\"inputs\":[{\"id\":\"A@example.com\"}]}");
    assertThat(ids(byEmail.json().path("results"))).containsExactly(a);

    StringBuilder many = new StringBuilder("{\"inputs\":[");
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\"}");
    }
    assertThat(http.post("/crm/v3/objects/contacts/batch/read", many + "]}").status())
        .isEqualTo(400);
  }

  @Test
  void v4BatchReadListsEveryAssociationWithTypeIdsAndPagesPerInput() {
    String acme = portal.createCompany(Map.of("name", "Acme"));
    String globex = portal.createCompany(Map.of("name", "Globex"));
    String initech = portal.createCompany(Map.of("name", "Initech"));
    String jane = portal.createContact(Map.of("email", "jane@example.com"));
    String solo = portal.createContact(Map.of("email", "solo@example.com"));
    portal.associate(jane, acme, true);
    portal.associate(jane, globex, false);
    portal.associate(jane, initech, false);

    Http.Response r =
        http.post(
            "/crm/v4/associations/contacts/companies/batch/read",
            "{\"inputs\":[{\"id\":\"" + jane + "\"},{\"id\":\"" + solo + "\"}]}");
    assertThat(r.status()).isEqualTo(207);
    JsonNode first = r.json().path("results").get(0);
    assertThat(first.path("from").path("id").asText()).isEqualTo(jane);
    assertThat(first.path("to").get(0).path("toObjectId").isNumber()).isTrue();
    assertThat(first.path("to").get(0).path("toObjectId").asText()).isEqualTo(acme);
    assertThat(first.path("to").get(0).path("associationTypes").toString())
        .isEqualTo(
            "[{\"category\":\"HUBSPOT_DEFINED\",\"typeId\":1,\"label\":\"Primary\"},"
                + "{\"category\":\"HUBSPOT_DEFINED\",\"typeId\":279,\"label\":null}]");
    assertThat(first.path("to")).hasSize(2); // page size 2 in this sandbox
    String after = first.path("paging").path("next").path("after").asText();
    JsonNode error = r.json().path("errors").get(0);
    assertThat(error.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(error.path("context").path("fromObjectId").get(0).asText()).isEqualTo(solo);

    Http.Response rest =
        http.post(
            "/crm/v4/associations/contacts/companies/batch/read",
            "{\"inputs\":[{\"id\":\"" + jane + "\",\"after\":\"" + after + "\"}]}");
    assertThat(rest.status()).isEqualTo(200);
    JsonNode page2 = rest.json().path("results").get(0);
    assertThat(page2.path("to").get(0).path("toObjectId").asText()).isEqualTo(initech);
    assertThat(page2.has("paging")).isFalse();

    Http.Response reverse =
        http.post(
            "/crm/v4/associations/companies/contacts/batch/read",
            "{\"inputs\":[{\"id\":\"" + acme + "\"}]}");
    assertThat(
            reverse
                .json()
                .path("results")
                .get(0)
                .path("to")
                .get(0)
                .path("associationTypes")
                .toString())
        .contains("\"typeId\":2", "\"typeId\":280");
  }

  @Test
  void aMergeKeepsTheSurvivorAndRedirectsTheMergedId() {
    String acme = portal.createCompany(Map.of("name", "Acme"));
    String survivor = portal.createContact(Map.of("email", "jane@example.com"));
    String merged = portal.createContact(Map.of("email", "jane.doe@example.com"));
    String earlier = portal.createContact(Map.of("email", "j@example.com"));
    portal.associate(merged, acme, true);
    portal.merge(ObjectType.CONTACTS, merged, earlier); // merged now carries earlier
    clock.advance(Duration.ofMinutes(5));
    portal.merge(ObjectType.CONTACTS, survivor, merged);

    JsonNode s =
        http.get("/crm/v3/objects/contacts/" + survivor + "?properties=hs_merged_object_ids")
            .json();
    assertThat(s.path("properties").path("hs_merged_object_ids").asText())
        .isEqualTo(earlier + ";" + merged);
    assertThat(s.path("properties").path("lastmodifieddate").asText())
        .isEqualTo("2026-01-01T00:05:00.000Z");
    // reads of a merged id answer with the survivor
    assertThat(http.get("/crm/v3/objects/contacts/" + merged).json().path("id").asText())
        .isEqualTo(survivor);
    assertThat(http.get("/crm/v3/objects/contacts/" + earlier).json().path("id").asText())
        .isEqualTo(survivor);
    Http.Response batch =
        http.post(
            "/crm/v3/objects/contacts/batch/read",
            "{\"inputs\":[{\"id\":\"" + merged + "\"},{\"id\":\"" + survivor + "\"}]}");
    assertThat(ids(batch.json().path("results"))).containsExactly(survivor);
    // gone from the listing, the archived listing and search; its associations moved
    assertThat(ids(http.get("/crm/v3/objects/contacts").json().path("results")))
        .containsExactly(survivor);
    assertThat(http.get("/crm/v3/objects/contacts?archived=true").json().path("results")).isEmpty();
    assertThat(ids(http.search("contacts", "{}").json().path("results"))).containsExactly(survivor);
    assertThat(portal.companiesOf(survivor)).containsExactly(acme);
    assertThat(portal.get(ObjectType.CONTACTS, survivor).orElseThrow().properties())
        .containsEntry("associatedcompanyid", acme);
    assertThat(portal.get(ObjectType.CONTACTS, merged).orElseThrow().mergedInto())
        .isEqualTo(survivor);
    assertThat(portal.get(ObjectType.CONTACTS, earlier).orElseThrow().mergedInto())
        .isEqualTo(survivor);
  }

  @Test
  void aCompanyMergeMovesItsContactsToTheSurvivor() {
    String acme = portal.createCompany(Map.of("name", "Acme"));
    String acmeInc = portal.createCompany(Map.of("name", "Acme Inc"));
    String jane = portal.createContact(Map.of("email", "jane@example.com"));
    portal.associate(jane, acmeInc, true);
    clock.advance(Duration.ofMinutes(1));
    portal.merge(ObjectType.COMPANIES, acme, acmeInc);
    assertThat(portal.companiesOf(jane)).containsExactly(acme);
    assertThat(portal.get(ObjectType.CONTACTS, jane).orElseThrow().properties())
        .containsEntry("associatedcompanyid", acme);
    assertThat(http.get("/crm/v3/objects/companies/" + acmeInc).json().path("id").asText())
        .isEqualTo(acme);
  }

  @Test
  void thePortalRefusesImpossibleChanges() {
    String a = portal.createContact(Map.of("email", "a@example.com"));
    assertThatThrownBy(() -> portal.update(ObjectType.CONTACTS, a, Map.of("lastmodifieddate", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> portal.update(ObjectType.CONTACTS, "42", Map.of("city", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> portal.merge(ObjectType.CONTACTS, a, a))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> portal.purge(ObjectType.CONTACTS, a))
        .isInstanceOf(IllegalStateException.class);
    portal.archive(ObjectType.CONTACTS, a);
    assertThatThrownBy(() -> portal.update(ObjectType.CONTACTS, a, Map.of("city", "x")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updatesStampTheClockAndClearedValuesComeBackAsNull() {
    String id = portal.createContact(Map.of("email", "a@example.com", "city", "Oslo"));
    clock.advance(Duration.ofSeconds(90));
    portal.clear(ObjectType.CONTACTS, id, "city");
    JsonNode c = http.get("/crm/v3/objects/contacts/" + id + "?properties=city").json();
    assertThat(c.path("properties").path("city").isNull()).isTrue();
    assertThat(c.path("updatedAt").asText()).isEqualTo("2026-01-01T00:01:30.000Z");
    assertThat(portal.get(ObjectType.CONTACTS, id).orElseThrow().properties())
        .doesNotContainKey("city");

    JsonNode defs = http.get("/crm/v3/properties/contacts").json().path("results");
    List<String> names = new ArrayList<>();
    defs.forEach(d -> names.add(d.path("name").asText()));
    assertThat(names).contains("email", "city", "lastmodifieddate");
  }
}
