package io.github.csmkit.client;

import static io.github.csmkit.client.ClientTestSupport.call;
import static io.github.csmkit.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.error.BadRequestException;
import io.github.csmkit.client.error.CsmServiceException;
import io.github.csmkit.client.error.ForbiddenException;
import io.github.csmkit.client.error.IdempotencyConflictException;
import io.github.csmkit.client.error.InvalidResponseException;
import io.github.csmkit.client.error.NotFoundException;
import io.github.csmkit.client.error.PreconditionFailedException;
import io.github.csmkit.client.error.RateLimitedException;
import io.github.csmkit.client.error.ServerErrorException;
import io.github.csmkit.client.error.TaskLimitReachedException;
import io.github.csmkit.client.error.UnauthorizedException;
import io.github.csmkit.client.error.UnexpectedStatusException;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each status becomes its exception, carrying status, request id and a bounded body excerpt. */
class ExceptionTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();

  private static final CustomerAccountBatch BATCH =
      CustomerAccountBatch.of(List.of(CustomerAccount.of("alice@example.com")));

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "{\"message\":\"Invalid request\"}", BadRequestException.class),
        Arguments.of(
            400,
            "{\"message\":\"Maximum number of tasks reached\"}",
            TaskLimitReachedException.class),
        Arguments.of(
            400,
            "{\"message\":\"Idempotency key reused with a different request\"}",
            IdempotencyConflictException.class),
        Arguments.of(
            400,
            "{\"message\":\"The Idempotency-Key header is required\"}",
            BadRequestException.class),
        Arguments.of(
            429,
            "{\"message\":\"Too many requests with this Idempotency-Key\"}",
            RateLimitedException.class),
        Arguments.of(401, "{\"message\":\"Unauthenticated\"}", UnauthorizedException.class),
        Arguments.of(403, "{\"message\":\"Forbidden\"}", ForbiddenException.class),
        Arguments.of(404, "{\"message\":\"Not found\"}", NotFoundException.class),
        Arguments.of(409, "{\"message\":\"Conflict\"}", IdempotencyConflictException.class),
        Arguments.of(422, "{\"message\":\"Unprocessable\"}", IdempotencyConflictException.class),
        Arguments.of(
            412, "{\"message\":\"opt-in header missing\"}", PreconditionFailedException.class),
        Arguments.of(429, "{\"message\":\"Too many requests\"}", RateLimitedException.class),
        Arguments.of(500, "{\"message\":\"boom\"}", ServerErrorException.class),
        Arguments.of(503, "<html>busy</html>", ServerErrorException.class),
        Arguments.of(418, "teapot", UnexpectedStatusException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void statusBecomesItsException(
      int status, String body, Class<? extends CsmServiceException> type) {
    for (boolean async : new boolean[] {false, true}) {
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .addHeader("X-Request-Id", "req-" + status)
              .body(body)
              .build());
      try (CsmClient csm =
          ClientTestSupport.client(server, time).retryPolicy(RetryPolicy.none()).build()) {
        assertThatThrownBy(
                () ->
                    call(
                        async,
                        () -> csm.customerAccounts().submit(BATCH),
                        () -> csm.customerAccounts().submitAsync(BATCH)))
            .isExactlyInstanceOf(type)
            .isInstanceOfSatisfying(
                CsmServiceException.class,
                e -> {
                  assertThat(e.statusCode()).isEqualTo(status);
                  assertThat(e.requestId()).contains("req-" + status);
                  assertThat(e.bodyExcerpt()).isEqualTo(body);
                  assertThat(e.getMessage())
                      .startsWith("POST /api/v1/customer/bulk: ")
                      .contains("HTTP " + status)
                      .contains("request id req-" + status);
                });
      }
    }
  }

  @Test
  void theRequestIdMayComeFromAtlassianHeaders() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("atl-traceid", "abc123").build());
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.tasks().get("gone"))
          .isInstanceOfSatisfying(
              NotFoundException.class, e -> assertThat(e.requestId()).contains("abc123"));
    }
  }

  @Test
  void theBodyExcerptIsBounded() {
    server.enqueue(json(400, "{\"message\":\"" + "x".repeat(50_000) + "\"}"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> {
                assertThat(e.bodyExcerpt()).hasSize(1001).endsWith("…");
                assertThat(e.getMessage()).hasSizeLessThan(1200);
              });
    }
  }

  @Test
  void successWithABodyThatIsNotJsonIsAnInvalidResponse() {
    server.enqueue(json(200, "<html>proxy login</html>"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOfSatisfying(
              InvalidResponseException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(200);
                assertThat(e.bodyExcerpt()).isEqualTo("<html>proxy login</html>");
                assertThat(e.getMessage()).contains("not valid JSON");
              });
    }
  }

  @Test
  void successWithoutATaskIdIsAnInvalidResponse() {
    server.enqueue(json(200, "{\"statusUrl\":\"/api/v1/tasks/x\"}"));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.customerAccounts().submit(BATCH))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("no task id");
    }
  }

  @Test
  void aBodyLargerThanTheLimitIsRefused() {
    server.enqueue(
        json(
            200,
            "{\"results\":["
                + "{\"name\":\"f\",\"type\":{\"name\":\"TEXT\"}},".repeat(2000)
                + "{}]}"));
    try (CsmClient csm = ClientTestSupport.client(server, time).maxResponseBytes(4096).build()) {
      assertThatThrownBy(() -> csm.customerDetailFields().list())
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("larger than 4096 bytes");
    }
  }

  @Test
  void aDeeplyNestedBodyIsRefused() {
    server.enqueue(json(200, "[".repeat(500) + "]".repeat(500)));
    try (CsmClient csm = ClientTestSupport.client(server, time).build()) {
      assertThatThrownBy(() -> csm.customerDetailFields().list())
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("nesting depth");
    }
  }
}
