package io.github.csmkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.sync.ChangedRecord;
import io.github.csmkit.hubspot.sync.HubSpotRateLimiter;
import io.github.csmkit.hubspot.sync.IncrementalPull;
import io.github.csmkit.hubspot.sync.PullResult;
import io.github.csmkit.sandbox.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The incremental-pull planner through real HTTP against the sandbox: 12,000 contacts (over the
 * search cap), an index that lags, HubSpot's 5-per-second search limit on the same clock, changes
 * between runs and during a run, and ties on the boundary.
 */
class IncrementalPullOverHttpTest {
  static final Duration LAG = Duration.ofSeconds(20);
  static final Duration OVERLAP = Duration.ofMinutes(10);

  final ManualClock clock = new ManualClock();
  final HubSpotSandbox hubspot = HubSpotSandbox.builder().clock(clock).indexLag(LAG).start();
  final HubSpotPortal portal = hubspot.portal();
  final HubSpotRateLimiter limiter =
      HubSpotRateLimiter.builder().clock(clock).sleeper(clock::advance).build();
  final HttpSearchFetcher fetcher = new HttpSearchFetcher(hubspot, limiter);

  /** What a sync state would hold: the (id, modification time) each run settled. */
  final Map<String, Instant> settled = new HashMap<>();

  final IncrementalPull contacts =
      IncrementalPull.contacts()
          .properties(List.of("email", "firstname", "city"))
          .overlap(OVERLAP)
          .alreadySettled((id, t) -> t.equals(settled.get(id)))
          .build();

  @AfterEach
  void stop() {
    hubspot.close();
  }

  PullResult run(Instant watermark) {
    hubspot.resetRequests();
    fetcher.sent = 0;
    PullResult r = contacts.pull(fetcher, watermark, clock.instant());
    r.records().forEach(c -> settled.put(c.id(), c.modifiedAt()));
    assertThat(
            r.records().size()
                + r.duplicates()
                + r.superseded()
                + r.alreadySettled()
                + r.outOfWindow())
        .isEqualTo(r.returned());
    // never a 400: no query paged toward the 10,000 cap
    assertThat(hubspot.requests(HubSpotEndpoint.SEARCH))
        .allSatisfy(q -> assertThat(q.status()).isIn(200, 429));
    return r;
  }

  static Set<String> ids(PullResult r) {
    return r.records().stream().map(ChangedRecord::id).collect(Collectors.toSet());
  }

  long searches() {
    return hubspot.requests(HubSpotEndpoint.SEARCH).stream().filter(q -> q.status() == 200).count();
  }

  @Test
  void twelveThousandContactsThenOnlyTheChanges() {
    List<String> companies =
        portal.createMany(ObjectType.COMPANIES, 40, i -> Map.of("name", "Co " + i));
    String[] ids = new String[12_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] =
          portal.createContact(
              Map.of("email", "p" + i + "@example.com", "city", "City " + (i % 7)));
      portal.associate(ids[i], companies.get(i % 40), true);
      clock.advance(Duration.ofSeconds(1)); // 12,000 contacts over 3⅓ hours
    }
    clock.advance(LAG);

    // run 1: no watermark, 12,000 records over the cap, pages of 200 above the last id
    PullResult first = run(null);
    assertThat(first.records()).hasSize(12_000);
    assertThat(ids(first)).containsExactlyInAnyOrder(ids);
    assertThat(searches()).isEqualTo(60);
    assertThat(first.candidateWatermark())
        .isEqualTo(portal.get(ObjectType.CONTACTS, ids[11_999]).orElseThrow().updatedAt());
    // the limiter kept 60 searches within 5 per second on the sandbox clock: not one 429
    assertThat(fetcher.rateLimited).isZero();

