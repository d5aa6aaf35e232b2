package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.migration.HubSpotSync;
import io.github.csmkit.hubspot.migration.HubSpotSyncReport;
import io.github.csmkit.hubspot.migration.MigrationListener;
import io.github.csmkit.hubspot.source.HubSpotApiClient;
import io.github.csmkit.hubspot.source.HubSpotApiEndpoint;
import io.github.csmkit.hubspot.source.HubSpotAuthenticationException;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.RunStatus;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.ManualClock;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HubSpotSync} end to end over HTTP: the HubSpot sandbox as the portal, the CSM sandbox as
 * the site, a SQLite state. 12,000 contacts in 40 companies (over the search cap) synced in full,
 * then changes of every kind and records modified during the run: the later syncs read only the
 * changes (request counts), create nothing twice, and CSM ends as a full import of the final
 * HubSpot data into a fresh site would, except for the archived and merged-away records, which are
 * reported and kept.
 */
class HubSpotSyncTest {
  static final Duration LAG = Duration.ofSeconds(20);

  @TempDir Path dir;
  final ManualClock clock = new ManualClock();
  final HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).indexLag(LAG).start();
  final HubSpotPortal portal = hubspot.portal();
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    hubspot.close();
  }

  /** A CSM site with its client. */
  record Site(CsmSandbox sandbox, CsmClient csm) {}

  Site site() {
    CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(1)).start();
    CsmClient csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .build();
    open.add(sandbox);
    open.add(csm);
    return new Site(sandbox, csm);
  }

  SyncState state(String name) {
    SyncState s = SyncState.open(dir.resolve(name).toString());
    open.add(s);
    return s;
  }

  HubSpotApiClient client(String token) {
    return HubSpotApiClient.builder()
        .baseUri(hubspot.baseUri())
        .token(token)
        .clock(clock)
        .sleeper(clock::advance)
        .build();
  }

  HubSpotSyncReport sync(Site site, SyncState state, UnaryOperator<HubSpotSync.Builder> more) {
    hubspot.resetRequests();
    HubSpotSyncReport r =
        more.apply(
                HubSpotSync.builder(site.csm(), client(hubspot.token()), state)
                    .jobId("portal-1")
                    .clock(clock)
                    .maxInFlight(20)
                    .verifySample(0))
            .build()
            .run();
    // the report's counts are HubSpot's: nothing sent that the portal did not see
    long seen = 0;
    for (HubSpotEndpoint e : HubSpotEndpoint.values()) {
      seen += hubspot.requestCount(e);
    }
    assertThat(r.totalRequests()).isEqualTo(seen);
    return r;
  }

  HubSpotSyncReport sync(Site site, SyncState state) {
    return sync(site, state, b -> b);
  }

  static Map<String, Object> contact(int i) {
    return Map.of(
        "email", "p" + i + "@example.com",
        "firstname", "First" + i,
        "lastname", "Last" + i,
        "phone", "+1-555-" + i,
        "lifecyclestage", "lead");
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> strings(Map<String, Object> m) {
    return (Map<String, String>) (Map<String, ?>) m;
  }

  @Test
  void twelveThousandContactsThenOnlyTheChangesEndingAsAFullImportWould() {
    List<String> companies =
        portal.createMany(
            io.github.csmkit.hubspot.sandbox.ObjectType.COMPANIES,
            40,
            i -> Map.of("name", "Co " + i, "industry", "Software", "website", "co" + i + ".test"));
    String[] ids = new String[12_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = portal.createContact(strings(contact(i)));
      portal.associate(ids[i], companies.get(i % 40), true);
      clock.advance(Duration.ofSeconds(1));
    }
    clock.advance(LAG);
    Site site = site();
    SyncState state = state("state.db");

    // sync 1: no watermark, everything
    HubSpotSyncReport first = sync(site, state);
    assertThat(first.complete()).as(first.summary()).isTrue();
    assertThat(first.contacts().full()).isTrue();
    assertThat(first.companies().full()).isTrue();
    assertThat(first.contacts().watermarkBefore()).isEmpty();
    assertThat(first.contacts().watermarkAfter())
        .contains(portal.get(contacts(), ids[11_999]).orElseThrow().updatedAt());
    assertThat(site.sandbox().customers()).hasSize(12_000);
    assertThat(site.sandbox().organizations()).hasSize(40);
    assertThat(first.requests().get(HubSpotApiEndpoint.LIST)).isEqualTo(121L);

    // between the syncs: updates, new, archived, merged, a renamed company, a value cleared
    clock.advance(Duration.ofMinutes(30));
    for (int i = 0; i < 300; i++) {
      portal.update(contacts(), ids[i * 37], Map.of("firstname", "Changed " + i));
    }
    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String id = portal.createContact(strings(contact(20_000 + i)));
      portal.associate(id, companies.get(3), true);
      fresh.add(id);
    }
    Set<String> archived = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      portal.archive(contacts(), ids[5000 + i]);
      archived.add(ids[5000 + i]);
    }
    portal.merge(contacts(), ids[6000], ids[6001]);
    portal.merge(contacts(), ids[6002], ids[6003]);
    portal.clear(contacts(), ids[7000], "phone");
    String co5 = orgId(site, "Co 5");
    portal.renameCompany(companies.get(5), "Co 5 Renamed");
    clock.advance(Duration.ofMinutes(1));
    // modified 5 s before the sync starts: not yet searchable (20 s lag), read by sync 3
    clock.advance(LAG.minusSeconds(5));
    String lagging = ids[8000];
    portal.update(contacts(), lagging, Map.of("lastname", "Late"));
    clock.advance(Duration.ofSeconds(5));
    // during sync 2, after HubSpot was read: a contact it read, one it did not, a company
    MigrationListener during =
        new MigrationListener() {
          @Override
          public void phaseStarted(Phase phase, OptionalLong total) {
            if (phase == Phase.ORGANIZATIONS) {
              portal.update(contacts(), ids[37], Map.of("lastname", "During"));
              portal.update(contacts(), ids[11_000], Map.of("lastname", "During"));
              portal.renameCompany(companies.get(7), "Co 7 During");
            }
          }
        };

    Map<String, String> csmIdsBefore = customerIdsByEmail(site);
    HubSpotSyncReport second = sync(site, state, b -> b.listener(during));
    assertThat(second.complete()).as(second.summary()).isTrue();
    assertThat(second.contacts().full()).isFalse();
    assertThat(second.companies().full()).isFalse();
    // 353 changes and ~600 re-read in the overlap (dropped as settled): searches, not list pages
    assertThat(second.contacts().alreadySettled()).isBetween(590L, 610L);
    assertThat(second.requests())
        .isEqualTo(
            Map.of(
                HubSpotApiEndpoint.SEARCH, 6L,
                HubSpotApiEndpoint.ASSOCIATIONS_BATCH_READ, 1L,
                HubSpotApiEndpoint.LIST, 2L)); // the archived listing of each type
    var customers = second.migration().orElseThrow().sync().orElseThrow().customers().orElseThrow();
    assertThat(customers.counts().created()).isEqualTo(50);
    assertThat(customers.counts().updated()).isEqualTo(300 + 2 + 1); // 2 merge survivors, 1 cleared
    assertThat(customers.counts().failed()).isZero();
    // an incremental read is not the whole portal: nothing it lacks is reported gone
    assertThat(customers.counts().gone()).isZero();
    var organizations =
        second.migration().orElseThrow().sync().orElseThrow().organizations().orElseThrow();
    assertThat(organizations.counts().gone()).isZero();
    assertThat(organizations.counts().updated()).isEqualTo(1); // the renamed company
    assertThat(customers.counts().partial()).isZero(); // every membership found its organization
    // the unchanged companies the new and changed contacts belong to are known from the state
    assertThat(second.migration().orElseThrow().mappingWarnings())
        .noneMatch(w -> w.contains("is not in the companies input"));
    assertThat(second.contacts().archived())
        .extracting(HubSpotSyncReport.Archived::hubSpotId)
        .containsExactlyInAnyOrderElementsOf(archived);
    assertThat(second.contacts().archived())
        .allSatisfy(
            a -> {
              assertThat(a.csmId()).isPresent();
              assertThat(csmIdsBefore).containsValue(a.csmId().orElseThrow());
            });
    assertThat(second.contacts().merged())
        .extracting(HubSpotSyncReport.Merged::mergedId, HubSpotSyncReport.Merged::survivorId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ids[6001], ids[6000]),
            org.assertj.core.groups.Tuple.tuple(ids[6003], ids[6002]));
    // the survivor keeps its CSM customer; the merged one's is reported, never deleted
    HubSpotSyncReport.Merged m =
        second.contacts().merged().stream()
            .filter(x -> x.survivorId().equals(ids[6000]))
            .findFirst()
            .orElseThrow();
    assertThat(m.survivorCsmId()).contains(csmIdsBefore.get("p6000@example.com"));
    assertThat(m.mergedCsmId()).contains(csmIdsBefore.get("p6001@example.com"));
    assertThat(orgId(site, "Co 5 Renamed")).isEqualTo(co5); // renamed in place
    assertThat(second.contacts().watermarkMoved()).isTrue();
    assertThat(second.companies().watermarkMoved()).isTrue();
    assertThat(byEmail(site).get("p7000@example.com").details()).doesNotContainKey("Phone");

    // sync 3: the change the index had hidden and those made during sync 2
    clock.advance(Duration.ofMinutes(1));
    HubSpotSyncReport third = sync(site, state);
    assertThat(third.complete()).as(third.summary()).isTrue();
    var c3 = third.migration().orElseThrow().sync().orElseThrow().customers().orElseThrow();
    assertThat(c3.counts().updated()).isEqualTo(3); // lagging, ids[37], ids[11000]
    assertThat(c3.counts().created()).isZero();
    assertThat(third.requests().get(HubSpotApiEndpoint.SEARCH)).isLessThanOrEqualTo(6L);
    assertThat(third.contacts().merged()).isEmpty(); // survivors re-read as settled versions
    assertThat(third.contacts().archived()).hasSize(10); // inside the overlap: reported again

    // a sync 4 with nothing new reads a search page per type and sends nothing to CSM
    clock.advance(Duration.ofMinutes(15));
    long tasks = site.sandbox().tasks().size();
    HubSpotSyncReport fourth = sync(site, state);
    assertThat(fourth.complete()).isTrue();
    // the overlap still re-reads sync 2's changes (settled, dropped): 2 contact pages, 1 company
    assertThat(fourth.requests().get(HubSpotApiEndpoint.SEARCH)).isLessThanOrEqualTo(3L);
    assertThat(fourth.requests().get(HubSpotApiEndpoint.LIST)).isEqualTo(2L);
    assertThat(site.sandbox().tasks()).hasSize((int) tasks);

    // nothing created twice
    for (CustomerSnapshot c : site.sandbox().customers()) {
      assertThat(site.sandbox().creationCount(c.email())).as(c.email()).isEqualTo(1);
    }
    // the same as a full import of the final HubSpot data into a fresh site, plus the archived
    // and merged-away customers, which a sync reports and keeps
    Site clean = site();
    HubSpotSyncReport full = sync(clean, state("clean.db"));
    assertThat(full.contacts().full()).isTrue();
    Map<String, CustomerSnapshot> synced = byEmail(site);
    Map<String, CustomerSnapshot> expected = byEmail(clean);
    Set<String> kept = new TreeSet<>(synced.keySet());
    kept.removeAll(expected.keySet());
    Set<String> keptExpected = new TreeSet<>();
    for (int i = 0; i < 10; i++) {
      keptExpected.add("p" + (5000 + i) + "@example.com");
    }
    keptExpected.add("p6001@example.com");
    keptExpected.add("p6003@example.com");
    assertThat(kept).isEqualTo(keptExpected);
    assertThat(expected).hasSize(12_000 + 50 - 12);
    Map<String, String> syncedOrgs = orgNames(site);
    Map<String, String> expectedOrgs = orgNames(clean);
    for (CustomerSnapshot e : expected.values()) {
      CustomerSnapshot s = synced.get(e.email());
      assertThat(s).as(e.email()).isNotNull();
      assertThat(s.displayName()).as(e.email()).isEqualTo(e.displayName());
      assertThat(s.details()).as(e.email()).isEqualTo(e.details());
      assertThat(names(s.organizationIds(), syncedOrgs))
          .as(e.email())
          .isEqualTo(names(e.organizationIds(), expectedOrgs));
    }
    assertThat(orgs(site)).isEqualTo(orgs(clean));
    assertThat(state.runs("portal-1", site.csm().baseUri().toString()))
        .extracting(r -> r.status())
        .containsOnly(RunStatus.COMPLETED);
  }

  @Test
  void theDailyLimitEndsTheRunCleanlyAndTheNextContinues() {
    List<String> companies =
        portal.createMany(
            io.github.csmkit.hubspot.sandbox.ObjectType.COMPANIES,
            2,
            i -> Map.of("name", "Co " + i));
    for (int i = 0; i < 250; i++) {
      String id = portal.createContact(strings(contact(i)));
      portal.associate(id, companies.get(i % 2), true);
    }
    clock.advance(LAG);
    Site site = site();
    SyncState state = state("state.db");
    // a full read: the companies and the first page of contacts settle, the second page is refused
    hubspot
        .faults()
        .next(
            HubSpotEndpoint.LIST,
            HubSpotFault.delay(Duration.ZERO),
            HubSpotFault.delay(Duration.ZERO),
            HubSpotFault.dailyLimit());
    HubSpotSyncReport stopped = sync(site, state);
    assertThat(stopped.complete()).isFalse();
    assertThat(stopped.stopReason().orElseThrow()).contains("daily API limit");
    // the contacts were not all read: their watermark stays; the companies all settled: theirs
    // moves
    assertThat(stopped.contacts().watermarkAfter()).isEmpty();
    assertThat(stopped.companies().watermarkAfter()).isPresent();
    assertThat(site.sandbox().organizations()).hasSize(2);
    int imported = site.sandbox().customers().size();
    assertThat(imported).isLessThan(250);
    String siteName = site.csm().baseUri().toString();
    assertThat(state.runs("portal-1", siteName))
        .extracting(r -> r.status())
        .containsExactly(RunStatus.ABORTED);

    // the next sync reads the contacts in full again, sends only what is missing, and moves the
    // watermarks
    HubSpotSyncReport next = sync(site, state);
    assertThat(next.complete()).as(next.summary()).isTrue();
    assertThat(next.contacts().full()).isTrue();
    assertThat(next.companies().full()).isFalse();
    var c = next.migration().orElseThrow().sync().orElseThrow().customers().orElseThrow();
    assertThat(c.counts().created() + c.counts().unchanged()).isEqualTo(250);
    assertThat(c.counts().unchanged()).isPositive(); // what settled before the limit is not sent
    assertThat(site.sandbox().customers()).hasSize(250);
    for (CustomerSnapshot x : site.sandbox().customers()) {
      assertThat(site.sandbox().creationCount(x.email())).as(x.email()).isEqualTo(1);
    }
    assertThat(next.contacts().watermarkAfter()).isPresent();

    // an incremental read refused by the daily limit: nothing sent, the watermarks stay
    clock.advance(Duration.ofMinutes(30));
    hubspot.faults().next(HubSpotEndpoint.SEARCH, HubSpotFault.dailyLimit());
    HubSpotSyncReport refused = sync(site, state);
    assertThat(refused.stopReason().orElseThrow()).contains("daily API limit");
    assertThat(refused.migration()).isEmpty();
    assertThat(refused.contacts().watermarkAfter()).isEqualTo(next.contacts().watermarkAfter());
    assertThat(refused.contacts().watermarkMoved()).isFalse();
  }

  @Test
  void aRefusedTokenIsAConfigurationErrorAndNeverShown() {
    Site site = site();
    SyncState state = state("state.db");
    HubSpotSync sync =
        HubSpotSync.builder(site.csm(), client("pat-na1-expired-0000"), state)
            .jobId("portal-1")
            .build();
    assertThatThrownBy(sync::run)
        .isInstanceOf(HubSpotAuthenticationException.class)
        .hasMessageNotContaining("pat-na1-expired-0000");
    assertThat(sync.toString()).doesNotContain("pat-na1-expired-0000");
    assertThat(
            state.reader("portal-1", site.csm().baseUri().toString()).watermark(ObjectType.CONTACT))
        .isEmpty();
  }

  static io.github.csmkit.hubspot.sandbox.ObjectType contacts() {
    return io.github.csmkit.hubspot.sandbox.ObjectType.CONTACTS;
  }

  static Map<String, CustomerSnapshot> byEmail(Site site) {
    return site.sandbox().customers().stream()
        .collect(Collectors.toMap(CustomerSnapshot::email, c -> c));
  }

  static Map<String, String> customerIdsByEmail(Site site) {
    Map<String, String> out = new HashMap<>();
    site.sandbox().customers().forEach(c -> out.put(c.email(), c.id()));
    return out;
  }

  static String orgId(Site site, String name) {
    return site.sandbox().organizations().stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  static Map<String, String> orgNames(Site site) {
    return site.sandbox().organizations().stream()
        .collect(Collectors.toMap(OrganizationSnapshot::id, OrganizationSnapshot::name));
  }

  static Set<String> names(List<String> orgIds, Map<String, String> names) {
    return orgIds.stream().map(names::get).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Organizations by name with their details (members differ by the kept customers). */
  static Map<String, Map<String, List<String>>> orgs(Site site) {
    return site.sandbox().organizations().stream()
        .collect(Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::details));
  }
}
