package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.hubspot.source.ArchivedRecord;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotApiEndpoint;
import io.github.csmkit.hubspot.source.HubSpotAuthenticationException;
import io.github.csmkit.hubspot.source.HubSpotChangeSet;
import io.github.csmkit.hubspot.source.HubSpotChanges;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.HubSpotDailyLimitException;
import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.source.HubSpotWatermark;
import io.github.csmkit.hubspot.source.MergedRecord;
import io.github.csmkit.hubspot.source.RecordSource;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.sync.HubSpotRateLimiter;
import io.github.csmkit.hubspot.sync.SearchPage;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HubSpotChanges} over real HTTP against the sandbox: a full first read of 12,000 contacts
 * in 40 companies, then changes of every kind and a second read that returns exactly them, and
 * reads only them (the request counts), on one clock shared by HubSpot's limits, its index lag and
 * the client's rate limiter.
 */
class HubSpotChangesTest {
  static final Duration LAG = Duration.ofSeconds(20);

  final ManualClock clock = new ManualClock();
  final HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).indexLag(LAG).start();
  final HubSpotPortal portal = hubspot.portal();

  /** What a sync state would hold: the version of each record a run settled. */
  final Map<String, Instant> settledContacts = new HashMap<>();

  final Map<String, Instant> settledCompanies = new HashMap<>();
  Runnable duringRun = () -> {};

  @AfterEach
  void stop() {
    hubspot.close();
  }

  HubSpotApiClient.Builder client() {
    return HubSpotApiClient.builder()
        .baseUri(hubspot.baseUri())
        .token(hubspot.token())
        .clock(clock)
        .sleeper(clock::advance);
  }

  HubSpotChanges changes(HubSpotApiClient client) {
    return HubSpotChanges.builder(client)
        .contactProperties(List.of("email", "firstname", "city"))
        .companyProperties(List.of("name"))
        .contactsSettled(
            (id, t) -> {
              Runnable r = duringRun;
              duringRun = () -> {};
              r.run(); // HubSpot changes while the pull is under way
              return t.equals(settledContacts.get(id));
            })
        .companiesSettled((id, t) -> t.equals(settledCompanies.get(id)))
        .build();
  }

  static <T extends HubSpotRecord> Map<String, T> all(RecordSource<T> source) {
    Map<String, T> out = new HashMap<>();
    try (source) {
      for (SourceRecord<T> r : source) {
        assertThat(r).isInstanceOf(SourceRecord.Parsed.class);
        T value = ((SourceRecord.Parsed<T>) r).value();
        assertThat(out.put(value.id(), value)).as("read twice: " + value.id()).isNull();
      }
    }
    return out;
  }

  /** Reads both sources and records the versions read as settled, as a sync would. */
  record Read(
      HubSpotChangeSet set,
      Map<String, HubSpotContact> contacts,
      Map<String, HubSpotCompany> cos) {}

  Read read(HubSpotChanges changes, HubSpotWatermark previous) {
    hubspot.resetRequests();
    HubSpotChangeSet set = changes.read(previous, clock.instant());
    Map<String, HubSpotContact> contacts = all(set.contacts());
    Map<String, HubSpotCompany> companies = all(set.companies());
    contacts.values().forEach(c -> settle(settledContacts, c, "lastmodifieddate"));
    companies.values().forEach(c -> settle(settledCompanies, c, "hs_lastmodifieddate"));
    // the client's counts are the sandbox's: nothing sent that HubSpot did not see
    for (HubSpotEndpoint e : List.of(HubSpotEndpoint.values())) {
      assertThat(hubspot.requestCount(e))
          .as(e.name())
          .isEqualTo(set.requests().getOrDefault(map(e), 0L));
    }
    return new Read(set, contacts, companies);
  }

  static void settle(Map<String, Instant> state, HubSpotRecord r, String modified) {
    state.put(r.id(), SearchPage.time(r.properties().get(modified)));
  }

  static HubSpotApiEndpoint map(HubSpotEndpoint e) {
    return switch (e) {
      case LIST -> HubSpotApiEndpoint.LIST;
      case GET -> HubSpotApiEndpoint.GET;
      case SEARCH -> HubSpotApiEndpoint.SEARCH;
      case BATCH_READ -> HubSpotApiEndpoint.BATCH_READ;
      case ASSOCIATIONS_BATCH_READ -> HubSpotApiEndpoint.ASSOCIATIONS_BATCH_READ;
      case PROPERTIES -> HubSpotApiEndpoint.PROPERTIES;
      case UNKNOWN -> HubSpotApiEndpoint.OTHER;
    };
  }

  @Test
  void aFullReadThenExactlyTheChangesAndOnlyTheirRequests() {
    List<String> companies =
        portal.createMany(ObjectType.COMPANIES, 40, i -> Map.of("name", "Co " + i));
    String[] ids = new String[12_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] =
          portal.createContact(
              Map.of("email", "p" + i + "@example.com", "city", "City " + (i % 7)));
      portal.associate(ids[i], companies.get(i % 40), true);
      clock.advance(Duration.ofSeconds(1));
    }
    clock.advance(LAG);
    HubSpotChanges changes = changes(client().build());

    // run 1: no watermark, the list path in full
    Read first = read(changes, HubSpotWatermark.NONE);
    assertThat(first.set().contactsFull()).isTrue();
    assertThat(first.contacts()).hasSize(12_000).containsKeys(ids);
    assertThat(first.cos()).hasSize(40);
    for (int i = 0; i < ids.length; i += 997) {
      HubSpotContact c = first.contacts().get(ids[i]);
      assertThat(c.associatedCompanyIds()).containsExactly(companies.get(i % 40));
      assertThat(c.properties()).containsEntry("associatedcompanyid", companies.get(i % 40));
    }
    // 120 contact pages + 1 company page, 120 association reads, 1 search per type for the mark
    assertThat(first.set().requests())
        .isEqualTo(
            Map.of(
                HubSpotApiEndpoint.LIST, 121L,
                HubSpotApiEndpoint.ASSOCIATIONS_BATCH_READ, 120L,
                HubSpotApiEndpoint.SEARCH, 2L));
    HubSpotWatermark mark1 = first.set().candidateWatermark();
    assertThat(mark1.contacts())
        .isEqualTo(portal.get(ObjectType.CONTACTS, ids[11_999]).orElseThrow().updatedAt());
    assertThat(mark1.companies())
        .isEqualTo(portal.get(ObjectType.COMPANIES, companies.get(39)).orElseThrow().updatedAt());

    // between the runs: updates, new contacts, archived, merged, a renamed company, a value cleared
    clock.advance(Duration.ofMinutes(30));
    Set<String> changed = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      portal.update(ObjectType.CONTACTS, ids[i * 37], Map.of("firstname", "Changed " + i));
      changed.add(ids[i * 37]);
    }
    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String id = portal.createContact(Map.of("email", "new" + i + "@example.com"));
      portal.associate(id, companies.get(3), true);
      fresh.add(id);
    }
    changed.addAll(fresh);
    Set<String> archived = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      portal.archive(ObjectType.CONTACTS, ids[5000 + i]);
      archived.add(ids[5000 + i]);
    }
    portal.merge(ObjectType.CONTACTS, ids[6000], ids[6001]);
    portal.merge(ObjectType.CONTACTS, ids[6002], ids[6003]);
    changed.add(ids[6000]);
    changed.add(ids[6002]);
    portal.clear(ObjectType.CONTACTS, ids[7000], "city");
    changed.add(ids[7000]);
    portal.renameCompany(companies.get(5), "Co 5 Renamed");
    // modified 5 s before the run starts: not yet searchable (20 s lag), read by run 3
    clock.advance(Duration.ofMinutes(1));
    String lagging = ids[8000];
    clock.advance(LAG.minusSeconds(5));
    portal.update(ObjectType.CONTACTS, lagging, Map.of("city", "Late"));
    clock.advance(Duration.ofSeconds(5));
    // during the run: one contact already read by then, one not yet, and a company
    duringRun =
        () -> {
          portal.update(ObjectType.CONTACTS, ids[37], Map.of("city", "During"));
          portal.update(ObjectType.CONTACTS, ids[11_000], Map.of("city", "During"));
          portal.update(ObjectType.COMPANIES, companies.get(7), Map.of("name", "Co 7 During"));
        };

    Instant run2Start = clock.instant();
    Read second = read(changes, mark1);
    assertThat(second.set().contactsFull()).isFalse();
    assertThat(second.contacts().keySet()).containsExactlyInAnyOrderElementsOf(changed);
    assertThat(second.cos().keySet()).containsExactly(companies.get(5));
    assertThat(second.cos().get(companies.get(5)).name()).contains("Co 5 Renamed");
    assertThat(second.set().archivedContacts())
        .extracting(ArchivedRecord::id)
        .containsExactlyInAnyOrderElementsOf(archived);
    assertThat(second.set().archivedContacts())
        .allSatisfy(a -> assertThat(a.archivedAt()).isNotNull());
    assertThat(second.set().archivedCompanies()).isEmpty();
    assertThat(second.set().mergedContacts())
        .containsExactlyInAnyOrder(
            new MergedRecord(ids[6001], ids[6000]), new MergedRecord(ids[6003], ids[6002]));
    assertThat(second.set().mergedCompanies()).isEmpty();
    // the survivor took over the merged contact's company; new contacts carry theirs
    assertThat(second.contacts().get(ids[6000]).associatedCompanyIds())
        .containsExactlyInAnyOrder(companies.get(6000 % 40), companies.get(6001 % 40));
    assertThat(second.contacts().get(fresh.get(0)).associatedCompanyIds())
        .containsExactly(companies.get(3));
    assertThat(second.contacts().get(ids[37]).property("firstname")).contains("Changed 1");
    assertThat(second.contacts().get(ids[7000]).property("city")).isEmpty();
    assertThat(second.contacts().get(ids[7001])).isNull(); // unchanged: never read
    // 353 changes + ~600 re-read from the overlap (dropped as settled): 5 contact searches, 1 for
    // companies, 1 association read for the 353, 1 archived page per type. Not a full pass.
    assertThat(second.set().contactPull().orElseThrow().alreadySettled()).isBetween(590L, 610L);
    assertThat(second.set().requests())
        .isEqualTo(
            Map.of(
                HubSpotApiEndpoint.SEARCH, 6L,
                HubSpotApiEndpoint.ASSOCIATIONS_BATCH_READ, 1L,
                HubSpotApiEndpoint.LIST, 2L));
    HubSpotWatermark mark2 = second.set().candidateWatermark();
    assertThat(mark2.contacts()).isAfter(mark1.contacts()).isBeforeOrEqualTo(run2Start);
    assertThat(mark2.companies()).isAfter(mark1.companies()).isBeforeOrEqualTo(run2Start);

    // run 3: the change the index had not shown yet, and those made during run 2
    clock.advance(Duration.ofMinutes(1));
    Read third = read(changes, mark2);
    assertThat(third.contacts().keySet()).containsExactlyInAnyOrder(lagging, ids[37], ids[11_000]);
    assertThat(third.cos().keySet()).containsExactly(companies.get(7));
    assertThat(third.contacts().get(ids[37]).property("city")).contains("During");
    // archived inside the overlap, so reported again (a report, never a delete: idempotent)
    assertThat(third.set().archivedContacts())
        .extracting(ArchivedRecord::id)
        .containsExactlyInAnyOrderElementsOf(archived);
    // the survivors were re-read as settled versions: their merges are not reported twice
    assertThat(third.set().mergedContacts()).isEmpty();
  }

  @Test
  void theSearchLimitsSecondly429IsWaitedOutOnTheSharedLimiter() {
    portal.createMany(ObjectType.CONTACTS, 2_000, i -> Map.of("email", "p" + i + "@example.com"));
    clock.advance(LAG);
    Instant mark = clock.instant().minus(Duration.ofHours(1));
    // a limiter that allows more searches than HubSpot does: HubSpot's 429s must be waited out
    HubSpotRateLimiter eager =
        HubSpotRateLimiter.builder().searchLimit(50).clock(clock).sleeper(clock::advance).build();
    HubSpotChanges changes = changes(client().rateLimiter(eager).build());
    Read r = read(changes, new HubSpotWatermark(mark, mark));
    assertThat(r.contacts()).hasSize(2_000);
    List<LoggedRequest> searches = hubspot.requests(HubSpotEndpoint.SEARCH);
    assertThat(searches).filteredOn(q -> q.status() == 429).isNotEmpty();
    assertThat(searches).filteredOn(q -> q.status() == 200).hasSize(11); // 10 + 1 for companies
  }

  @Test
  void theDailyLimitStopsTheReadWithATypedException() {
    portal.createMany(ObjectType.CONTACTS, 500, i -> Map.of("email", "p" + i + "@example.com"));
    clock.advance(LAG);
    Instant mark = clock.instant().minus(Duration.ofHours(1));
    hubspot
        .faults()
        .next(HubSpotEndpoint.SEARCH, HubSpotFault.delay(Duration.ZERO), HubSpotFault.dailyLimit());
    HubSpotChanges changes = changes(client().build());
    assertThatThrownBy(() -> changes.read(new HubSpotWatermark(mark, mark), clock.instant()))
        .isInstanceOf(HubSpotDailyLimitException.class)
        .hasMessageContaining("next run continues");
    // one page read, the second refused, nothing retried
    assertThat(hubspot.requestCount(HubSpotEndpoint.SEARCH)).isEqualTo(2);
  }

  @Test
  void aRefusedTokenIsAConfigurationError() {
    HubSpotApiClient wrong =
        HubSpotApiClient.builder().baseUri(hubspot.baseUri()).token("pat-expired-0000").build();
    HubSpotChanges changes = changes(wrong);
    assertThatThrownBy(() -> changes.read(HubSpotWatermark.NONE, clock.instant()))
        .isInstanceOf(HubSpotAuthenticationException.class)
        .hasMessageContaining("401")
        .hasMessageNotContaining("pat-expired-0000");
    assertThat(changes.toString()).doesNotContain("pat-expired-0000");
  }

  @Test
  void associationsOfOverAThousandChangedContactsAreReadInThousandsAndPagedPerInput() {
    try (HubSpotSandbox small =
        HubSpotSandbox.builder().clock(clock).associationPageSize(2).start()) {
      HubSpotPortal p = small.portal();
      Instant mark = clock.instant();
      clock.advance(Duration.ofHours(1));
      String a = p.createCompany(Map.of("name", "A"));
      String b = p.createCompany(Map.of("name", "B"));
      String c = p.createCompany(Map.of("name", "C"));
      List<String> ids =
          p.createMany(ObjectType.CONTACTS, 1_500, i -> Map.of("email", i + "@x.example"));
      ids.forEach(id -> p.associate(id, a, true));
      String many = ids.get(1_200);
      p.associate(many, b, false);
      p.associate(many, c, false);
      HubSpotApiClient client =
          HubSpotApiClient.builder()
              .baseUri(small.baseUri())
              .token(small.token())
              .clock(clock)
              .sleeper(clock::advance)
              .build();
      HubSpotChangeSet set =
          HubSpotChanges.builder(client)
              .build()
              .read(new HubSpotWatermark(mark, mark), clock.instant());
      Map<String, HubSpotContact> contacts = all(set.contacts());
      assertThat(contacts).hasSize(1_500);
      assertThat(contacts.get(many).associatedCompanyIds()).containsExactly(a, b, c);
      assertThat(contacts.get(ids.get(0)).associatedCompanyIds()).containsExactly(a);
      // 1,000 + 500 inputs, then the second page of the one contact with three companies
      assertThat(small.requests(HubSpotEndpoint.ASSOCIATIONS_BATCH_READ))
          .extracting(LoggedRequest::status)
          .containsOnly(200)
          .hasSize(3);
      assertThat(set.requests()).containsEntry(HubSpotApiEndpoint.ASSOCIATIONS_BATCH_READ, 3L);
    }
  }
}