    // between the runs: 300 updates, 50 new, 10 archived, 2 merges, a value cleared
    clock.advance(Duration.ofMinutes(30));
    Set<String> changed = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      portal.update(ObjectType.CONTACTS, ids[i * 37], Map.of("firstname", "Changed " + i));
      changed.add(ids[i * 37]);
    }
    for (int i = 0; i < 50; i++) {
      changed.add(portal.createContact(Map.of("email", "new" + i + "@example.com")));
    }
    for (int i = 0; i < 10; i++) {
      portal.archive(
          ObjectType.CONTACTS, ids[5000 + i]); // search never tells: the archived listing does
    }
    portal.merge(ObjectType.CONTACTS, ids[6000], ids[6001]);
    portal.merge(ObjectType.CONTACTS, ids[6002], ids[6003]);
    changed.add(ids[6000]);
    changed.add(ids[6002]);
    portal.clear(ObjectType.CONTACTS, ids[7000], "city");
    changed.add(ids[7000]);
    // modified 5 s before the run starts: still invisible to search (20 s lag)
    clock.advance(Duration.ofMinutes(1));
    String lagging = ids[8000];
    clock.advance(LAG.minusSeconds(5));
    portal.update(ObjectType.CONTACTS, lagging, Map.of("city", "Late"));
    clock.advance(Duration.ofSeconds(5));

    // run 2, with two contacts modified while it runs (one already read, one not yet)
    fetcher.beforeRequest =
        n -> {
          if (n == 1) {
            portal.update(ObjectType.CONTACTS, ids[37], Map.of("city", "During"));
            portal.update(ObjectType.CONTACTS, ids[11_000], Map.of("city", "During"));
          }
        };
    Instant run2Start = clock.instant();
    PullResult second = run(first.candidateWatermark());
    fetcher.beforeRequest = n -> {};

    assertThat(ids(second)).containsExactlyInAnyOrderElementsOf(changed);
    assertThat(second.records()).hasSize(353);
    // the overlap re-read the last 10 minutes of run 1 and dropped them as settled
    assertThat(second.alreadySettled()).isBetween(590L, 610L);
    assertThat(searches()).isEqualTo(5); // 353 + ~600 re-read, 200 a page: not a full pass
    ChangedRecord cleared =
        second.records().stream().filter(c -> c.id().equals(ids[7000])).findFirst().orElseThrow();
    assertThat(cleared.properties()).containsEntry("city", null);
    assertThat(second.candidateWatermark()).isBeforeOrEqualTo(run2Start);
    assertThat(
            second.records().stream()
                .filter(c -> c.id().equals(ids[6000]))
                .findFirst()
                .orElseThrow()
                .properties())
        .isNotNull();

    // run 3: the change that the index had not shown, and the two made during run 2
    clock.advance(Duration.ofMinutes(1));
    PullResult third = run(second.candidateWatermark());
    assertThat(ids(third)).containsExactlyInAnyOrder(lagging, ids[37], ids[11_000]);
  }

  @Test
  void aTieOnTheWatermarkThatShowsUpLateIsNotLost() {
    Instant tie = clock.instant();
    String a = portal.createContact(Map.of("email", "a@example.com"));
    String b = portal.createContact(Map.of("email", "b@example.com"));
    clock.advance(LAG);
    PullResult first = run(null);
    assertThat(ids(first)).containsExactlyInAnyOrder(a, b);
    assertThat(first.candidateWatermark()).isEqualTo(tie);

    // a third record written in the same millisecond reaches the index only now
    // (HubSpot's clocks and commits are not ordered as its timestamps)
    Instant later = clock.instant();
    clock.set(tie);
    String c = portal.createContact(Map.of("email", "c@example.com"));
    clock.set(later.plus(LAG));

    PullResult second = run(first.candidateWatermark());
    assertThat(ids(second)).containsExactly(c);
    assertThat(second.alreadySettled()).isEqualTo(2);
    assertThat(second.candidateWatermark()).isEqualTo(tie);
  }

  /** Why the planner never pages by offset: the sandbox, like HubSpot, shifts offsets mid-pull. */
  @Test
  void offsetPagingLosesARecordThatKeysetPagingKeeps() {
    List<String> ids =
        portal.createMany(ObjectType.CONTACTS, 400, i -> Map.of("email", i + "@x.example"));
    clock.advance(LAG);
    Instant runStart = clock.instant();
    String window =
        "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"lastmodifieddate\",\"operator\":\"LTE\","
            + "\"value\":\""
            + runStart.toEpochMilli()
            + "\"}]}],\"sorts\":[{\"propertyName\":\"hs_object_id\",\"direction\":\"ASCENDING\"}],"
            + "\"limit\":200%s}";
    Http http = new Http(hubspot);
    Set<String> seen = new HashSet<>();
    http.search("contacts", window.formatted(""))
        .json()
        .path("results")
        .forEach(n -> seen.add(n.path("id").asText()));
    // a contact of page 1 is modified again: its date moves past the window's end
    clock.advance(Duration.ofSeconds(1));
    portal.update(ObjectType.CONTACTS, ids.get(0), Map.of("city", "moved"));
    clock.advance(LAG);
    http.search("contacts", window.formatted(",\"after\":\"200\""))
        .json()
        .path("results")
        .forEach(n -> seen.add(n.path("id").asText()));
    assertThat(seen).hasSize(399).doesNotContain(ids.get(200)); // skipped, never to be read again

    PullResult keyset = contacts.pull(fetcher, null, runStart);
    assertThat(ids(keyset)).hasSize(399).contains(ids.get(200));
  }

  @Test
  void searchesStayWithinHubSpotsLimitOnItsOwnClock() {
    portal.createMany(ObjectType.CONTACTS, 2_000, i -> Map.of("email", "p" + i + "@example.com"));
    clock.advance(LAG);
    Instant start = clock.instant();
    PullResult r = run(null);
    assertThat(r.records()).hasSize(2_000);
    assertThat(searches()).isEqualTo(10);
    assertThat(fetcher.rateLimited).isZero();
    // 10 searches at 5 a second: the limiter waited one second, no more
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(1));
  }
}
