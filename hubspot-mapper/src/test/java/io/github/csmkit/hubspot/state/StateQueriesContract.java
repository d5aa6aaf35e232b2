package io.github.csmkit.hubspot.state;

import static io.github.csmkit.hubspot.state.SyncStateContract.JOB;
import static io.github.csmkit.hubspot.state.SyncStateContract.SITE;
import static io.github.csmkit.hubspot.state.SyncStateContract.contact;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.state.internal.Dialect;
import io.github.csmkit.hubspot.state.internal.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state's targeted queries (records without a CSM id, the records a source no longer has, a
 * field hash held anywhere, unchanged records known by their digest) against what a scan of every
 * record, or the full comparison, finds: the same tests on SQLite and PostgreSQL, nested in their
 * contract tests.
 */
abstract class StateQueriesContract {
  private static final String MARKER = "0".repeat(32);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  abstract String location();

  abstract Connection rawConnection() throws Exception;

  abstract Dialect dialect();

  private SyncRun begin(String job) {
    SyncState state = SyncState.open(location());
    toClose.add(state);
    SyncRun run = state.beginRun(job, SITE, false);
    toClose.add(run);
    return run;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** What the scan of every record (the interface's default) finds without a CSM id. */
  private static List<String> scannedWithoutId(SyncRun run, ObjectType type) {
    List<String> out = new ArrayList<>();
    run.forEachRecord(
        type,
        r -> {
          if (r.outcome() == Outcome.IMPORTED && r.csmId().isEmpty() && r.identity().isPresent()) {
            out.add(r.hubSpotId());
          }
        });
    return out;
  }

  @Test
  void recordsWithoutACsmIdAreExactlyTheImportedOnesNotYetFetchedBack() {
    SyncRun other = begin("other-job");
    other.settle(List.of(contact("x1", null, "x@example.com", Map.of())));
    other.close();
    SyncRun run = begin(JOB);
    List<Settlement> batch = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      String id = "h" + i;
      switch (i % 4) {
        case 0 -> batch.add(contact(id, "qm:" + i, i + "@example.com", Map.of()));
        case 1 -> {
          batch.add(contact(id, null, i + "@example.com", Map.of()));
          expected.add(id);
        }
        case 2 -> batch.add(Settlement.failed(ObjectType.CONTACT, id, "boom"));
        default -> batch.add(Settlement.rejected(ObjectType.CONTACT, id, "no email"));
      }
    }
    batch.add(Settlement.imported(ObjectType.COMPANY, "c1", null, "Acme", Map.of(), Set.of()));
    run.settle(batch);
    // imported without an id, then failed: it keeps no id, but its last attempt is a failure
    run.settle(List.of(Settlement.failed(ObjectType.CONTACT, "h1", "later")));
    expected.remove("h1");
    run.learnCsmIds(ObjectType.CONTACT, Map.of("h5", "qm:5"));
    expected.remove("h5");

    List<String> found = new ArrayList<>();
    run.forEachWithoutCsmId(ObjectType.CONTACT, r -> found.add(r.hubSpotId()));
    assertThat(found).hasSize(307).containsExactlyElementsOf(expected);
    assertThat(found).containsExactlyElementsOf(scannedWithoutId(run, ObjectType.CONTACT));
    List<StoredRecord> companies = new ArrayList<>();
    run.forEachWithoutCsmId(ObjectType.COMPANY, companies::add);
    assertThat(companies).singleElement().satisfies(c -> assertThat(c.identity()).contains("Acme"));
  }

  @Test
  void goneRecordsAreThoseNotSeenInStoredOrderAcrossIdPages() {
    begin("other-job").settle(List.of(contact("g-other", "qm:o", "o@example.com", Map.of())));
    SyncRun run = begin(JOB);
    List<Settlement> batch = new ArrayList<>();
    for (int i = 0; i < 6200; i++) {
      batch.add(contact("h" + i, "qm:" + i, i + "@example.com", Map.of("N", List.of("" + i))));
    }
    run.settle(batch);
    run.settle(List.of(Settlement.failed(ObjectType.CONTACT, "never", "boom")));
    Set<String> missing = Set.of("h0", "h4999", "h5000", "h6199", "never");
    List<StoredRecord> gone = new ArrayList<>();
    run.forEachGone(ObjectType.CONTACT, id -> !missing.contains(id), gone::add);
    assertThat(gone)
        .extracting(StoredRecord::hubSpotId)
        .containsExactly("h0", "h4999", "h5000", "h6199", "never");
    StoredRecord h5000 = gone.get(2);
    assertThat(h5000.csmId()).contains("qm:5000");
    assertThat(h5000.identity()).contains("5000@example.com");
    assertThat(h5000.fieldHashes()).containsEntry("N", FieldHashes.hash(List.of("5000")));
    assertThat(gone.get(4).outcome()).isEqualTo(Outcome.FAILED);
    List<StoredRecord> all = new ArrayList<>();
    run.forEachRecord(ObjectType.CONTACT, all::add);
    assertThat(gone).isEqualTo(DeltaPlanner.gone(all, id -> !missing.contains(id)));
    List<StoredRecord> none = new ArrayList<>();
    run.forEachGone(ObjectType.COMPANY, id -> false, none::add);
    run.forEachGone(ObjectType.CONTACT, id -> true, none::add);
    assertThat(none).isEmpty();
  }

  @Test
  void recordsNotMarkedReadAreTheGoneOnesAcrossFlushesAndAResumeStartsWithNoMarks() {
    SyncRun other = begin("other-job");
    other.settle(List.of(contact("h1", "qm:o", "o@example.com", Map.of())));
    other.markRead(ObjectType.CONTACT, "h7"); // another job's marks are not this job's
    other.close();
    List<Settlement> batch = new ArrayList<>();
    for (int i = 0; i < 6200; i++) {
      batch.add(contact("h" + i, "qm:" + i, i + "@example.com", Map.of("N", List.of("" + i))));
    }
    settleInAnEarlierRun(JOB, batch);
    SyncRun run = begin(JOB);
    Set<String> missing = Set.of("h0", "h7", "h4999", "h5000", "h6199");
    for (int i = 0; i < 6200; i++) {
      if (!missing.contains("h" + i)) {
        run.markRead(ObjectType.CONTACT, "h" + i);
        run.markRead(ObjectType.CONTACT, "h" + i); // twice: still one mark
      }
    }
    run.markRead(ObjectType.COMPANY, "h0"); // a company's id is not a contact's
    run.markRead(ObjectType.CONTACT, "not-in-the-state");
    assertThat(run.marks().buffered()).as("written in flushes, not held").isLessThan(1000);
    List<StoredRecord> unread = new ArrayList<>();
    run.forEachUnread(ObjectType.CONTACT, unread::add);
    List<StoredRecord> gone = new ArrayList<>();
    run.forEachGone(ObjectType.CONTACT, id -> !missing.contains(id), gone::add);
    assertThat(unread)
        .extracting(StoredRecord::hubSpotId)
        .containsExactly("h0", "h7", "h4999", "h5000", "h6199");
    assertThat(unread).isEqualTo(gone);
    run.close(); // not finished: resumed, with the marks of this attempt forgotten

    SyncRun resumed = begin(JOB);
    assertThat(resumed.resumed()).isTrue();
    List<String> all = new ArrayList<>();
    resumed.forEachUnread(ObjectType.CONTACT, r -> all.add(r.hubSpotId()));
    assertThat(all).hasSize(6200);
    resumed.markRead(ObjectType.CONTACT, "h1");
    resumed.finish(RunStatus.COMPLETED, RunCounts.ZERO);
    resumed.close();
    try (SyncRun next = begin(JOB)) {
      assertThat(next.resumed()).isFalse();
      List<String> unreadByNext = new ArrayList<>();
      next.forEachUnread(ObjectType.CONTACT, r -> unreadByNext.add(r.hubSpotId()));
      assertThat(unreadByNext).as("a new run starts with no marks").hasSize(6200);
    }
  }

  @Test
  void onOneStateTheNextAttemptForgetsWrittenMarksAndJobsKeepTheirOwn() {
    SyncState state = SyncState.open(location()); // one state: on SQLite, one connection
    toClose.add(state);
    List<Settlement> batch = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      batch.add(contact("h" + i, "qm:" + i, i + "@example.com", Map.of()));
      keys.add(i + 1L);
    }
    try (SyncRun earlier = state.beginRun("other-job", SITE, false)) {
      earlier.settle(batch);
      earlier.finish(RunStatus.COMPLETED, RunCounts.ZERO);
    }
    try (SyncRun earlier = state.beginRun(JOB, SITE, false)) {
      earlier.settle(batch);
      earlier.finish(RunStatus.COMPLETED, RunCounts.ZERO);
    }
    SyncRun other = state.beginRun("other-job", SITE, false);
    toClose.add(other);
    for (int i = 0; i < 2_500; i++) {
      other.markRead(ObjectType.CONTACT, "h" + i);
      other.claim(i + 1L, i);
    }
    assertThat(other.marks().buffered()).as("written").isLessThan(AttemptMarks.FLUSH);

    SyncRun run = state.beginRun(JOB, SITE, false);
    assertThat(run.claimants(keys)).as("another job's claims").isEmpty();
    for (int i = 0; i < 2_500; i++) {
      if (i != 5) {
        run.markRead(ObjectType.CONTACT, "h" + i);
      }
      run.claim(i + 1L, i);
    }
    assertThat(unread(run)).containsExactly("h5");
    run.close(); // not finished
    SyncRun resumed = state.beginRun(JOB, SITE, false);
    assertThat(resumed.resumed()).isTrue();
    assertThat(unread(resumed)).as("the crashed attempt's marks").hasSize(2_500);
    assertThat(resumed.claimants(keys)).isEmpty();
    for (int i = 0; i < 2_500; i++) {
      resumed.markRead(ObjectType.CONTACT, "h" + i);
      resumed.claim(i + 1L, i + 10_000L);
    }
    Map<Long, Long> again = resumed.claimants(keys);
    for (int i = 0; i < 2_500; i++) {
      // the crashed attempt's claims, written on this connection, were cleared: else they win
      assertThat(again).containsEntry(i + 1L, i + 10_000L);
    }
    resumed.finish(RunStatus.COMPLETED, RunCounts.ZERO);
    resumed.close();
    try (SyncRun next = state.beginRun(JOB, SITE, false)) {
      assertThat(unread(next)).as("the finished run's marks").hasSize(2_500);
    }
    assertThat(unread(other)).as("the other job's marks, kept").isEmpty();
    assertThat(other.claimants(keys)).hasSize(2_500).containsEntry(7L, 6L);
  }

