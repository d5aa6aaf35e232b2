package io.github.csmkit.hubspot.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncrementalPullTest {
  static final Instant WATERMARK = Instant.parse("2026-03-01T12:00:00Z");
  static final Duration OVERLAP = Duration.ofMinutes(10);
  static final Instant FROM = WATERMARK.minus(OVERLAP);
  static final Instant RUN_START = Instant.parse("2026-03-01T13:00:00Z");

  final FakeSearch hubspot = new FakeSearch();
  final IncrementalPull pull = IncrementalPull.contacts().overlap(OVERLAP).build();

  static List<String> ids(PullResult r) {
    return r.records().stream().map(ChangedRecord::id).toList();
  }

  static void assertAccounted(PullResult r) {
    assertThat(
            r.records().size()
                + r.duplicates()
                + r.superseded()
                + r.alreadySettled()
                + r.outOfWindow())
        .isEqualTo(r.returned());
  }

  @Test
  void readsTwelveThousandRecordsPastTheCapWithoutEverPaging() {
    for (long id = 1; id <= 12_000; id++) {
      hubspot.put(id * 3, FROM.plusSeconds(id % 3000));
    }
    hubspot.put(5, FROM.minusMillis(1)); // just before the window
    hubspot.put(7, RUN_START.plusMillis(1)); // just after it

    PullResult r = pull.pull(hubspot, WATERMARK, RUN_START);

    assertThat(r.records()).hasSize(12_000);
    assertThat(ids(r)).doesNotHaveDuplicates().doesNotContain("5", "7");
    assertThat(r.requests()).isEqualTo(60).isEqualTo(hubspot.requests.size());
    assertThat(hubspot.requests).allSatisfy(q -> assertThat(q.after()).isNull());
    assertThat(hubspot.requests).allSatisfy(q -> assertThat(q.limit()).isEqualTo(200));
    assertThat(hubspot.requests.get(0).filters())
        .containsExactly(
            new SearchRequest.Filter("lastmodifieddate", "GTE", "" + FROM.toEpochMilli()),
            new SearchRequest.Filter("lastmodifieddate", "LTE", "" + RUN_START.toEpochMilli()));
    assertThat(hubspot.requests.get(1).filters())
        .contains(new SearchRequest.Filter("hs_object_id", "GT", "600"));
    assertThat(r.windowStart()).isEqualTo(FROM);
    assertThat(r.windowEnd()).isEqualTo(RUN_START);
    assertAccounted(r);
  }

  @Test
  void theWindowIsInclusiveAtBothEnds() {
    hubspot.put(1, FROM);
    hubspot.put(2, RUN_START);
    hubspot.put(3, FROM.minusMillis(1));
    hubspot.put(4, RUN_START.plusMillis(1));

    PullResult r = pull.pull(hubspot, WATERMARK, RUN_START);

    assertThat(ids(r)).containsExactly("1", "2");
    assertThat(r.candidateWatermark()).isEqualTo(RUN_START);
  }

  @Test
  void tiesOnTheWatermarkAreReadAndOnlyTheSettledOnesAreDropped() {
    // 250 records share the watermark's millisecond (more than a page): 100 were settled last run
    for (long id = 1; id <= 250; id++) {
      hubspot.put(id, WATERMARK);
    }
    IncrementalPull withState =
        IncrementalPull.contacts()
            .overlap(OVERLAP)
            .alreadySettled((id, t) -> t.equals(WATERMARK) && Long.parseLong(id) <= 100)
            .build();

    PullResult r = withState.pull(hubspot, WATERMARK, RUN_START);

    assertThat(r.records()).hasSize(150);
    assertThat(r.alreadySettled()).isEqualTo(100);
    assertThat(ids(r).get(0)).isEqualTo("101");
    assertThat(r.candidateWatermark()).isEqualTo(WATERMARK);
    assertAccounted(r);
  }

  @Test
  void aRecordThatLeavesTheWindowDuringThePullHidesNoOtherRecord() {
    for (long id = 1; id <= 1000; id++) {
      hubspot.put(id, FROM.plusSeconds(id));
    }
    // after two pages, records 10 (already read) and 900 (not yet read) are modified again
    Instant during = RUN_START.plusSeconds(30);
    hubspot.beforeAnswer =
        n -> {
          if (n == 2) {
            hubspot.put(10, during);
            hubspot.put(900, during);
          }
        };

    PullResult first = pull.pull(hubspot, WATERMARK, RUN_START);

    // offset paging would now skip record 601 (every later offset shifted by one); keyset does not
    assertThat(ids(first)).hasSize(999).contains("10", "601").doesNotContain("900");
    assertThat(first.candidateWatermark()).isBeforeOrEqualTo(RUN_START);

    // the next run picks up both new versions
    hubspot.beforeAnswer = n -> {};
    PullResult second =
        pull.pull(hubspot, first.candidateWatermark(), RUN_START.plus(Duration.ofHours(1)));
    assertThat(ids(second)).contains("10", "900");
  }

  @Test
  void theCandidateWatermarkIsTheNewestTimeReadNeverLaterNorEarlierThanTheOldOne() {
    hubspot.put(1, FROM.plusSeconds(1)); // read, but older than the old watermark
    PullResult onlyOld = pull.pull(hubspot, WATERMARK, RUN_START);
    assertThat(onlyOld.records()).hasSize(1);
    assertThat(onlyOld.candidateWatermark()).isEqualTo(WATERMARK);

    hubspot.put(2, WATERMARK.plusSeconds(42));
    PullResult newer = pull.pull(hubspot, WATERMARK, RUN_START);
    assertThat(newer.candidateWatermark()).isEqualTo(WATERMARK.plusSeconds(42));

    FakeSearch empty = new FakeSearch();
    assertThat(pull.pull(empty, WATERMARK, RUN_START).candidateWatermark()).isEqualTo(WATERMARK);
    assertThat(pull.pull(empty, null, RUN_START).candidateWatermark()).isNull();
  }

  @Test
  void withoutAWatermarkEverythingUpToTheRunStartIsRead() {
    hubspot.put(1, Instant.parse("2020-01-01T00:00:00Z"));
    hubspot.put(2, RUN_START.plusSeconds(1));

    PullResult r = pull.pull(hubspot, null, RUN_START);

    assertThat(ids(r)).containsExactly("1");
    assertThat(r.windowStart()).isNull();
    assertThat(hubspot.requests.get(0).filters()).hasSize(1);
  }

  @Test
  void duplicatesAndStaleVersionsFromTheServerAreDroppedAndCounted() {
    hubspot.put(1, WATERMARK);
    hubspot.put(2, WATERMARK.plusSeconds(5));
    hubspot.inject =
        new java.util.ArrayList<>(
            List.of(
                FakeSearch.record(2, WATERMARK.plusSeconds(5)), // the same version again
                FakeSearch.record(2, WATERMARK.plusSeconds(1)), // an older version of it
                FakeSearch.record(3, RUN_START.plusSeconds(1)))); // outside the window

    PullResult r = pull.pull(hubspot, WATERMARK, RUN_START);

    assertThat(ids(r)).containsExactly("1", "2");
    assertThat(r.records().get(1).modifiedAt()).isEqualTo(WATERMARK.plusSeconds(5));
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.superseded()).isEqualTo(1);
    assertThat(r.outOfWindow()).isEqualTo(1);
    assertThat(r.returned()).isEqualTo(5);
    assertAccounted(r);
  }

  @Test
  void aShortPageWithANextCursorIsNotTheEnd() {
    for (long id = 1; id <= 450; id++) {
      hubspot.put(id, WATERMARK);
    }
    IncrementalPull small = IncrementalPull.contacts().overlap(OVERLAP).pageSize(7).build();
    PullResult r = small.pull(hubspot, WATERMARK, RUN_START);
    assertThat(r.records()).hasSize(450);
    assertThat(r.requests()).isEqualTo(65); // 64 full pages of 7, then 2
  }

  @Test
  void failsLoudWhenHubSpotBreaksThePullsAssumptions() {
    hubspot.put(5, WATERMARK);
    hubspot.inject = new java.util.ArrayList<>(List.of(FakeSearch.record(4, WATERMARK)));
    assertThatThrownBy(() -> pull.pull(hubspot, WATERMARK, RUN_START))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("out of id order");

    FakeSearch liar = new FakeSearch();
    liar.forceNext = true;
    assertThatThrownBy(() -> pull.pull(liar, WATERMARK, RUN_START))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("empty");

    SearchFetcher broken =
        q -> {
          throw new IllegalStateException("HTTP 500");
        };
    assertThatThrownBy(() -> pull.pull(broken, WATERMARK, RUN_START)).hasMessage("HTTP 500");
    assertThatThrownBy(() -> pull.pull(hubspot, RUN_START.plus(OVERLAP).plusMillis(1), RUN_START))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requestsTheIdAndTheDateBesidesTheAskedProperties() {
    hubspot.put(1, WATERMARK);
    IncrementalPull companies =
        IncrementalPull.companies().properties(List.of("name", "domain")).build();
    companies.pull(hubspot, null, RUN_START);
    SearchRequest q = hubspot.requests.get(0);
    assertThat(q.objectType()).isEqualTo("companies");
    assertThat(Set.copyOf(q.properties()))
        .isEqualTo(Set.of("name", "domain", "hs_object_id", "hs_lastmodifieddate"));
    assertThat(q.sortProperty()).isEqualTo("hs_object_id");
    assertThat(q.ascending()).isTrue();
  }
}
