package io.github.csmkit.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.OrganizationRecord;
import io.github.csmkit.client.model.OrganizationRef;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every JSON shape csmkit reads, in one place (see docs/WIRE.md; {@link WireWriter} writes).
 * Reading is tolerant: both the reference's and the guide's shapes, unknown fields ignored, and a
 * {@link WireException} for what cannot be understood.
 */
public final class WireFormat {
  /** Read limits: a hostile or broken server cannot make the client allocate without bound. */
  static final StreamReadConstraints READ_LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(64)
          .maxNumberLength(64)
          .maxStringLength(1_000_000)
          .build();

  private static final JsonFactory FACTORY =
      JsonFactory.builder().streamReadConstraints(READ_LIMITS).build();
  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private WireFormat() {}

  /** A body csmkit could not read: names the path of the field and what was wrong. */
  public static final class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WireException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  // ---------------------------------------------------------------- reading

  /** Parses a body into a tree within the read limits. */
  public static JsonNode tree(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new WireException("the body is empty, expected JSON", null);
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new WireException("the body is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"id","statusUrl"}} (reference) or {@code {"taskId","statusUrl"}} (guide). */
  public static SubmittedTask readSubmitted(byte[] body, IdempotencyKey key) {
    JsonNode root = object(tree(body), "the answer");
    String id = firstText(root, "id", "taskId");
    if (id == null) {
      throw new WireException("the answer has no task id (neither 'id' nor 'taskId')", null);
    }
    return SubmittedTask.builder()
        .id(id)
        .statusUrl(Optional.ofNullable(text(root, "statusUrl")))
        .idempotencyKey(key)
        .build();
  }

  /** A task status in either the reference's or the guide's shape. */
  public static TaskStatus readTask(byte[] body) {
    JsonNode root = object(tree(body), "the task");
    String id = firstText(root, "id", "taskId");
    if (id == null) {
      throw new WireException("the task has no id (neither 'id' nor 'taskId')", null);
    }
    String status = text(root, "status");
    TaskStatus.Builder b =
        TaskStatus.builder()
            .id(id)
            .type(Optional.ofNullable(text(root, "type")))
            .state(TaskState.parse(status))
            .rawStatus(status == null ? "" : status)
            .message(Optional.ofNullable(firstText(root, "message", "error", "errorMessage")))
            .createdAt(instant(root, "createdAt", "createdDate"))
            .updatedAt(instant(root, "updatedAt", "completedDate"));
    JsonNode failures = root.path("failures");
    if (failures.isArray()) {
      int i = 0;
      for (JsonNode f : failures) {
        b.addFailures(failure(f, i++));
      }
    } else if (!failures.isMissingNode() && !failures.isNull()) {
      throw new WireException("'failures' is not an array", null);
    }
    return b.build();
  }

  private static TaskFailure failure(JsonNode f, int position) {
    if (!f.isObject()) {
      throw new WireException("failures[" + position + "] is not an object", null);
    }
    TaskFailure.Builder b = TaskFailure.builder();
    JsonNode index = f.path("index");
    if (index.isIntegralNumber() && index.canConvertToInt() && index.intValue() >= 0) {
      b.index(index.intValue());
    } else if (index.isTextual() && index.asText().matches("\\d{1,9}")) {
      b.index(Integer.parseInt(index.asText()));
    }
    b.entity(Optional.ofNullable(text(f, "entity")))
        .entityId(Optional.ofNullable(text(f, "entityId")))
        .operation(Optional.ofNullable(text(f, "operation")))
        .operatedOn(Optional.ofNullable(text(f, "operatedOn")));
    JsonNode ids = f.path("operatedOnIds");
    if (ids.isArray()) {
      for (JsonNode id : ids) {
        if (id.isValueNode() && !id.isNull()) {
          b.addOperatedOnIds(id.asText());
        }
      }
    }
    String message = firstText(f, "error", "message", "errorMessage");
    b.message(message == null ? "(no message)" : message);
    return b.build();
  }

  /** {@code {"results":[{"name","type":{"name","options"}}]}}. */
  public static List<DetailFieldDefinition> readDefinitions(byte[] body) {
    List<DetailFieldDefinition> out = new ArrayList<>();
    int i = 0;
    for (JsonNode r : results(body)) {
      out.add(definition(r, "results[" + i + "]"));
      i++;
    }
    return out;
  }

  /**
   * The answer to a single-field create: the field as created ({@code {"name","type"}}), or {@code
   * sent} when the answer is empty or names no field (the reference does not show it).
   */
  public static DetailFieldDefinition readCreatedDefinition(
      byte[] body, DetailFieldDefinition sent) {
    if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return sent;
    }
    JsonNode root = object(tree(body), "the answer");
    return text(root, "name") == null ? sent : definition(root, "the answer");
  }

  private static DetailFieldDefinition definition(JsonNode r, String where) {
    String name = text(r, "name");
    if (name == null) {
      throw new WireException(where + " has no name", null);
    }
    JsonNode type = r.path("type");
    DetailFieldType.Builder t = DetailFieldType.builder();
    String typeName = type.isTextual() ? type.asText() : text(type, "name");
    t.name(typeName == null ? "UNKNOWN" : typeName);
    for (JsonNode o : type.path("options")) {
      if (o.isValueNode() && !o.isNull()) {
        t.addOptions(o.asText());
      } else if (o.isObject() && text(o, "value") != null) {
        t.addOptions(text(o, "value"));
      }
    }
    return DetailFieldDefinition.of(name, t.build());
  }

  /** {@code {"results":[{"id","name"}]}}. */
  public static List<OrganizationRef> readOrganizations(byte[] body) {
    List<OrganizationRef> out = new ArrayList<>();
    int i = 0;
    for (JsonNode r : results(body)) {
      String id = firstText(r, "id", "organizationId");
      if (id == null) {
        throw new WireException("results[" + i + "] has no id", null);
      }
      out.add(OrganizationRef.of(id, text(r, "name")));
      i++;
    }
    return out;
  }

  /** {@code {"results":[{"id","name","details":[{"name","values"}]}]}}: organization profiles. */
  public static List<OrganizationRecord> readOrganizationProfiles(byte[] body) {
    List<OrganizationRecord> out = new ArrayList<>();
    int i = 0;
    for (JsonNode r : results(body)) {
      String id = firstText(r, "id", "organizationId");
      if (id == null) {
        throw new WireException("results[" + i + "] has no id", null);
      }
      out.add(
          OrganizationRecord.builder()
              .id(id)
              .name(Optional.ofNullable(text(r, "name")))
              .details(details(r))
              .build());
      i++;
    }
    return out;
  }

  /** {@code {"results":[{"id","email","displayName","details","organizations"}]}}. */
  public static List<CustomerRecord> readCustomers(byte[] body) {
    List<CustomerRecord> out = new ArrayList<>();
    int i = 0;
    for (JsonNode r : results(body)) {
      String id = firstText(r, "id", "customerId", "accountId");
      if (id == null) {
        throw new WireException("results[" + i + "] has no id", null);
      }
      CustomerRecord.Builder b =
          CustomerRecord.builder()
              .id(id)
              .email(Optional.ofNullable(text(r, "email")))
              .displayName(Optional.ofNullable(text(r, "displayName")));
      b.details(details(r));
      for (JsonNode o : r.path("organizations")) {
        if (o.isValueNode() && !o.isNull()) {
          b.addOrganizations(OrganizationRef.of(o.asText(), null));
        } else if (firstText(o, "id", "organizationId") != null) {
          b.addOrganizations(
              OrganizationRef.of(firstText(o, "id", "organizationId"), text(o, "name")));
        }
      }
      out.add(b.build());
      i++;
    }
    return out;
  }

  /**
   * The message of an error body ({@code message}, {@code errorMessage} or {@code errorMessages}),
   * or null when the body is not such JSON. Never throws.
   */
  public static String errorMessage(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        return null;
      }
      String message = firstText(root, "message", "errorMessage", "error");
      if (message == null && root.path("errorMessages").isArray()) {
        List<String> all = new ArrayList<>();
        for (JsonNode m : root.path("errorMessages")) {
          if (m.isValueNode() && !m.isNull()) {
            all.add(m.asText());
          }
        }
        message = all.isEmpty() ? null : String.join("; ", all);
      }
      return message;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The {@code details} of a fetched profile; a detail without a name is skipped. */
  private static List<Detail> details(JsonNode profile) {
    List<Detail> out = new ArrayList<>();
    for (JsonNode d : profile.path("details")) {
      String name = text(d, "name");
      if (name != null) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : d.path("values")) {
          if (v.isValueNode() && !v.isNull()) {
            values.add(v.asText());
          }
        }
        out.add(Detail.of(name, values));
      }
    }
    return out;
  }

  private static Iterable<JsonNode> results(byte[] body) {
    JsonNode root = tree(body);
    JsonNode results = root.isArray() ? root : root.path("results");
    if (!results.isArray()) {
      throw new WireException("expected an object with a 'results' array", null);
    }
    return results;
  }

  private static JsonNode object(JsonNode node, String what) {
    if (!node.isObject()) {
      throw new WireException(what + " is not a JSON object", null);
    }
    return node;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Optional<Instant> instant(JsonNode node, String... fields) {
    String v = firstText(node, fields);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      if (v.matches("\\d{1,15}")) {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
      }
      return Optional.empty();
    }
  }
}
