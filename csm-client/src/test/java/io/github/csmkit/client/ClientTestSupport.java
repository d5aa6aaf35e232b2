package io.github.csmkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared helpers for the MockWebServer tests. */
final class ClientTestSupport {
  static final String TOKEN = "s3cr3t-token-value-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  private ClientTestSupport() {}

  /** A client on the server, with a fake clock/sleeper and exact (jitter-free) waits. */
  static CsmClient.Builder client(MockWebServer server, FakeTime time) {
    return CsmClient.builder()
        .baseUri(server.url("/").uri())
        .credentials(Credentials.bearer(TOKEN))
        .clock(time)
        .sleeper(time)
        .retryPolicy(RetryPolicy.builder().jitter(0).build())
        .pollPolicy(PollPolicy.builder().jitter(0).build());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse submitted(String id) {
    return json(200, "{\"id\":\"" + id + "\",\"statusUrl\":\"/api/v1/tasks/" + id + "\"}");
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode body(RecordedRequest r) {
    return tree(r.getBody() == null ? "" : r.getBody().utf8());
  }

  /** Runs a call in its blocking or its async form, so one test covers both. */
  static <T> T call(boolean async, Supplier<T> sync, Supplier<CompletableFuture<T>> asyncCall) {
    return async ? Transport.join(asyncCall.get()) : sync.get();
  }
}
