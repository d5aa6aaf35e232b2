package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotAuthenticationException;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.HubSpotRateLimitException;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The existing live-API reader (hubspot-mapper) reads a seeded portal from the sandbox. */
class HubSpotApiClientCompatTest {
  final ManualClock clock = new ManualClock();

  /**
   * 40 companies, 450 contacts in 5 list pages: each with 1 or 2 companies; 1 archived, 1 merged.
   */
  static Map<String, List<String>> seed(HubSpotPortal portal) {
    List<String> companies =
        portal.createMany(
            ObjectType.COMPANIES,
            40,
            i -> Map.of("name", "Company " + i, "domain", "c" + i + ".example"));
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (int i = 0; i < 450; i++) {
      String id =
          portal.createContact(Map.of("email", "p" + i + "@example.com", "firstname", "P" + i));
      List<String> mine = new ArrayList<>();
      mine.add(companies.get(i % 40));
      portal.associate(id, companies.get(i % 40), true);
      if (i % 3 == 0) {
        mine.add(companies.get((i + 7) % 40));
        portal.associate(id, companies.get((i + 7) % 40), false);
      }
      expected.put(id, mine);
    }
    return expected;
  }

  HubSpotApiClient.Builder client(HubSpotSandbox hubspot) {
    return HubSpotApiClient.builder()
        .baseUri(hubspot.baseUri())
        .token(hubspot.token())
        .clock(clock)
        .sleeper(clock::advance);
  }

  static <T extends io.github.csmkit.hubspot.source.HubSpotRecord> List<T> read(
      RecordSource<T> source) {
    List<T> out = new ArrayList<>();
    for (SourceRecord<T> r : source) {
      assertThat(r).isInstanceOf(SourceRecord.Parsed.class);
      out.add(((SourceRecord.Parsed<T>) r).value());
    }
    return out;
  }

  @Test
  void readsEveryContactWithAllItsCompaniesAndTheArchivedOnes() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
      HubSpotPortal portal = hubspot.portal();
      Map<String, List<String>> expected = seed(portal);
      List<String> ids = new ArrayList<>(expected.keySet());
      portal.archive(ObjectType.CONTACTS, ids.get(5));
      portal.merge(ObjectType.CONTACTS, ids.get(10), ids.get(11));

      List<HubSpotContact> contacts =
          read(
              client(hubspot)
                  .includeArchived(true)
                  .build()
                  .contacts(List.of("email", "firstname")));

      assertThat(contacts).hasSize(449); // the merged-away contact is gone
      Map<String, HubSpotContact> byId = new LinkedHashMap<>();
      contacts.forEach(c -> byId.put(c.id(), c));
      assertThat(byId).doesNotContainKey(ids.get(11));
      assertThat(byId.get(ids.get(5)).archived()).isTrue();
      assertThat(byId.get(ids.get(0)).properties())
          .containsEntry("email", "p0@example.com")
          .containsEntry("firstname", "P0");
      for (HubSpotContact c : contacts) {
        if (c.archived()) {
          continue; // an archived contact's associations are not read through v4
        }
        List<String> want = new ArrayList<>(expected.get(c.id()));
        if (c.id().equals(ids.get(10))) {
          expected.get(ids.get(11)).stream().filter(x -> !want.contains(x)).forEach(want::add);
        }
        assertThat(c.associatedCompanyIds()).as(c.id()).containsExactlyInAnyOrderElementsOf(want);
      }
      // 5 active pages + 1 archived page, and one v4 read per page
      assertThat(hubspot.requestCount(HubSpotEndpoint.LIST)).isEqualTo(6);
      assertThat(hubspot.requestCount(HubSpotEndpoint.ASSOCIATIONS_BATCH_READ)).isEqualTo(6);

      assertThat(client(hubspot).build().properties("contacts").byName("email")).isPresent();

      List<HubSpotCompany> companies =
          read(client(hubspot).build().companies(List.of("name", "domain")));
      assertThat(companies).hasSize(40);
      assertThat(companies.get(3).name()).contains("Company 3");
    }
  }

  @Test
  void longPropertyListsGoThroughBatchRead() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
      seed(hubspot.portal());
      List<HubSpotContact> contacts =
          read(client(hubspot).maxUrlLength(10).build().contacts(List.of("email", "firstname")));
      assertThat(contacts).hasSize(450);
      assertThat(contacts.get(449).properties()).containsEntry("email", "p449@example.com");
      assertThat(hubspot.requestCount(HubSpotEndpoint.BATCH_READ)).isEqualTo(5);
    }
  }

  @Test
  void theReaderWaitsOutTheTenSecondLimitAndReadsEverything() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).rateLimit(4).start()) {
      seed(hubspot.portal());
      List<HubSpotContact> contacts = read(client(hubspot).build().contacts(List.of("email")));
      assertThat(contacts).hasSize(450);
      long limited = hubspot.requests().stream().filter(r -> r.status() == 429).count();
      assertThat(limited).isGreaterThan(0);
      assertThat(hubspot.requests().stream().filter(r -> r.status() == 200).count()).isEqualTo(10);
    }
  }

  @Test
  void aBadTokenAndTheDailyLimitAreClearErrors() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
      hubspot.portal().createContact(Map.of("email", "a@example.com"));
      HubSpotApiClient wrong =
          HubSpotApiClient.builder().baseUri(hubspot.baseUri()).token("pat-na1-nope").build();
      assertThatThrownBy(() -> read(wrong.contacts(List.of("email"))))
          .isInstanceOf(HubSpotAuthenticationException.class)
          .hasMessageNotContaining("pat-na1-nope");

      hubspot.faults().next(HubSpotEndpoint.LIST, HubSpotFault.dailyLimit());
      assertThatThrownBy(() -> read(client(hubspot).build().contacts(List.of("email"))))
          .isInstanceOf(HubSpotRateLimitException.class)
          .hasMessageContaining("daily");
    }
  }

  @Test
  void serverErrorsAreRetried() {
    try (HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).start()) {
      hubspot.portal().createContact(Map.of("email", "a@example.com"));
      hubspot
          .faults()
          .next(HubSpotEndpoint.LIST, HubSpotFault.serverError(), HubSpotFault.serverError());
      assertThat(read(client(hubspot).build().contacts(List.of("email")))).hasSize(1);
      assertThat(hubspot.requests(HubSpotEndpoint.LIST))
          .extracting(LoggedRequest::status)
          .containsExactly(500, 500, 200);
      assertThat(clock.instant()).isAfter(ManualClock.DEFAULT_START.plus(Duration.ofSeconds(2)));
    }
  }
}
