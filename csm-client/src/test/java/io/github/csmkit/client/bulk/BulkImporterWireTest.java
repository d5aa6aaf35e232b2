package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.FakeTime;
import io.github.csmkit.client.RetryPolicy;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against servers that answer in shapes the sandbox does not produce: the guide's
 * failures by index, failures that name no record, tasks that end FAILED, credentials refused. The
 * sandbox tests cover the reference's shapes, faults, back-pressure and resume.
 */
class BulkImporterWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTime time = new FakeTime();
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> batchesByTask = new ConcurrentHashMap<>();
  private CsmClient csm;

  /** Answers submits with a task per batch, and polls with what {@code failures} makes of it. */
  private void serve(BiFunction<String, JsonNode, String> taskBody) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            try {
              if (request.getMethod().equals("POST")) {
                JsonNode body = JSON.readTree(request.getBody().utf8());
                bodies.add(body);
                keys.add(request.getHeaders().get("Idempotency-Key"));
                String id = "t" + bodies.size();
                batchesByTask.put(id, body);
                return json(
                    201, "{\"id\":\"" + id + "\",\"statusUrl\":\"/api/v1/tasks/" + id + "\"}");
              }
              String id = path.substring(path.lastIndexOf('/') + 1);
              return json(200, taskBody.apply(id, batchesByTask.get(id)));
            } catch (Exception e) {
              return json(500, "{\"message\":\"test dispatcher: " + e + "\"}");
            }
          }
        });
    csm =
        CsmClient.builder()
            .baseUri(server.url("/").uri())
            .credentials(Credentials.bearer("tok-123456"))
            .clock(time)
            .sleeper(time)
            .retryPolicy(RetryPolicy.builder().jitter(0).build())
            .build();
  }

  @AfterEach
  void close() {
    if (csm != null) {
      csm.close();
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static List<String> emails(int n) {
    return IntStream.range(0, n).mapToObj(i -> "user" + i + "@example.com").toList();
  }

  private static CustomerProfileOperation create(String email) {
    return CustomerProfileOperation.create(
        CustomerProfile.builder().email(email).displayName(email).build());
  }

  @Test
  void failuresAreAttributedByIndexThenByEntityIdAndTheRestAreKept() {
    serve(
        (id, batch) ->
            "{\"taskId\":\""
                + id
                + "\",\"status\":\"COMPLETED\",\"failures\":["
                + "{\"index\":1,\"message\":\"bad one\"},"
                + "{\"entityId\":\"USER3@example.com\",\"error\":\"bad three\"},"
                + "{\"entityId\":\"USER3@example.com\",\"error\":\"worse three\"},"
                + "{\"entityId\":\"ghost@example.com\",\"error\":\"who is this\"}]}");

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("j")
            .build()
            .run(emails(5), BulkImporterWireTest::create);

    assertThat(report.counts()).isEqualTo(new ImportReport.Counts(5, 0, 0, 0, 5, 3, 2, 0, 1));
    assertThat(report.failures())
        .extracting(RecordFailure::index, RecordFailure::stage, RecordFailure::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1L, Stage.SERVER, "bad one"),
            org.assertj.core.groups.Tuple.tuple(3L, Stage.SERVER, "bad three; worse three"));
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.taskId()).contains("t1"));
    assertThat(report.unattributed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.taskId()).isEqualTo("t1");
              assertThat(u.failure().message()).isEqualTo("who is this");
            });
    assertThat(report.batches())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.finalStatus()).isEqualTo("FINISHED");
              assertThat(b.failureCount()).isEqualTo(3);
              assertThat(b.idempotencyKey()).isEqualTo(keys.get(0));
            });
    assertThat(report.recordsToRetry()).containsExactly("user1@example.com", "user3@example.com");
  }

  @Test
  void aTaskThatEndsFailedFailsEveryRecordOfItsBatch() {
    serve(
        (id, batch) ->
            "{\"id\":\""
                + id
                + "\",\"status\":\""
                + (id.equals("t2")
                    ? "FAILED\",\"message\":\"quota exceeded\",\"failures\":[{\"error\":\"internal\"}]}"
                    : "FINISHED\"}"));

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("j")
            .batchSize(10)
            .maxInFlight(1)
            .build()
            .run(emails(25), BulkImporterWireTest::create);

    assertThat(report.counts().succeeded()).isEqualTo(15);
    assertThat(report.counts().failed()).isEqualTo(10);
    assertThat(report.failures())
        .allSatisfy(
            f -> {
              assertThat(f.stage()).isEqualTo(Stage.TASK_FAILED);
              assertThat(f.message()).isEqualTo("task t2 ended FAILED: quota exceeded");
              assertThat(f.index()).isBetween(10L, 19L);
            });
    assertThat(report.batches())
        .extracting(ImportReport.BatchLog::finalStatus)
        .containsExactly("FINISHED", "FAILED", "FINISHED");
  }

  @Test
  void localProblemsRejectTheRecordNeverTheBatch() {
    serve((id, batch) -> "{\"id\":\"" + id + "\",\"status\":\"FINISHED\"}");
    List<String> input =
        new ArrayList<>(List.of("a@x.io", "not-an-email", "A@X.IO", "boom", "skip", "b@x.io"));

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("j")
            .build()
            .run(
                input,
                s ->
                    switch (s) {
                      case "boom" -> throw new IllegalStateException("no such contact");
                      case "skip" -> null;
                      default -> create(s);
                    });

    assertThat(report.counts()).isEqualTo(new ImportReport.Counts(6, 3, 1, 0, 2, 2, 0, 0, 0));
    assertThat(report.failures())
        .extracting(RecordFailure::index, RecordFailure::stage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, Stage.VALIDATION),
            org.assertj.core.groups.Tuple.tuple(2L, Stage.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(3L, Stage.MAPPING),
            org.assertj.core.groups.Tuple.tuple(4L, Stage.MAPPING));
    assertThat(report.failures().get(0).rule()).contains("EMAIL_FORMAT");
    assertThat(report.failures().get(0).message()).contains("email");
    assertThat(report.failures().get(2).message())
        .isEqualTo("the mapping failed: IllegalStateException: no such contact");
    assertThat(bodies)
        .singleElement()
        .satisfies(b -> assertThat(b.get("customerProfiles")).hasSize(2));
  }

  @Test
  void withDedupeOffADuplicateWithinABatchIsRejectedByTheBatchRule() {
    serve((id, batch) -> "{\"id\":\"" + id + "\",\"status\":\"FINISHED\"}");
    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("j")
            .noDedupe()
            .build()
            .run(List.of("a@x.io", "b@x.io", "a@x.io"), BulkImporterWireTest::create);
    assertThat(report.counts()).isEqualTo(new ImportReport.Counts(3, 1, 0, 0, 2, 2, 0, 0, 0));
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.index()).isEqualTo(2);
              assertThat(f.rule()).contains("DUPLICATE_EMAIL");
            });
  }

  @Test
  void keysAreDeterministicPerJobAndContentAndCarryNoPersonalData() {
    serve((id, batch) -> "{\"id\":\"" + id + "\",\"status\":\"FINISHED\"}");
    for (String job : List.of("job-a", "job-a", "job-b")) {
      BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
          .jobId(job)
          .batchSize(10)
          .maxInFlight(1)
          .build()
          .run(emails(20), BulkImporterWireTest::create);
    }
    assertThat(keys).hasSize(6);
    assertThat(keys.subList(0, 2)).isEqualTo(keys.subList(2, 4));
    assertThat(keys.get(0)).isNotEqualTo(keys.get(1)).isNotEqualTo(keys.get(4));
    assertThat(keys).allSatisfy(k -> assertThat(k).matches("csmkit-[0-9a-f]{64}"));
  }

  @Test
  void refusedCredentialsStopTheJobAndEveryRecordIsAccountedFor() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return json(401, "{\"message\":\"Unauthorized\"}");
          }
        });
    csm =
        CsmClient.builder()
            .baseUri(server.url("/").uri())
            .credentials(Credentials.bearer("tok-123456"))
            .clock(time)
            .sleeper(time)
            .build();

    ImportReport<String> report =
        BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
            .jobId("j")
            .maxInFlight(1)
            .build()
            .run(emails(500), BulkImporterWireTest::create);

    assertThat(report.stopReason()).contains("the server refused the credentials (401)");
    assertThat(report.counts().balanced()).isTrue();
    assertThat(report.counts().failed()).isEqualTo(50);
    assertThat(report.counts().read())
        .isEqualTo(report.counts().failed() + report.counts().notSubmitted());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(report.failures())
        .filteredOn(f -> f.stage() == Stage.SUBMIT)
        .hasSize(50)
        .allSatisfy(f -> assertThat(f.message()).doesNotContain("tok-123456"));
  }

  @Test
  void aJournalNeedsAJobId() {
    serve((id, batch) -> "{}");
    assertThatThrownBy(
            () ->
                BulkImporter.builder(csm, BulkTarget.CUSTOMER_PROFILES)
                    .journal(java.nio.file.Path.of("x"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("job id");
  }
}
