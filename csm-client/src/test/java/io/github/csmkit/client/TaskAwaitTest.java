package io.github.csmkit.client;

import static io.github.csmkit.client.ClientTestSupport.call;
import static io.github.csmkit.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Waiting for tasks: cadence, both shapes, statusUrl handling, Retry-After, timeouts, cancel. */
class TaskAwaitTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private static MockResponse task(String id, String status) {
    return json(200, "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"failures\":[]}");
  }

  private static SubmittedTask submitted(String id, String statusUrl) {
    return SubmittedTask.builder()
        .id(id)
        .statusUrl(java.util.Optional.ofNullable(statusUrl))
        .idempotencyKey(IdempotencyKey.random())
        .build();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pollsWithGrowingDelaysUntilFinished(boolean async) throws Exception {
    server.enqueue(task("t1", "NOT_STARTED"));
    server.enqueue(task("t1", "IN_PROGRESS"));
    server.enqueue(
        json(
            200,
            """
        {"id":"t1","status":"FINISHED","failures":[{"entity":"CUSTOMER","entityId":"bad@","operation":"CREATE",
         "error":"Invalid email"}],"createdAt":"2026-11-28T12:00:00Z","updatedAt":"2026-11-28T12:00:04Z"}"""));
    List<CsmListener.TaskStatusSeen> seen = new CopyOnWriteArrayList<>();
    try (CsmClient csm =
        ClientTestSupport.client(server, time)
            .listener(
                new CsmListener() {
                  @Override
                  public void taskStatusSeen(TaskStatusSeen event) {
                    seen.add(event);
                  }
                })
            .build()) {
      SubmittedTask t = submitted("t1", "/api/v1/tasks/t1");
      TaskStatus done = call(async, () -> csm.tasks().await(t), () -> csm.tasks().awaitAsync(t));
      assertThat(done.state()).isEqualTo(TaskState.FINISHED);
      assertThat(done.failures())
          .singleElement()
          .satisfies(f -> assertThat(f.entityId()).contains("bad@"));
      assertThat(done.updatedAt()).contains(Instant.parse("2026-11-28T12:00:04Z"));
    }
    assertThat(time.sleeps)
        .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
    assertThat(seen)
        .extracting(e -> e.status().state())
        .containsExactly(TaskState.NOT_STARTED, TaskState.IN_PROGRESS, TaskState.FINISHED);
    assertThat(seen).extracting(CsmListener.TaskStatusSeen::polls).containsExactly(1, 2, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/tasks/t1");
    }
  }

  @Test
  void readsTheGuidesShapeAndFollowsAnAbsoluteStatusUrlOnTheSameOrigin() throws Exception {
    server.enqueue(
        json(
            200,
            "{ \"taskId\": \"2bfad33c\", \"status\": \"PROCESSING\", \"createdDate\": \"2026-01-15T10:00:00Z\" }"));
    server.enqueue(
        json(
            200,
            """
        { "taskId": "2bfad33c", "status": "COMPLETED", "createdDate": "2026-01-15T10:00:00Z",
          "completedDate": "2026-01-15T10:01:23Z",
          "failures": [ { "index": 1, "message": "Customer with email 'invalid@' is not valid" } ] }"""));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      String absolute = server.url("/elsewhere/api/v1/tasks/2bfad33c").toString();
      TaskStatus done = csm.tasks().await(submitted("2bfad33c", absolute));
      assertThat(done.state()).isEqualTo(TaskState.FINISHED);
      assertThat(done.rawStatus()).isEqualTo("COMPLETED");
      assertThat(done.failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.index()).hasValue(1);
                assertThat(f.message()).isEqualTo("Customer with email 'invalid@' is not valid");
              });
      assertThat(done.createdAt()).contains(Instant.parse("2026-01-15T10:00:00Z"));
      assertThat(done.updatedAt()).contains(Instant.parse("2026-01-15T10:01:23Z"));
    }
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/elsewhere/api/v1/tasks/2bfad33c");
  }

  @Test
  void aStatusUrlOnAnotherHostIsNotFollowed() throws Exception {
    server.enqueue(task("t9", "FINISHED"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      csm.tasks().await(submitted("t9", "https://attacker.example/api/v1/tasks/t9"));
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/tasks/t9");
  }

  @Test
  void aRelativeStatusUrlIsResolvedAgainstTheBasePath() throws Exception {
    server.enqueue(task("t2", "FINISHED"));
    try (CsmClient csm =
        ClientTestSupport.client(server, time)
            .baseUri(server.url("/jsm/csm/cloudid/abc").uri())
            .build()) {
      csm.tasks().await(submitted("t2", "/api/v1/tasks/t2"));
    }
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/jsm/csm/cloudid/abc/api/v1/tasks/t2");
  }

  @Test
  void honoursRetryAfterOnAPoll() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Retry-After", "7")
            .body("{\"id\":\"t3\",\"status\":\"IN_PROGRESS\"}")
            .build());
    server.enqueue(task("t3", "FINISHED"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      csm.tasks().await("t3");
    }
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void timesOutWithTheLastStatusSeen(boolean async) {
    for (int i = 0; i < 20; i++) {
      server.enqueue(task("t4", "PAUSED"));
    }
    PollPolicy policy =
        PollPolicy.builder()
            .jitter(0)
            .initialDelay(Duration.ofSeconds(1))
            .multiplier(1)
            .maxWait(Duration.ofSeconds(5))
            .build();
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      SubmittedTask t = submitted("t4", null);
      assertThatThrownBy(
              () ->
                  call(
                      async,
                      () -> csm.tasks().await(t, policy),
                      () -> csm.tasks().awaitAsync(t, policy)))
          .isInstanceOfSatisfying(
              TaskTimeoutException.class,
              e -> {
                assertThat(e.lastStatus().state()).isEqualTo(TaskState.UNKNOWN);
                assertThat(e.lastStatus().rawStatus()).isEqualTo("PAUSED");
                assertThat(e.getMessage())
                    .contains("t4")
                    .contains("PT5S")
                    .contains("PAUSED (unknown)");
              });
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(time.sleeps).containsOnly(Duration.ofSeconds(1)).hasSize(5);
  }

  @Test
  void aFailedTaskIsReturnedNotThrown() {
    server.enqueue(task("t5", "FAILED"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      TaskStatus s = csm.tasks().await("t5");
      assertThat(s.state()).isEqualTo(TaskState.FAILED);
      assertThat(s.isTerminal()).isTrue();
    }
  }

  @Test
  void aPollErrorEndsTheWaitWithThatError() {
    server.enqueue(json(404, "{\"message\":\"Task not found\"}"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.tasks().await("expired"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("Task not found");
    }
  }

  @Test
  void cancellingTheAsyncWaitStopsPolling() throws Exception {
    List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    Sleeper manual =
        d -> {
          CompletableFuture<Void> f = new CompletableFuture<>();
          pending.add(f);
          return f;
        };
    server.enqueue(task("t6", "IN_PROGRESS"));
    server.enqueue(task("t6", "IN_PROGRESS"));
    List<CsmListener.RequestSent> sent = new CopyOnWriteArrayList<>();
    CsmListener listener =
        new CsmListener() {
          @Override
          public void requestSent(RequestSent event) {
            sent.add(event);
          }
        };
    // a direct executor: completing a sleep runs what follows it at once, in this thread, so what
    // did not happen by then will not happen (no fixed sleep to guess how long "never" is)
    try (CsmClient csm =
        ClientTestSupport.client(server, time)
            .sleeper(manual)
            .executor(Runnable::run)
            .listener(listener)
            .build()) {
      CompletableFuture<TaskStatus> wait = csm.tasks().awaitAsync("t6");
      pending.get(0).complete(null);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (pending.size() < 2 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertThat(pending).hasSize(2);
      assertThat(server.getRequestCount()).isEqualTo(1);
      wait.cancel(true);
      pending.get(1).complete(null);
      assertThat(sent).hasSize(1);
      assertThat(pending).hasSize(2);
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(wait).isCancelled();
    }
  }

  @Test
  void aTaskIdIsPathEncoded() throws Exception {
    server.enqueue(task("a b/c", "FINISHED"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      Transport.join(csm.tasks().getAsync("a b/c"));
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/tasks/a%20b%2Fc");
  }
}