  @Test
  void aRecordClassifiedOrSettledByThisAttemptIsRead() {
    settleInAnEarlierRun(
        JOB,
        List.of(
            contact("kept", "qm:1", "kept@example.com", Map.of()),
            contact("changed", "qm:2", "changed@example.com", Map.of()),
            contact("absent", "qm:3", "absent@example.com", Map.of()),
            Settlement.failed(ObjectType.CONTACT, "failed", "HTTP 500"),
            Settlement.imported(
                ObjectType.CONTACT,
                "no-csm-id",
                null,
                "no-csm-id@example.com",
                Map.of(),
                Set.of())));
    SyncRun run = begin(JOB);
    List<Delta> deltas =
        run.deltas(
            List.of(
                snapshot("kept", "kept@example.com", Map.of(), Set.of("c-1", "c-2")),
                snapshot("changed", "changed@example.com", Map.of("N", List.of("x")), Set.of()),
                snapshot("new", "new@example.com", Map.of(), Set.of()),
                snapshot("failed", "failed@example.com", Map.of(), Set.of()),
                snapshot("no-csm-id", "no-csm-id@example.com", Map.of(), Set.of())));
    assertThat(deltas)
        .extracting(Delta::kind)
        .containsExactly(
            Delta.Kind.UNCHANGED,
            Delta.Kind.CHANGED,
            Delta.Kind.NEW,
            Delta.Kind.RETRY,
            Delta.Kind.UNCHANGED); // compared in full: its CSM id is learned by fetching back
    assertThat(unread(run)).as("classified: read").containsExactly("absent");
    run.settle(List.of(contact("new", "qm:4", "new@example.com", Map.of())));
    assertThat(unread(run))
        .as("new to the state, settled by this attempt")
        .containsExactly("absent");
    assertThat(run.marks().buffered()).as("found, not held").isZero();
  }

