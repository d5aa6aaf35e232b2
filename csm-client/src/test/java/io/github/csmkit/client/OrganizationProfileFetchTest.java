package io.github.csmkit.client;

import static io.github.csmkit.client.ClientTestSupport.TOKEN;
import static io.github.csmkit.client.ClientTestSupport.call;
import static io.github.csmkit.client.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.error.InvalidResponseException;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.OrganizationRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/organization/profile/fetch}: the exact bytes sent, 25 at a time; parsing. */
class OrganizationProfileFetchTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private CsmClient csm;

  @BeforeEach
  void setUp() {
    csm = ClientTestSupport.client(server, time).build();
  }

  @AfterEach
  void tearDown() {
    csm.close();
  }

  private static String utf8(RecordedRequest r) {
    return new String(r.getBody().toByteArray(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fetchByIdsSplitsInto25sAndReadsDetails(boolean async) throws Exception {
    List<String> ids = IntStream.range(0, 30).mapToObj(i -> "1000" + i).toList();
    server.enqueue(
        json(
            200,
            """
        {"results":[{"id":"10000","name":"Acme","details":[{"name":"Region","values":["EMEA"]},
          {"name":"Tags","values":["a","b"]},{"values":["no name: skipped"]}]},
          {"organizationId":"10003"}]}"""));
    server.enqueue(json(200, "{\"results\":[]}"));

    List<OrganizationRecord> found =
        call(
            async,
            () -> csm.organizationProfiles().fetchProfilesByIds(ids),
            () -> csm.organizationProfiles().fetchProfilesByIdsAsync(ids));

    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/organization/profile/fetch");
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(first.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(first.getHeaders().get("X-ExperimentalApi")).isEqualTo("opt-in");
    assertThat(first.getHeaders().get("Idempotency-Key")).isNull();
    String firstIds =
        String.join(",", ids.subList(0, 25).stream().map(i -> '"' + i + '"').toList());
    assertThat(utf8(first)).isEqualTo("{\"organizationIds\":[" + firstIds + "]}");
    assertThat(utf8(server.takeRequest()))
        .isEqualTo(
            "{\"organizationIds\":[\"100025\",\"100026\",\"100027\",\"100028\",\"100029\"]}");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(found)
        .containsExactly(
            OrganizationRecord.builder()
                .id("10000")
                .name("Acme")
                .addDetails(Detail.of("Region", "EMEA"), Detail.of("Tags", "a", "b"))
                .build(),
            OrganizationRecord.builder().id("10003").build());
    assertThat(found.get(0).detail("Tags")).containsExactly("a", "b");
    assertThat(found.get(0).detail("Missing")).isEmpty();
  }

  @Test
  void fetchByNamesSendsNames() throws Exception {
    server.enqueue(json(200, "{\"results\":[{\"id\":\"7\",\"name\":\"Tech Innovators\"}]}"));
    List<OrganizationRecord> found =
        csm.organizationProfiles().fetchProfilesByNames(List.of("Tech Innovators"));
    assertThat(utf8(server.takeRequest())).isEqualTo("{\"names\":[\"Tech Innovators\"]}");
    assertThat(found).extracting(OrganizationRecord::id).containsExactly("7");
  }

  @Test
  void anEmptyListSendsNothing() {
    assertThat(csm.organizationProfiles().fetchProfilesByIds(List.of())).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aResultWithoutAnIdIsAnInvalidResponse() {
    server.enqueue(json(200, "{\"results\":[{\"name\":\"Acme\"}]}"));
    assertThatThrownBy(() -> csm.organizationProfiles().fetchProfilesByIds(List.of("1")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("results[0] has no id");
  }
}
