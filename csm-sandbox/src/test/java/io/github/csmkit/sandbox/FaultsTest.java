package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
  static final String PROFILES = "/api/v1/customer/profile/bulk";
  static final String BODY =
      q("{'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com'}}]}");

  final ManualClock clock = new ManualClock();
  final CsmSandbox sandbox =
      CsmSandbox.builder().clock(clock).runsFor(Duration.ofSeconds(1)).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void statusFaultsAnswerWithoutProcessing() {
    sandbox
        .faults()
        .on(Endpoint.CUSTOMER_PROFILES)
        .next(Fault.status(500), Fault.status(403, "{\"message\":\"nope\"}"));
    var first = http.post(PROFILES, BODY, "k");
    assertThat(first.status).isEqualTo(500);
    assertThat(first.message()).contains("HTTP 500");
    var second = http.post(PROFILES, BODY, "k");
    assertThat(second.status).isEqualTo(403);
    assertThat(second.message()).isEqualTo("nope");
    assertThat(sandbox.tasks()).isEmpty();
    assertThat(http.post(PROFILES, BODY, "k").status).isEqualTo(201);
    assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateLimitsCarryRetryAfterInSecondsOrAsADate() {
    ZonedDateTime at = ZonedDateTime.of(2026, 1, 1, 1, 0, 0, 0, ZoneId.of("Europe/Paris"));
    sandbox
        .faults()
        .on(Endpoint.TASK_GET)
        .next(
            Fault.rateLimited(Duration.ofMillis(1500)),
            Fault.rateLimitedAt(at),
            Fault.rateLimitedNoHeader(),
            Fault.serviceUnavailable(Duration.ofSeconds(7)));
    var seconds = http.get("/api/v1/tasks/x");
    assertThat(seconds.status).isEqualTo(429);
    assertThat(seconds.header("Retry-After")).isEqualTo("2");
    var date = http.get("/api/v1/tasks/x");
    assertThat(date.status).isEqualTo(429);
    assertThat(date.header("Retry-After")).isEqualTo("Thu, 1 Jan 2026 00:00:00 GMT");
    var none = http.get("/api/v1/tasks/x");
    assertThat(none.status).isEqualTo(429);
    assertThat(none.header("Retry-After")).isNull();
    var unavailable = http.get("/api/v1/tasks/x");
    assertThat(unavailable.status).isEqualTo(503);
    assertThat(unavailable.header("Retry-After")).isEqualTo("7");
    assertThat(http.get("/api/v1/tasks/x").status).isEqualTo(404);
  }

  @Test
  void resetBeforeProcessingDropsTheConnectionAndCreatesNothing() {
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).next(Fault.resetBeforeProcessing());
    assertThatThrownBy(() -> http.post(PROFILES, BODY, "k"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(sandbox.tasks()).isEmpty();
    assertThat(http.post(PROFILES, BODY, "k").status).isEqualTo(201);
  }

  @Test
  void resetAfterProcessingCreatesTheTaskAndRemembersTheKey() {
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).next(Fault.resetAfterProcessing());
    assertThatThrownBy(() -> http.post(PROFILES, BODY, "k")).hasCauseInstanceOf(IOException.class);
    assertThat(sandbox.tasks()).hasSize(1);
    var retry = http.post(PROFILES, BODY, "k");
    assertThat(retry.status).isEqualTo(200);
    assertThat(retry.json().get("id").asText()).isEqualTo(sandbox.tasks().get(0).id());
    clock.advance(Duration.ofSeconds(1));
    assertThat(sandbox.creationCount("a@example.com")).isEqualTo(1);
  }

  @Test
  void delayAnswersLate() {
    sandbox.faults().on(Endpoint.CUSTOMER_DETAIL_FIELDS).next(Fault.delay(Duration.ofMillis(200)));
    long start = System.nanoTime();
    assertThat(http.get("/api/v1/customer/details").status).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void malformedBodyIs200WithBrokenJson() {
    sandbox.faults().on(Endpoint.ORGANIZATION_FETCH).next(Fault.malformedBody());
    var r = http.post("/api/v1/organization/fetch", "{}");
    assertThat(r.status).isEqualTo(200);
    assertThatThrownBy(r::json).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void stuckTaskStaysInProgressAndHoldsASlot() {
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).times(5, Fault.taskStuck());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(http.submit(PROFILES, BODY.replace("a@", i + "@")));
    }
    clock.advance(Duration.ofMinutes(29));
    assertThat(http.task(ids.get(0)).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(http.post(PROFILES, BODY).message()).isEqualTo("Maximum number of tasks reached");
    assertThat(sandbox.customers()).isEmpty();
    // non-terminal tasks older than 30 minutes no longer count toward the limit
    clock.advance(Duration.ofMinutes(1));
    assertThat(http.post(PROFILES, BODY).status).isEqualTo(201);
    assertThat(http.task(ids.get(0)).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void failedTaskEndsFailedAndAppliesNothing() {
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).next(Fault.taskFailed("boom"));
    String id = http.submit(PROFILES, BODY);
    assertThat(http.task(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    clock.advance(Duration.ofSeconds(1));
    var task = http.task(id);
    assertThat(task.get("status").asText()).isEqualTo("FAILED");
    assertThat(task.get("message").asText()).isEqualTo("boom");
    assertThat(sandbox.customers()).isEmpty();
    assertThat(sandbox.tasks().get(0).state()).isEqualTo(TaskState.FAILED);
  }

  @Test
  void timesQueuesTheSameFaultThenStops() {
    var faults = sandbox.faults().on(Endpoint.TASK_GET).times(2, Fault.status(502));
    assertThat(faults.pending()).isEqualTo(2);
    assertThat(http.get("/api/v1/tasks/x").status).isEqualTo(502);
    assertThat(http.get("/api/v1/tasks/x").status).isEqualTo(502);
    assertThat(http.get("/api/v1/tasks/x").status).isEqualTo(404);
    assertThat(faults.pending()).isZero();
  }

  @Test
  void randomFaultsAreReproducibleForASeed() {
    List<Integer> first = randomRun(42);
    List<Integer> second = randomRun(42);
    assertThat(first).isEqualTo(second).contains(500, 404);
    assertThat(randomRun(7)).isNotEqualTo(first);
  }

  private List<Integer> randomRun(long seed) {
    sandbox.faults().on(Endpoint.TASK_GET).random(seed, 0.5, Fault.status(500));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      statuses.add(http.get("/api/v1/tasks/x").status);
    }
    sandbox.faults().on(Endpoint.TASK_GET).clear();
    return statuses;
  }

  @Test
  void clearRemovesEveryFaultAndFaultsNeedValidRequests() {
    sandbox.faults().on(Endpoint.TASK_GET).next(Fault.status(500));
    sandbox.faults().on(Endpoint.CUSTOMER_PROFILES).random(1, 1.0, Fault.status(500));
    sandbox.faults().clear();
    assertThat(http.get("/api/v1/tasks/x").status).isEqualTo(404);
    assertThat(http.post(PROFILES, BODY).status).isEqualTo(201);

    // an unauthenticated request does not use up a fault
    sandbox.faults().on(Endpoint.TASK_GET).next(Fault.status(500));
    var unauthenticated =
        Http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(sandbox.baseUri() + "/api/v1/tasks/x"))
                .GET()
                .build());
    assertThat(unauthenticated.status).isEqualTo(401);
    assertThat(http.get("/api/v1/tasks/x").status).isEqualTo(500);
    assertThatThrownBy(
            () -> sandbox.faults().on(Endpoint.TASK_GET).random(1, 1.5, Fault.status(500)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