  @Test
  void classifyingWhileOutcomesSettleAndMarksResolveNeverDeadlocks() throws Exception {
    List<Settlement> stored = new ArrayList<>();
    List<SourceSnapshot> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      stored.add(contact("s" + i, "qm:" + i, i + "@example.com", Map.of()));
      batch.add(snapshot("s" + i, i + "@example.com", Map.of(), Set.of("c-1", "c-2")));
    }
    settleInAnEarlierRun(JOB, stored);
    // not closed after a deadlock (closing would wait for it): opened here, closed on success
    SyncState state = SyncState.open(location());
    SyncRun run = state.beginRun(JOB, SITE, false);
    // the engine's producer classifies while its outcome threads settle and mark
    Thread classify =
        daemon(
            () -> {
              for (int i = 0; i < 1_000; i++) {
                run.deltas(batch);
              }
            });
    Thread settle =
        daemon(
            () -> {
              for (int i = 0; i < 3 * AttemptMarks.FLUSH; i++) {
                run.markRead(ObjectType.CONTACT, "s" + (i % 50));
                run.marks().flush(); // finds the record: a query under the marks' lock
                if (i % 100 == 0) {
                  run.settle(List.of(contact("n" + i, "qm:n" + i, "n" + i + "@x.com", Map.of())));
                }
              }
            });
    classify.join(30_000);
    settle.join(30_000);
    // a few seconds' work: still running half a minute later, they wait for each other's lock
    assertThat(classify.isAlive() || settle.isAlive()).as("deadlocked").isFalse();
    assertThat(unread(run)).isEmpty();
    run.close();
    state.close();
  }

  private static Thread daemon(Runnable work) {
    Thread t = new Thread(work, "state-test");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void settleInAnEarlierRun(String job, List<Settlement> records) {
    try (SyncRun earlier = begin(job)) {
      earlier.settle(records);
      earlier.finish(RunStatus.COMPLETED, RunCounts.ZERO);
    }
  }

  private static List<String> unread(SyncRun run) {
    List<String> out = new ArrayList<>();
    run.forEachUnread(ObjectType.CONTACT, r -> out.add(r.hubSpotId()));
    return out;
  }

  @Test
  void aClaimKeepsItsFirstClaimantAcrossFlushesForThisAttemptOnly() {
    SyncRun run = begin(JOB);
    int n = AttemptMarks.FLUSH * 2 + 17;
    List<Long> keys = new ArrayList<>();
    for (long k = 1; k <= n; k++) {
      keys.add(k * 7919);
    }
    assertThat(run.claimants(keys)).isEmpty();
    assertThat(run.marks().lookedUp()).as("nothing claimed yet: no query").isZero();
    for (long k : keys) {
      run.claim(k, k + 1);
    }
    assertThat(run.marks().buffered()).as("written in flushes").isLessThan(AttemptMarks.FLUSH);
    Map<Long, Long> claimed = run.claimants(keys);
    assertThat(claimed).hasSize(n);
    keys.forEach(k -> assertThat(claimed).containsEntry(k, k + 1));
    assertThat(run.marks().lookedUp())
        .as("the written claims, looked up; the buffered ones answered from memory")
        .isEqualTo(n - run.marks().buffered());
    assertThat(run.claimants(List.of(5L, 7919L))).containsOnlyKeys(7919L);
    long before = run.marks().lookedUp();
    List<Long> never = new ArrayList<>();
    for (long k = 1; k <= 10_000; k++) {
      never.add(-k);
    }
    assertThat(run.claimants(never)).isEmpty();
    assertThat(run.marks().lookedUp() - before)
        .as("keys never claimed are ruled out without a query (but for a rare false positive)")
        .isLessThan(10);
    run.close();
    try (SyncRun resumed = begin(JOB)) {
      assertThat(resumed.claimants(keys)).as("a resumed attempt claims afresh").isEmpty();
    }
  }

  @Test
  void aDryRunKeepsItsMarksInMemoryAndWritesNone() {
    SyncRun real = begin(JOB);
    real.settle(
        List.of(
            contact("1", "qm:1", "a@example.com", Map.of()),
            contact("2", "qm:2", "b@example.com", Map.of())));
    real.finish(RunStatus.COMPLETED, RunCounts.ZERO);
    SyncState state = SyncState.open(location());
    toClose.add(state);
    try (SyncRun plan = state.beginRun(JOB, SITE, true)) {
      for (int i = 0; i < AttemptMarks.FLUSH + 5; i++) {
        plan.markRead(ObjectType.CONTACT, i == 2 ? "x" : "" + i);
        plan.claim(i + 1, i);
      }
      List<String> unread = new ArrayList<>();
      plan.forEachUnread(ObjectType.CONTACT, r -> unread.add(r.hubSpotId()));
      assertThat(unread).containsExactly("2");
      assertThat(plan.claimants(List.of(1L, 99_999L))).containsOnly(Map.entry(1L, 0L));
      assertThat(plan.marks().buffered())
          .as("the claims, all in memory (the reads are bits of the records found)")
          .isEqualTo(AttemptMarks.FLUSH + 5);
    }
  }

  @Test
  void aFieldHashIsFoundWhereverItIsHeldAndOnlyThere() {
    begin("other-job").settle(List.of(contact("o", "qm:o", "o@example.com", Map.of())));
    SyncState state = SyncState.open(location());
    toClose.add(state);
    try (SyncRun other = state.beginRun("marked-elsewhere", SITE, false)) {
      other.settle(List.of(withMarker("o2", "Phone")));
    }
    SyncRun run = begin(JOB);
    assertThat(run.holdsFieldHash(ObjectType.CONTACT, MARKER)).isFalse();
    List<Settlement> batch = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      batch.add(contact("h" + i, "qm:" + i, i + "@example.com", Map.of("N", List.of("" + i))));
    }
    run.settle(batch);
    assertThat(run.holdsFieldHash(ObjectType.CONTACT, MARKER)).isFalse();
    assertThat(run.holdsFieldHash(ObjectType.CONTACT, FieldHashes.hash(List.of("650")))).isTrue();
    run.settle(List.of(withMarker("h650", "Phone")));
    assertThat(run.holdsFieldHash(ObjectType.CONTACT, MARKER)).isTrue();
    assertThat(run.holdsFieldHash(ObjectType.COMPANY, MARKER)).isFalse();
    run.settle(List.of(contact("h650", "qm:650", "650@example.com", Map.of())));
    assertThat(run.holdsFieldHash(ObjectType.CONTACT, MARKER)).isFalse();
  }

  @Test
  void theDigestShortcutClassifiesEveryCaseAsTheFullComparisonDoes() {
    SyncRun run = begin(JOB);
    Map<String, List<String>> fields = Map.of("Stage", List.of("lead"), "Phone", List.of("1"));
    List<Settlement> settled = new ArrayList<>();
    for (String id : List.of("same", "field", "member", "case", "twice")) {
      settled.add(contact(id, "qm:" + id, id + "@example.com", fields));
    }
    settled.add(contact("no-id", null, "no-id@example.com", fields));
    settled.add(withMarker("marked", "Phone"));
    run.settle(settled);
    run.settle(List.of(Settlement.failed(ObjectType.CONTACT, "same-but-failed", "boom")));
    Set<String> members = Set.of("c-1", "c-2");
    List<SourceSnapshot> batch =
        List.of(
            snapshot("same", "same@example.com", fields, members),
            snapshot("field", "field@example.com", Map.of("Stage", List.of("customer")), members),
            snapshot("member", "member@example.com", fields, Set.of("c-1")),
            snapshot("case", "CASE@example.com", fields, members),
            snapshot("no-id", "no-id@example.com", fields, members),
            snapshot("marked", "marked@example.com", Map.of(), Set.of()),
            snapshot("same-but-failed", "x@example.com", fields, members),
            snapshot("new", "new@example.com", fields, members),
            snapshot("twice", "twice@example.com", fields, members),
            snapshot("twice", "twice@example.com", Map.of("Stage", List.of("other")), members));
    List<Delta> deltas = run.deltas(batch);
    List<Delta> compared = new ArrayList<>();
    for (SourceSnapshot s : batch) {
      compared.add(DeltaPlanner.classify(s, run.record(s.type(), s.hubSpotId()).orElse(null)));
    }
    assertThat(deltas).isEqualTo(compared);
    assertThat(deltas)
        .extracting(Delta::kind)
        .containsExactly(
            Delta.Kind.UNCHANGED,
            Delta.Kind.CHANGED,
            Delta.Kind.CHANGED,
            Delta.Kind.UNCHANGED,
            Delta.Kind.UNCHANGED,
            Delta.Kind.CHANGED,
            Delta.Kind.RETRY,
            Delta.Kind.NEW,
            Delta.Kind.UNCHANGED,
            Delta.Kind.CHANGED);
    assertThat(deltas.get(0).csmId()).contains("qm:same");
    assertThat(deltas.get(4).changedFields()).as("never created: all sent").hasSize(2);
  }

  private static SourceSnapshot snapshot(
      String id, String email, Map<String, List<String>> fields, Set<String> members) {
    return new SourceSnapshot(ObjectType.CONTACT, id, email, fields, members);
  }

  private static Settlement withMarker(String id, String field) {
    return Settlement.imported(
        ObjectType.CONTACT, id, "qm:" + id, id + "@example.com", Map.of(field, MARKER), Set.of());
  }

  @Test
  void aVersionTwoStateGetsTheOrderIndexAndItsRecordsAnswerTheQueries() throws Exception {
    try (Connection c = rawConnection()) {
      Schema.upgrade(c, dialect(), 2, "test");
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO scopes (job_id, site) VALUES ('" + JOB + "', '" + SITE + "')");
        long scope;
        try (ResultSet rs = s.executeQuery("SELECT scope_id FROM scopes")) {
          rs.next();
          scope = rs.getLong(1);
        }
        for (String id : List.of("1", "2", "3")) {
          s.execute(
              "INSERT INTO records (scope_id, object_type, hubspot_id, csm_id, identity, outcome,"
                  + " run_id, updated_at, source_modified_at) VALUES ("
                  + scope
                  + ", 'contact', '"
                  + id
                  + "', "
                  + (id.equals("2") ? "NULL" : "'qm:" + id + "'")
                  + ", '"
                  + id
                  + "@example.com', 'IMPORTED', 'run-v2', '2026-11-01T00:00:00.000Z', NULL)");
        }
      }
      assertThat(Schema.version(c)).isEqualTo(2);
      assertThat(hasOrderIndex(c)).isFalse();
    }
    SyncRun run = begin(JOB);
    List<String> withoutId = new ArrayList<>();
    run.forEachWithoutCsmId(ObjectType.CONTACT, r -> withoutId.add(r.hubSpotId()));
    assertThat(withoutId).containsExactly("2");
    List<String> gone = new ArrayList<>();
    run.forEachGone(ObjectType.CONTACT, "2"::equals, r -> gone.add(r.hubSpotId()));
    assertThat(gone).containsExactly("1", "3");
    SourceSnapshot same =
        new SourceSnapshot(ObjectType.CONTACT, "1", "1@example.com", Map.of(), Set.of());
    assertThat(run.deltas(List.of(same)))
        .as("no digest yet: compared in full")
        .containsExactly(
            DeltaPlanner.classify(same, run.record(ObjectType.CONTACT, "1").orElseThrow()))
        .extracting(Delta::kind)
        .containsExactly(Delta.Kind.UNCHANGED);
    try (Connection c = rawConnection()) {
      assertThat(Schema.version(c)).isEqualTo(Schema.LATEST);
      assertThat(hasOrderIndex(c)).isTrue();
    }
  }

  private boolean hasOrderIndex(Connection c) throws Exception {
    String sql =
        dialect() == Dialect.SQLITE
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"
                + " AND name = 'records_in_order'"
            : "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'records_in_order'";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }
}
