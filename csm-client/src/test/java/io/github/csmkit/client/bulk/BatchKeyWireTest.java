package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The idempotency key is the hash of the very bytes that reached the server. */
class BatchKeyWireTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();

  @Test
  void theKeyIsTheSha256OfJobPathAndTheBytesSent() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getMethod().equals("POST")) {
              bodies.add(request.getBody().toByteArray());
              keys.add(request.getHeaders().get("Idempotency-Key"));
              String id = "t" + bodies.size();
              return json("{\"id\":\"" + id + "\",\"statusUrl\":\"/api/v1/tasks/" + id + "\"}");
            }
            return json("{\"id\":\"t\",\"status\":\"FINISHED\"}");
          }
        });
    try (CsmClient csm =
        CsmClient.builder()
            .baseUri(server.url("/").uri())
            .credentials(Credentials.bearer("tok-123456"))
            .build()) {
      ImportReport<String> report =
          BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
              .jobId("job-é")
              .batchSize(7)
              .maxInFlight(1)
              .build()
              .run(SandboxImports.emails(20), SandboxImports::create);

      assertThat(report.counts().succeeded()).isEqualTo(20);
      assertThat(bodies).hasSize(3);
      for (int i = 0; i < bodies.size(); i++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("job-é".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update("/api/v1/customer/profile/bulk".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bodies.get(i));
        String expected = "csmkit-" + HexFormat.of().formatHex(sha.digest());
        assertThat(keys.get(i)).isEqualTo(expected);
        assertThat(report.batches().get(i).idempotencyKey()).isEqualTo(expected);
      }
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
