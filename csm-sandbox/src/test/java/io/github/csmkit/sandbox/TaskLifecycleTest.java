package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {
  static final String ACCOUNTS = "/api/v1/customer/bulk";

  final ManualClock clock = new ManualClock();
  final CsmSandbox sandbox =
      CsmSandbox.builder()
          .clock(clock)
          .queuedFor(Duration.ofSeconds(10))
          .runsFor(Duration.ofSeconds(20))
          .taskLimit(2)
          .retention(Duration.ofHours(1))
          .start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  static String account(String email) {
    return q("{'customers':[{'email':'" + email + "','displayName':'X'}]}");
  }

  @Test
  void taskMovesThroughItsStatesOnTheClockAndAppliesItsRecordsWhenItFinishes() {
    Instant t0 = clock.instant();
    String id = http.submit(ACCOUNTS, account("a@example.com"));

    var queued = http.task(id);
    assertThat(queued.get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(queued.get("type").asText()).isEqualTo("BULK_CUSTOMER_ACCOUNT_CREATE");
    assertThat(queued.get("createdAt").asText()).isEqualTo(t0.toString());
    assertThat(queued.get("updatedAt").asText()).isEqualTo(t0.toString());
    assertThat(queued.get("failures")).isEmpty();

    clock.advance(Duration.ofSeconds(10));
    var running = http.task(id);
    assertThat(running.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(running.get("updatedAt").asText()).isEqualTo(t0.plusSeconds(10).toString());
    assertThat(sandbox.customers()).isEmpty();

    clock.advance(Duration.ofSeconds(19));
    assertThat(http.task(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    clock.advance(Duration.ofSeconds(1));
    var done = http.task(id);
    assertThat(done.get("status").asText()).isEqualTo("FINISHED");
    assertThat(done.get("updatedAt").asText()).isEqualTo(t0.plusSeconds(30).toString());
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email)
        .containsExactly("a@example.com");
    assertThat(sandbox.tasks()).extracting(TaskSnapshot::state).containsExactly(TaskState.FINISHED);
  }

  @Test
  void inspectionSettlesDueTasksInCreationOrder() {
    http.submit(ACCOUNTS, account("same@example.com"));
    clock.advance(Duration.ofMillis(1));
    String second = http.submit(ACCOUNTS, account("SAME@example.com"));
    clock.advance(Duration.ofMinutes(1));
    // no request: the inspection applies both, the first one first
    assertThat(sandbox.customers()).hasSize(1);
    assertThat(sandbox.tasks().get(1).id()).isEqualTo(second);
    assertThat(sandbox.tasks().get(1).failures())
        .extracting(FailureSnapshot::error)
        .containsExactly("A customer with email \"SAME@example.com\" already exists");
  }

  @Test
  void tenantTaskLimitIsBackPressureUntilATaskFinishes() {
    http.submit(ACCOUNTS, account("a@example.com"));
    http.submit(ACCOUNTS, account("b@example.com"));
    var third = http.post(ACCOUNTS, account("c@example.com"), "third");
    assertThat(third.status).isEqualTo(400);
    assertThat(third.message()).isEqualTo("Maximum number of tasks reached");
    // other tenants have their own limit
    assertThat(http.cloud("other").post(ACCOUNTS, account("c@example.com")).status).isEqualTo(201);
    // the refused key is free: resubmitting it after a task finished succeeds
    clock.advance(Duration.ofSeconds(30));
    assertThat(http.post(ACCOUNTS, account("c@example.com"), "third").status).isEqualTo(201);
  }

  @Test
  void finishedTasksAreKeptForTheRetentionThen404() {
    String id = http.submit(ACCOUNTS, account("a@example.com"));
    clock.advance(Duration.ofSeconds(30)).advance(Duration.ofMinutes(59));
    assertThat(http.task(id).get("status").asText()).isEqualTo("FINISHED");
    clock.advance(Duration.ofMinutes(1));
    var gone = http.get("/api/v1/tasks/" + id);
    assertThat(gone.status).isEqualTo(404);
    assertThat(sandbox.tasks()).isEmpty();
    assertThat(sandbox.customers()).hasSize(1);
  }

  @Test
  void aTaskWhoseRecordsAllFailStillFinishes() {
    String id =
        http.submit(
            ACCOUNTS, q("{'customers':[{'displayName':'no email'},{'email':'not-an-email'}]}"));
    clock.advance(Duration.ofSeconds(30));
    var done = http.task(id);
    assertThat(done.get("status").asText()).isEqualTo("FINISHED");
    assertThat(done.get("failures")).hasSize(2);
    assertThat(sandbox.customers()).isEmpty();
  }

  @Test
  void manualClockMovesOnlyWhenTold() {
    ManualClock c = new ManualClock(Instant.parse("2030-05-05T00:00:00Z"));
    assertThat(c.instant()).isEqualTo(Instant.parse("2030-05-05T00:00:00Z"));
    c.set(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(c.millis()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    java.time.Clock paris = c.withZone(java.time.ZoneId.of("Europe/Paris"));
    c.advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(Instant.parse("2020-01-01T01:00:00Z"));
    assertThat(paris.getZone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
