package io.github.csmkit.hubspot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.hubspot.state.internal.Dialect;
import io.github.csmkit.hubspot.state.internal.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every database the state runs on must keep: the same tests against SQLite and a real
 * PostgreSQL.
 */
abstract class SyncStateContract {
  static final String JOB = "portal-123";
  static final String SITE = "cloud-abc";

  final List<AutoCloseable> toClose = new ArrayList<>();

  /** A location (path or JDBC URL) of a fresh, empty database, the same on every call in a test. */
  abstract String location();

  /** A raw connection to that database, outside the state. */
  abstract Connection rawConnection() throws Exception;

  abstract Dialect dialect();

  SyncState open() {
    SyncState s = SyncState.open(location());
    toClose.add(s);
    return s;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  static Settlement contact(String id, String csmId, String email, Map<String, List<String>> f) {
    return Settlement.imported(
        ObjectType.CONTACT, id, csmId, email, FieldHashes.of(f), Set.of("c-1", "c-2"));
  }

  @Test
  void settledRecordsReadBackExactly() {
    SyncState state = open();
    assertThat(state.schemaVersion()).isEqualTo(Schema.LATEST);
    try (SyncRun run = state.beginRun(JOB, SITE, false)) {
      assertThat(run.resumed()).isFalse();
      run.settle(
          List.of(
              contact("1", "qm:1", "a@example.com", Map.of("Phone", List.of("1"))),
              Settlement.imported(
                  ObjectType.COMPANY,
                  "c-1",
                  "10001",
                  "Acme",
                  FieldHashes.of(Map.of("Tier", List.of("gold"))),
                  Set.of()),
              Settlement.rejected(ObjectType.CONTACT, "2", "email: not an email"),
              Settlement.failed(ObjectType.CONTACT, "3", "Invalid detail field")
                  .withSourceModifiedAt(Instant.parse("2026-11-30T10:00:00Z"))));
      StoredRecord a = run.record(ObjectType.CONTACT, "1").orElseThrow();
      assertThat(a.csmId()).contains("qm:1");
      assertThat(a.identity()).contains("a@example.com");
      assertThat(a.fieldHashes()).isEqualTo(Map.of("Phone", FieldHashes.hash(List.of("1"))));
      assertThat(a.memberships()).containsExactlyInAnyOrder("c-1", "c-2");
      assertThat(a.outcome()).isEqualTo(Outcome.IMPORTED);
      assertThat(a.runId()).isEqualTo(run.runId());
      StoredRecord rejected = run.record(ObjectType.CONTACT, "2").orElseThrow();
      assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(rejected.outcomeDetail()).contains("email: not an email");
      assertThat(rejected.csmId()).isEmpty();
      assertThat(run.record(ObjectType.CONTACT, "3").orElseThrow().sourceModifiedAt())
          .contains(Instant.parse("2026-11-30T10:00:00Z"));
      assertThat(run.record(ObjectType.COMPANY, "c-1").orElseThrow().identity()).contains("Acme");
      assertThat(run.record(ObjectType.COMPANY, "1")).isEmpty();
      assertThat(run.count(ObjectType.CONTACT)).isEqualTo(3);
    }
  }

  @Test
  void aBatchIsClassifiedAgainstTheState() {
    try (SyncRun run = open().beginRun(JOB, SITE, false)) {
      run.settle(
          List.of(
              contact("1", "qm:1", "a@example.com", Map.of("P", List.of("1"))),
              contact("2", "qm:2", "b@example.com", Map.of("P", List.of("2"))),
              Settlement.failed(ObjectType.CONTACT, "3", "boom")));
      Set<String> companies = Set.of("c-1", "c-2");
      List<Delta> deltas =
          run.deltas(
              List.of(
                  new SourceSnapshot(
                      ObjectType.CONTACT,
                      "1",
                      "a@example.com",
                      Map.of("P", List.of("1")),
                      companies),
                  new SourceSnapshot(
                      ObjectType.CONTACT,
                      "2",
                      "b@example.com",
                      Map.of("P", List.of("9")),
                      companies),
                  new SourceSnapshot(ObjectType.CONTACT, "3", "c@example.com", Map.of(), Set.of()),
                  new SourceSnapshot(ObjectType.CONTACT, "4", "d@example.com", Map.of(), Set.of()),
                  new SourceSnapshot(ObjectType.COMPANY, "1", "Acme", Map.of(), Set.of())));
      assertThat(deltas)
          .extracting(Delta::kind)
          .containsExactly(
              Delta.Kind.UNCHANGED,
              Delta.Kind.CHANGED,
              Delta.Kind.RETRY,
              Delta.Kind.NEW,
              Delta.Kind.NEW);
      assertThat(deltas.get(1).changedFields()).containsExactly("P");
      assertThat(deltas.get(0).csmId()).contains("qm:1");
    }
  }

  @Test
  void aFailureKeepsWhatCsmLastAcceptedAndASuccessReplacesIt() {
    SyncState state = open();
    try (SyncRun run = state.beginRun(JOB, SITE, false)) {
      run.settle(
          List.of(
              contact("1", "qm:1", "a@example.com", Map.of("A", List.of("1"), "B", List.of("2")))));
      StoredRecord before = run.record(ObjectType.CONTACT, "1").orElseThrow();
      run.settle(List.of(Settlement.failed(ObjectType.CONTACT, "1", "boom")));
      StoredRecord failed = run.record(ObjectType.CONTACT, "1").orElseThrow();
      assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(failed.outcomeDetail()).contains("boom");
      assertThat(failed.fieldHashes()).isEqualTo(before.fieldHashes());
      assertThat(failed.memberships()).isEqualTo(before.memberships());
      assertThat(failed.csmId()).contains("qm:1");

      run.settle(
          List.of(
              Settlement.imported(
                  ObjectType.CONTACT,
                  "1",
                  null,
                  "b@example.com",
                  FieldHashes.of(Map.of("A", List.of("9"))),
                  Set.of("c-3"))));
      StoredRecord after = run.record(ObjectType.CONTACT, "1").orElseThrow();
      assertThat(after.outcome()).isEqualTo(Outcome.IMPORTED);
      assertThat(after.outcomeDetail()).isEmpty();
      assertThat(after.csmId()).as("a known id is never lost").contains("qm:1");
      assertThat(after.identity()).contains("b@example.com");
      assertThat(after.fieldHashes()).containsOnlyKeys("A");
      assertThat(after.memberships()).containsExactly("c-3");
    }
  }

  @Test
  void idsLearnedLaterAreRecordedAndRetriesListed() {
    try (SyncRun run = open().beginRun(JOB, SITE, false)) {
      List<Settlement> batch = new ArrayList<>();
      for (int i = 0; i < 1100; i++) {
        batch.add(
            i % 100 == 7
                ? Settlement.failed(ObjectType.CONTACT, "h" + i, "boom " + i)
                : contact("h" + i, null, i + "@example.com", Map.of("N", List.of("" + i))));
      }
      run.settle(batch);
      int learned =
          run.learnCsmIds(ObjectType.CONTACT, Map.of("h1", "qm:1", "h2", "qm:2", "nope", "x"));
      assertThat(learned).isEqualTo(2);
      StoredRecord h1 = run.record(ObjectType.CONTACT, "h1").orElseThrow();
      assertThat(h1.csmId()).contains("qm:1");
      assertThat(h1.fieldHashes()).containsOnlyKeys("N");
      assertThat(h1.memberships()).hasSize(2);
      assertThat(run.record(ObjectType.CONTACT, "h3").orElseThrow().csmId()).isEmpty();
      List<String> retries = new ArrayList<>();
      run.forEachRetry(ObjectType.CONTACT, r -> retries.add(r.hubSpotId()));
      assertThat(retries).hasSize(11).startsWith("h7", "h107").endsWith("h1007");
      assertThat(run.record(ObjectType.CONTACT, "h107").orElseThrow().outcomeDetail())
          .contains("boom 107");
    }
  }

  @Test
  void forEachRecordPagesThroughEveryRecordAndLookupsBatch() {
    SyncState state = open();
    try (SyncRun run = state.beginRun(JOB, SITE, false)) {
      List<Settlement> batch = new ArrayList<>();
      for (int i = 0; i < 1234; i++) {
        batch.add(contact("h" + i, "qm:" + i, i + "@example.com", Map.of("N", List.of("" + i))));
        if (batch.size() == 50) {
          run.settle(batch);
          batch.clear();
        }
      }
      run.settle(batch);
      List<String> seen = new ArrayList<>();
      run.forEachRecord(ObjectType.CONTACT, r -> seen.add(r.hubSpotId()));
      assertThat(seen).hasSize(1234).doesNotHaveDuplicates().startsWith("h0", "h1");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 1300; i += 2) {
        ids.add("h" + i);
      }
      Map<String, StoredRecord> found = run.records(ObjectType.CONTACT, ids);
      assertThat(found).hasSize(617);
      assertThat(found.get("h1000").fieldHashes().get("N"))
          .isEqualTo(FieldHashes.hash(List.of("1000")));
      List<StoredRecord> all = new ArrayList<>();
      run.forEachRecord(ObjectType.CONTACT, all::add);
      assertThat(DeltaPlanner.gone(all, id -> !id.equals("h7")))
          .extracting(StoredRecord::hubSpotId)
          .containsExactly("h7");
    }
  }

