package io.github.csmkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.internal.WireFormat.WireException;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.OrganizationRef;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tolerant readers: both shapes, unknown fields ignored, broken bodies named. */
class WireFormatReadTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static TaskFailure onlyFailure(String failureJson) {
    TaskStatus t =
        WireFormat.readTask(
            b("{\"id\":\"t\",\"status\":\"FINISHED\",\"failures\":[" + failureJson + "]}"));
    assertThat(t.failures()).hasSize(1);
    return t.failures().get(0);
  }

  @Test
  void theReferencesTaskShape() {
    TaskStatus t =
        WireFormat.readTask(
            b(
                """
        {"id":"9f1c","type":"BULK_CUSTOMER_PROFILE_CREATE_UPDATE","status":"FINISHED",
         "failures":[{"entity":"CUSTOMER","entityId":"john@example.com","operation":"CREATE",
           "operatedOn":"CUSTOMER_ACCOUNT","operatedOnIds":["10001",42,null,{"x":1},true],
           "error":"Customer already exists","future":{"a":[1,2]}}],
         "createdAt":"2026-01-22T10:00:00Z","updatedAt":"2026-01-22T11:00:05.250+01:00",
         "progress":{"done":3},"newField":[null]}
        """));
    assertThat(t.id()).isEqualTo("9f1c");
    assertThat(t.type()).contains("BULK_CUSTOMER_PROFILE_CREATE_UPDATE");
    assertThat(t.state()).isEqualTo(TaskState.FINISHED);
    assertThat(t.rawStatus()).isEqualTo("FINISHED");
    assertThat(t.isTerminal()).isTrue();
    assertThat(t.createdAt()).contains(Instant.parse("2026-01-22T10:00:00Z"));
    assertThat(t.updatedAt()).contains(Instant.parse("2026-01-22T10:00:05.250Z"));
    TaskFailure f = t.failures().get(0);
    assertThat(f.index()).isEmpty();
    assertThat(f.entity()).contains("CUSTOMER");
    assertThat(f.entityId()).contains("john@example.com");
    assertThat(f.operation()).contains("CREATE");
    assertThat(f.operatedOn()).contains("CUSTOMER_ACCOUNT");
    assertThat(f.operatedOnIds()).containsExactly("10001", "42", "true");
    assertThat(f.message()).isEqualTo("Customer already exists");
  }

  @Test
  void aFailedTasksOwnMessageIsRead() {
    TaskStatus t =
        WireFormat.readTask(b("{\"id\":\"t\",\"status\":\"FAILED\",\"message\":\"disk full\"}"));
    assertThat(t.state()).isEqualTo(TaskState.FAILED);
    assertThat(t.message()).contains("disk full");
    assertThat(
            WireFormat.readTask(b("{\"id\":\"t\",\"status\":\"FAILED\",\"error\":\"gone\"}"))
                .message())
        .contains("gone");
    assertThat(WireFormat.readTask(b("{\"id\":\"t\",\"status\":\"FINISHED\"}")).message())
        .isEmpty();
  }

  @Test
  void theGuidesTaskShape() {
    TaskStatus t =
        WireFormat.readTask(
            b(
                """
        {"taskId":"task-123","status":"COMPLETED","createdDate":"2026-11-01T09:00:00Z",
         "completedDate":"2026-11-01T09:00:42Z","failures":[{"index":3,"message":"Invalid email format"},
         {"index":"7","errorMessage":"Duplicate"}]}
        """));
    assertThat(t.id()).isEqualTo("task-123");
    assertThat(t.type()).isEmpty();
    assertThat(t.state()).isEqualTo(TaskState.FINISHED);
    assertThat(t.rawStatus()).isEqualTo("COMPLETED");
    assertThat(t.createdAt()).contains(Instant.parse("2026-11-01T09:00:00Z"));
    assertThat(t.updatedAt()).contains(Instant.parse("2026-11-01T09:00:42Z"));
    assertThat(t.failures())
        .extracting(TaskFailure::index)
        .containsExactly(OptionalInt.of(3), OptionalInt.of(7));
    assertThat(t.failures())
        .extracting(TaskFailure::message)
        .containsExactly("Invalid email format", "Duplicate");
    assertThat(t.failures().get(0).entityId()).isEmpty();
    assertThat(WireFormat.readTask(b("{\"taskId\":\"g\",\"status\":\"PROCESSING\"}")).state())
        .isEqualTo(TaskState.IN_PROGRESS);
  }

  @Test
  void anUnknownOrMissingStatusIsKeptAndNotFinished() {
    TaskStatus t = WireFormat.readTask(b("{\"id\":\"t\",\"status\":\"CANCELLED_BY_ADMIN\"}"));
    assertThat(t.state()).isEqualTo(TaskState.UNKNOWN);
    assertThat(t.rawStatus()).isEqualTo("CANCELLED_BY_ADMIN");
    assertThat(t.isTerminal()).isFalse();
    assertThat(t.failures()).isEmpty();
    TaskStatus none = WireFormat.readTask(b("{\"id\":7,\"failures\":null}"));
    assertThat(none.id()).isEqualTo("7");
    assertThat(none.state()).isEqualTo(TaskState.UNKNOWN);
    assertThat(none.rawStatus()).isEmpty();
    assertThat(none.createdAt()).isEmpty();
  }

  @Test
  void timesAreIsoOrEpochMillisAndOtherwiseAbsent() {
    TaskStatus t =
        WireFormat.readTask(
            b(
                "{\"id\":\"t\",\"status\":\"FINISHED\",\"createdAt\":1769076000000,\"updatedAt\":\"yesterday\"}"));
    assertThat(t.createdAt()).contains(Instant.ofEpochMilli(1769076000000L));
    assertThat(t.updatedAt()).isEmpty();
    TaskStatus s =
        WireFormat.readTask(
            b(
                "{\"id\":\"t\",\"createdAt\":\"1769076000000\",\"createdDate\":\"2020-01-01T00:00:00Z\",\"completedDate\":{}}"));
    assertThat(s.createdAt())
        .as("createdAt wins over createdDate")
        .contains(Instant.ofEpochMilli(1769076000000L));
    assertThat(s.updatedAt()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-1",
        "1.5",
        "1e20",
        "2147483648",
        "99999999999999999999",
        "\"-1\"",
        "\"abc\"",
        "\"1234567890\"",
        "null",
        "true",
        "[1]",
        "{\"i\":1}"
      })
  void anIndexThatIsNotASmallNaturalNumberIsIgnored(String index) {
    TaskFailure f = onlyFailure("{\"index\":" + index + ",\"message\":\"m\"}");
    assertThat(f.index()).as(index).isEmpty();
    assertThat(f.message()).isEqualTo("m");
  }

  @Test
  void aSmallNaturalIndexIsKeptAsNumberOrText() {
    assertThat(onlyFailure("{\"index\":0}").index()).hasValue(0);
    assertThat(onlyFailure("{\"index\":2147483647}").index()).hasValue(Integer.MAX_VALUE);
    assertThat(onlyFailure("{\"index\":\"123456789\"}").index()).hasValue(123456789);
    assertThat(onlyFailure("{\"index\":49}").message()).isEqualTo("(no message)");
  }

  @Test
  void theFailureMessageIsErrorThenMessageThenErrorMessage() {
    assertThat(onlyFailure("{\"error\":\"e\",\"message\":\"m\",\"errorMessage\":\"em\"}").message())
        .isEqualTo("e");
    assertThat(onlyFailure("{\"error\":null,\"message\":\"m\",\"errorMessage\":\"em\"}").message())
        .isEqualTo("m");
    assertThat(onlyFailure("{\"error\":{\"code\":1},\"errorMessage\":\"em\"}").message())
        .isEqualTo("em");
  }

  @Test
  void brokenTaskBodiesAreWireExceptions() {
    assertThatThrownBy(
            () -> WireFormat.readTask(b("{\"id\":\"t\",\"status\":\"FINISHED\"} trailing")))
        .isInstanceOf(WireException.class)
        .hasMessageStartingWith("the body is not valid JSON: ");
    assertThatThrownBy(() -> WireFormat.readTask(b("{\"id\":\"t\"}{\"id\":\"u\"}")))
        .isInstanceOf(WireException.class)
        .hasMessageStartingWith("the body is not valid JSON: ");
    assertThatThrownBy(() -> WireFormat.readTask(b("")))
        .isInstanceOf(WireException.class)
        .hasMessage("the body is empty, expected JSON");
    assertThatThrownBy(() -> WireFormat.readTask(b("[]")))
        .isInstanceOf(WireException.class)
        .hasMessage("the task is not a JSON object");
    assertThatThrownBy(() -> WireFormat.readTask(b("{\"status\":\"FINISHED\",\"id\":null}")))
        .isInstanceOf(WireException.class)
        .hasMessage("the task has no id (neither 'id' nor 'taskId')");
    assertThatThrownBy(() -> WireFormat.readTask(b("{\"id\":\"t\",\"failures\":{\"index\":1}}")))
        .isInstanceOf(WireException.class)
        .hasMessage("'failures' is not an array");
    assertThatThrownBy(
            () -> WireFormat.readTask(b("{\"id\":\"t\",\"failures\":[{\"index\":1},\"oops\"]}")))
        .isInstanceOf(WireException.class)
        .hasMessage("failures[1] is not an object");
  }

  @Test
  void bothSubmitAnswersAreRead() {
    IdempotencyKey key = IdempotencyKey.of("k-1");
    SubmittedTask reference =
        WireFormat.readSubmitted(
            b("{\"id\":\"abc\",\"statusUrl\":\"/api/v1/tasks/abc\",\"extra\":1}"), key);
    assertThat(reference.id()).isEqualTo("abc");
    assertThat(reference.statusUrl()).contains("/api/v1/tasks/abc");
    assertThat(reference.idempotencyKey()).isEqualTo(key);
    SubmittedTask guide =
        WireFormat.readSubmitted(
            b("{\"taskId\":\"task-9\",\"statusUrl\":\"https://api.atlassian.com/x/tasks/task-9\"}"),
            key);
    assertThat(guide.id()).isEqualTo("task-9");
    assertThat(guide.statusUrl()).contains("https://api.atlassian.com/x/tasks/task-9");
    assertThat(WireFormat.readSubmitted(b("{\"id\":12345}"), key).statusUrl()).isEmpty();
    assertThat(WireFormat.readSubmitted(b("{\"id\":12345}"), key).id()).isEqualTo("12345");
    assertThatThrownBy(() -> WireFormat.readSubmitted(b("{\"statusUrl\":\"/x\"}"), key))
        .isInstanceOf(WireException.class)
        .hasMessage("the answer has no task id (neither 'id' nor 'taskId')");
    assertThatThrownBy(() -> WireFormat.readSubmitted(b("\"abc\""), key))
        .isInstanceOf(WireException.class)
        .hasMessage("the answer is not a JSON object");
    assertThatThrownBy(() -> WireFormat.readSubmitted(b("{\"id\":\"a\"}]"), key))
        .isInstanceOf(WireException.class)
        .hasMessageStartingWith("the body is not valid JSON");
  }

  @Test
  void definitionsAreReadWithTheirTypesAndOptions() {
    List<DetailFieldDefinition> defs =
        WireFormat.readDefinitions(
            b(
                """
        {"results":[
          {"name":"Support Tier","type":{"name":"SELECT","options":["Gold",null,{"value":"Silver"},{"id":3},7]},
           "configuration":{"position":1}},
          {"name":"Notes","type":"TEXT"},
          {"name":"Odd"}]}
        """));
    assertThat(defs)
        .extracting(DetailFieldDefinition::name)
        .containsExactly("Support Tier", "Notes", "Odd");
    assertThat(defs.get(0).type().name()).isEqualTo("SELECT");
    assertThat(defs.get(0).type().options()).containsExactly("Gold", "Silver", "7");
    assertThat(defs.get(1).type().name()).isEqualTo("TEXT");
    assertThat(defs.get(2).type().name()).isEqualTo("UNKNOWN");
    assertThat(WireFormat.readDefinitions(b("[{\"name\":\"A\",\"type\":{\"name\":\"DATE\"}}]")))
        .extracting(d -> d.type().name())
        .containsExactly("DATE");
    assertThatThrownBy(
            () ->
                WireFormat.readDefinitions(
                    b("{\"results\":[{\"name\":\"A\"},{\"type\":\"TEXT\"}]}")))
        .isInstanceOf(WireException.class)
        .hasMessage("results[1] has no name");
    assertThatThrownBy(() -> WireFormat.readDefinitions(b("{\"results\":{}}")))
        .isInstanceOf(WireException.class)
        .hasMessage("expected an object with a 'results' array");
  }

  @Test
  void organizationsAreReadByIdOrOrganizationId() {
    assertThat(
            WireFormat.readOrganizations(
                b(
                    "{\"results\":[{\"id\":\"1\",\"name\":\"Acme\"},{\"organizationId\":10002},{\"id\":\"3\",\"name\":null}]}")))
        .containsExactly(
            OrganizationRef.of("1", "Acme"),
            OrganizationRef.of("10002", null),
            OrganizationRef.of("3", null));
    assertThatThrownBy(() -> WireFormat.readOrganizations(b("{\"results\":[{\"name\":\"Acme\"}]}")))
        .isInstanceOf(WireException.class)
        .hasMessage("results[0] has no id");
  }

  @Test
  void customersAreReadWithDetailsAndOrganizationsSkippingNulls() {
    List<CustomerRecord> customers =
        WireFormat.readCustomers(
            b(
                """
        {"results":[
          {"id":"qm:1","email":"john@example.com","displayName":"John Doe",
           "details":[{"name":"Support Tier","values":["Gold",null,3]},{"values":["nameless"]},null],
           "organizations":[{"id":"1","name":"Acme"},"2",{"organizationId":3},{"name":"no id"},null]},
          {"customerId":"qm:2"},
          {"accountId":"5b10ac8d"}]}
        """));
    assertThat(customers)
        .extracting(CustomerRecord::id)
        .containsExactly("qm:1", "qm:2", "5b10ac8d");
    CustomerRecord john = customers.get(0);
    assertThat(john.email()).contains("john@example.com");
    assertThat(john.displayName()).contains("John Doe");
    assertThat(john.detail("Support Tier")).containsExactly("Gold", "3");
    assertThat(john.detail("Missing")).isEmpty();
    assertThat(john.details()).hasSize(1);
    assertThat(john.organizations())
        .containsExactly(
            OrganizationRef.of("1", "Acme"),
            OrganizationRef.of("2", null),
            OrganizationRef.of("3", null));
    assertThat(customers.get(1).email()).isEqualTo(Optional.empty());
    assertThatThrownBy(
            () ->
                WireFormat.readCustomers(b("{\"results\":[{\"id\":\"1\"},{\"email\":\"x@y.z\"}]}")))
        .isInstanceOf(WireException.class)
        .hasMessage("results[1] has no id");
  }

  @Test
  void errorMessagesAreExtractedFromEveryShapeAndNeverThrow() {
    assertThat(WireFormat.errorMessage(b("{\"message\":\"Maximum number of tasks reached\"}")))
        .isEqualTo("Maximum number of tasks reached");
    assertThat(WireFormat.errorMessage(b("{\"errorMessage\":\"bad\",\"error\":\"Bad Request\"}")))
        .isEqualTo("bad");
    assertThat(WireFormat.errorMessage(b("{\"error\":\"Bad Request\"}"))).isEqualTo("Bad Request");
    assertThat(
            WireFormat.errorMessage(b("{\"errorMessages\":[\"first\",\"second\"],\"errors\":{}}")))
        .isEqualTo("first; second");
    assertThat(
            WireFormat.errorMessage(b("{\"errorMessages\":[\"first\",null,{\"x\":1},\"second\"]}")))
        .isEqualTo("first; second");
    assertThat(WireFormat.errorMessage(b("{\"errorMessages\":[]}"))).isNull();
    assertThat(WireFormat.errorMessage(b("{\"errorMessages\":\"not an array\"}"))).isNull();
    assertThat(WireFormat.errorMessage(b("{\"message\":\"x\"} trailing"))).isNull();
    assertThat(WireFormat.errorMessage(b("<html>502</html>"))).isNull();
    assertThat(WireFormat.errorMessage(b("[\"message\"]"))).isNull();
    assertThat(WireFormat.errorMessage(new byte[0])).isNull();
    assertThat(WireFormat.errorMessage(null)).isNull();
    assertThat(WireFormat.errorMessage(b("{}"))).isNull();
  }

  @Test
  void lookupsOmitEmptyLists() {
    assertThat(
            new String(
                WireWriter.organizationLookup(List.of("1", "2"), List.of("Acme")),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"ids\":[\"1\",\"2\"],\"names\":[\"Acme\"]}");
    assertThat(
            new String(WireWriter.organizationLookup(List.of(), List.of()), StandardCharsets.UTF_8))
        .isEqualTo("{}");
    assertThat(
            new String(
                WireWriter.customerLookup(List.of(), List.of("a@example.com")),
                StandardCharsets.UTF_8))
        .isEqualTo("{\"emails\":[\"a@example.com\"]}");
    assertThat(
            new String(
                WireWriter.customerLookup(List.of("qm:1"), List.of()), StandardCharsets.UTF_8))
        .isEqualTo("{\"customerIds\":[\"qm:1\"]}");
  }

  @Test
  void treeKeepsTheReadLimits() {
    assertThat(WireFormat.tree(b("{\"a\":[1,2]}")).path("a").size()).isEqualTo(2);
    assertThatThrownBy(() -> WireFormat.tree(b("{\"n\":" + "9".repeat(100) + "}")))
        .isInstanceOf(WireException.class)
        .hasMessageContaining("the body is not valid JSON") // Jackson's wording varies by version
        .hasMessageContaining("(100)")
        .hasMessageContaining("64");
  }
}