  @Test
  void anUnfinishedRunIsResumedWithItsIdAFinishedOneIsNot() {
    String first;
    try (SyncRun run = open().beginRun(JOB, SITE, false)) {
      first = run.runId();
    }
    try (SyncRun again = open().beginRun(JOB, SITE, false)) {
      assertThat(again.resumed()).isTrue();
      assertThat(again.runId()).isEqualTo(first);
      again.finish(RunStatus.COMPLETED, new RunCounts(1, 2, 3, 4, 5, 6, 7));
      assertThatThrownBy(() -> again.settle(List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("finished");
    }
    SyncState state = open();
    try (SyncRun next = state.beginRun(JOB, SITE, false)) {
      assertThat(next.resumed()).isFalse();
      assertThat(next.runId()).isNotEqualTo(first);
      next.finish(RunStatus.ABORTED, RunCounts.ZERO);
    }
    try (SyncRun afterAbort = state.beginRun(JOB, SITE, false)) {
      assertThat(afterAbort.resumed()).as("an aborted run is not resumed").isFalse();
    }
    List<RunInfo> runs = state.runs(JOB, SITE);
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runs.get(0).counts()).isEqualTo(new RunCounts(1, 2, 3, 4, 5, 6, 7));
    assertThat(runs.get(0).endedAt()).isPresent();
    assertThat(runs.get(0).holder()).startsWith("pid " + ProcessHandle.current().pid());
    assertThat(runs.get(2).status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void aDryRunWritesOnlyItsOwnRowAndNeverCountsAsARealRun() {
    SyncState state = open();
    try (SyncRun real = state.beginRun(JOB, SITE, false)) {
      real.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
      // a plan may run beside a real run: it takes no lock
      try (SyncRun plan = state.beginRun(JOB, SITE, true)) {
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.runId()).isNotEqualTo(real.runId());
        assertThat(plan.record(ObjectType.CONTACT, "1")).isPresent();
        assertThatThrownBy(
                () -> plan.settle(List.of(contact("2", null, "b@example.com", Map.of()))))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("dry run");
        assertThatThrownBy(() -> plan.setWatermark(ObjectType.CONTACT, Instant.EPOCH))
            .isInstanceOf(IllegalStateException.class);
      }
    }
    try (SyncRun resumed = state.beginRun(JOB, SITE, false)) {
      assertThat(resumed.resumed()).as("the real run, not the dry one, is resumed").isTrue();
      assertThat(resumed.count(ObjectType.CONTACT)).isEqualTo(1);
    }
    assertThat(state.runs(JOB, SITE)).extracting(RunInfo::dryRun).containsExactly(false, true);
  }

  @Test
  void aSecondConcurrentRunOfTheSameJobIsRefusedOtherJobsAreNot() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holder =
        CompletableFuture.supplyAsync(
            () -> {
              try (SyncState s = SyncState.open(location());
                  SyncRun run = s.beginRun(JOB, SITE, false)) {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
                return run.runId();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    SyncState other = open();
    assertThatThrownBy(() -> other.beginRun(JOB, SITE, false))
        .isInstanceOfSatisfying(
            StateLockedException.class,
            e -> {
              assertThat(e.jobId()).isEqualTo(JOB);
              assertThat(e.site()).isEqualTo(SITE);
              assertThat(e.holder()).contains("pid " + ProcessHandle.current().pid());
              assertThat(e.getMessage())
                  .contains("'" + JOB + "'")
                  .contains("'" + SITE + "'")
                  .contains("run ");
            });
    try (SyncRun otherSite = other.beginRun(JOB, "another-site", false);
        SyncRun otherJob = other.beginRun("portal-456", SITE, false)) {
      otherSite.settle(List.of(contact("1", "qm:1", "a@example.com", Map.of())));
      assertThat(otherJob.count(ObjectType.CONTACT)).as("jobs do not see each other").isZero();
    }
    release.countDown();
    String heldRun = holder.get(30, TimeUnit.SECONDS);
    try (SyncRun after = other.beginRun(JOB, SITE, false)) {
      assertThat(after.runId()).isEqualTo(heldRun);
    }
  }

  @Test
  void jobsSharingADatabaseWriteAtTheSameTime() throws Exception {
    List<CompletableFuture<Long>> jobs = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      String job = "portal-" + j;
      jobs.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (SyncState s = SyncState.open(location());
                    SyncRun run = s.beginRun(job, SITE, false)) {
                  for (int b = 0; b < 20; b++) {
                    List<Settlement> batch = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                      String id = b + "-" + i;
                      batch.add(
                          contact(id, "qm:" + id, id + "@example.com", Map.of("J", List.of(job))));
                    }
                    run.settle(batch);
                  }
                  run.finish(RunStatus.COMPLETED, RunCounts.ZERO);
                  return run.count(ObjectType.CONTACT);
                }
              }));
    }
    for (CompletableFuture<Long> f : jobs) {
      assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(1000L);
    }
    SyncState state = open();
    for (int j = 0; j < 3; j++) {
      StoredRecord r =
          state.reader("portal-" + j, SITE).record(ObjectType.CONTACT, "7-7").orElseThrow();
      assertThat(r.fieldHashes().get("J")).isEqualTo(FieldHashes.hash(List.of("portal-" + j)));
    }
  }

  @Test
  void theWatermarkIsKeptPerJobAndObjectType() {
    Instant mark = Instant.parse("2026-12-01T20:00:00.123Z");
    try (SyncRun run = open().beginRun(JOB, SITE, false)) {
      assertThat(run.watermark(ObjectType.CONTACT)).isEmpty();
      run.setWatermark(ObjectType.CONTACT, mark);
      run.setWatermark(ObjectType.CONTACT, mark.plusSeconds(60));
    }
    SyncState state = open();
    assertThat(state.reader(JOB, SITE).watermark(ObjectType.CONTACT))
        .contains(mark.plusSeconds(60));
    assertThat(state.reader(JOB, SITE).watermark(ObjectType.COMPANY)).isEmpty();
    assertThat(state.reader("other", SITE).watermark(ObjectType.CONTACT)).isEmpty();
  }

  @Test
  void aVersionOneStateIsUpgradedInPlaceWithItsDataIntact() throws Exception {
    try (Connection c = rawConnection()) {
      Schema.upgrade(c, dialect(), 1, "test");
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO scopes (job_id, site) VALUES ('" + JOB + "', '" + SITE + "')");
        long scope;
        try (ResultSet rs = s.executeQuery("SELECT scope_id FROM scopes")) {
          rs.next();
          scope = rs.getLong(1);
        }
        s.execute(
            "INSERT INTO runs (run_id, scope_id, dry_run, status, holder, started_at)"
                + " VALUES ('run-v1', "
                + scope
                + ", 0, 'RUNNING', 'pid 1 on old', '2026-11-01T00:00:00.000Z')");
        s.execute(
            "INSERT INTO records (scope_id, object_type, hubspot_id, csm_id, identity, outcome,"
                + " run_id, updated_at) VALUES ("
                + scope
                + ", 'contact', '42', 'qm:42', 'old@example.com', 'IMPORTED', 'run-v1',"
                + " '2026-11-01T00:00:00.000Z')");
        long record;
        try (ResultSet rs = s.executeQuery("SELECT record_id FROM records")) {
          rs.next();
          record = rs.getLong(1);
        }
        try (var ps =
            c.prepareStatement(
                "INSERT INTO record_fields (record_id, field, hash) VALUES (?, 'Phone', ?)")) {
          ps.setLong(1, record);
          ps.setBytes(2, java.util.HexFormat.of().parseHex(FieldHashes.hash(List.of("1"))));
          ps.executeUpdate();
        }
        s.execute("INSERT INTO memberships (record_id, company_id) VALUES (" + record + ", 'c-9')");
      }
      assertThat(Schema.version(c)).isEqualTo(1);
    }
    SyncState state = open();
    assertThat(state.schemaVersion()).isEqualTo(Schema.LATEST);
    try (SyncRun run = state.beginRun(JOB, SITE, false)) {
      assertThat(run.resumed()).isTrue();
      assertThat(run.runId()).isEqualTo("run-v1");
      StoredRecord r = run.record(ObjectType.CONTACT, "42").orElseThrow();
      assertThat(r.csmId()).contains("qm:42");
      assertThat(r.identity()).contains("old@example.com");
      assertThat(r.fieldHashes()).isEqualTo(Map.of("Phone", FieldHashes.hash(List.of("1"))));
      assertThat(r.memberships()).containsExactly("c-9");
      assertThat(r.sourceModifiedAt()).isEmpty();
      run.setWatermark(ObjectType.CONTACT, Instant.parse("2026-12-01T00:00:00Z"));
      run.settle(
          List.of(
              contact("42", null, "old@example.com", Map.of("Phone", List.of("2")))
                  .withSourceModifiedAt(Instant.parse("2026-12-01T00:00:00Z"))));
      assertThat(run.record(ObjectType.CONTACT, "42").orElseThrow().sourceModifiedAt()).isPresent();
    }
  }

  @Test
  void aStateNewerThanThisCodeIsRefusedAndLeftAlone() throws Exception {
    open().close();
    try (Connection c = rawConnection();
        Statement s = c.createStatement()) {
      s.execute("UPDATE schema_version SET version = 99");
    }
    assertThatThrownBy(this::open)
        .isInstanceOf(SyncStateException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("up to " + Schema.LATEST)
        .hasMessageContaining("Upgrade csmkit");
    try (Connection c = rawConnection()) {
      assertThat(Schema.version(c)).isEqualTo(99);
    }
  }

  @Test
  void openingTwiceAtOnceUpgradesOnce() throws Exception {
    List<CompletableFuture<Integer>> openers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      openers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (SyncState s = SyncState.open(location())) {
                  return s.schemaVersion();
                }
              }));
    }
    for (CompletableFuture<Integer> f : openers) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(Schema.LATEST);
    }
    try (Connection c = rawConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aRunHeldByAnotherProcessIsRefusedAndItsDeathReleasesTheLock() throws Exception {
    Process child = StateChild.start(location(), "hold");
    try {
      StateChild.awaitReady(child);
      SyncState state = open();
      assertThatThrownBy(() -> state.beginRun(JOB, SITE, false))
          .isInstanceOfSatisfying(
              StateLockedException.class,
              e -> assertThat(e.holder()).contains("pid " + child.pid()));
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      // the OS releases a file lock as the process dies; PostgreSQL ends the session (and its
      // advisory lock) when its backend sees the socket close, a moment later
      try (SyncRun run = beginWithin(state, 10_000)) {
        assertThat(run.resumed()).as("the dead holder's run is resumed").isTrue();
      }
    } finally {
      child.destroyForcibly();
    }
  }

  static SyncRun beginWithin(SyncState state, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (true) {
      try {
        return state.beginRun(JOB, SITE, false);
      } catch (StateLockedException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  @Test
  void aProcessKilledWhileSettlingLeavesWholeBatchesOnly() throws Exception {
    Process child = StateChild.start(location(), "settle");
    String runId;
    try {
      runId = StateChild.awaitReady(child);
      // let it commit some batches and be in the middle of another when it dies
      StateChild.awaitLine(child, "settled 3");
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }
    SyncState state = open();
    try (SyncRun run = beginWithin(state, 10_000)) {
      assertThat(run.runId()).isEqualTo(runId);
      long n = run.count(ObjectType.CONTACT);
      assertThat(n).isGreaterThanOrEqualTo(3L * StateChild.BATCH);
      assertThat(n % StateChild.BATCH).as("no half-written batch").isZero();
      List<StoredRecord> all = new ArrayList<>();
      run.forEachRecord(ObjectType.CONTACT, all::add);
      assertThat(all).allSatisfy(r -> assertThat(r.fieldHashes()).hasSize(8));
      assertThat(all).allSatisfy(r -> assertThat(r.memberships()).hasSize(2));
    }
  }
}
