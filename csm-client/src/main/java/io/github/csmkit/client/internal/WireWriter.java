package io.github.csmkit.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.client.model.OrganizationDetailBatch;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every JSON shape csmkit sends, in one place (see docs/WIRE.md). Streams with a {@link
 * JsonGenerator}, so a batch's bytes are deterministic (the bulk engine derives idempotency keys
 * from them) and cheap: field names are encoded once, and the buffers are Jackson's recycled ones.
 */
public final class WireWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private WireWriter() {}

  @FunctionalInterface
  private interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] json(Writer writer) {
    // grows by chained blocks, copied once at the end (a ByteArrayOutputStream copies as it grows)
    try (ByteArrayBuilder out = new ByteArrayBuilder(8192)) {
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        writer.write(g);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final SerializableString OPERATION_TYPE = new SerializedString("operationType");
  private static final SerializableString PAYLOAD = new SerializedString("payload");
  private static final SerializableString EMAIL = new SerializedString("email");
  private static final SerializableString CUSTOMER_ID = new SerializedString("customerId");
  private static final SerializableString DISPLAY_NAME = new SerializedString("displayName");
  private static final SerializableString DETAILS = new SerializedString("details");
  private static final SerializableString NAME = new SerializedString("name");
  private static final SerializableString VALUES = new SerializedString("values");

  /** {@code {"customerProfiles":[{"operationType","payload":{..}}]}}. */
  public static byte[] write(CustomerProfileBatch batch) {
    return json(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("customerProfiles");
          for (CustomerProfileOperation op : batch.operations()) {
            g.writeStartObject();
            g.writeFieldName(OPERATION_TYPE);
            g.writeString(op.operationType().name());
            g.writeFieldName(PAYLOAD);
            writeProfile(g, op.payload());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void writeProfile(JsonGenerator g, CustomerProfile p) throws IOException {
    g.writeStartObject();
    optional(g, EMAIL, p.email());
    optional(g, CUSTOMER_ID, p.customerId());
    optional(g, DISPLAY_NAME, p.displayName());
    details(g, DETAILS, p.details());
    wrappedIds(g, "associateOrganizations", "organizationIds", p.associateOrganizations());
    g.writeEndObject();
  }

  /** {@code {"organizationProfiles":[{"operationType","payload":{..}}]}}. */
  public static byte[] write(OrganizationProfileBatch batch) {
    return json(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("organizationProfiles");
          for (OrganizationProfileOperation op : batch.operations()) {
            OrganizationProfile p = op.payload();
            g.writeStartObject();
            g.writeStringField("operationType", op.operationType().name());
            g.writeObjectFieldStart("payload");
            optional(g, "id", p.id());
            optional(g, "name", p.name());
            details(g, DETAILS, p.details());
            wrappedIds(g, "associateCustomers", "customerIds", p.associateCustomers());
            g.writeEndObject();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /**
   * {@code {"customers":[{"email","displayName"}]}}: the guide's shape. The reference's body for
   * this endpoint was not readable; if it turns out to differ, this method is the one place to
   * change.
   */
  public static byte[] write(CustomerAccountBatch batch) {
    return json(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("customers");
          for (CustomerAccount a : batch.accounts()) {
            g.writeStartObject();
            g.writeStringField("email", a.email());
            optional(g, "displayName", a.displayName());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** {@code {"customers":[{"customerId","operations":[..]}]}}. */
  public static byte[] write(CustomerDetailBatch batch) {
    return detailBatch("customers", "customerId", batch.updates());
  }

  /** {@code {"organizations":[{"organizationId","operations":[..]}]}}. */
  public static byte[] write(OrganizationDetailBatch batch) {
    return detailBatch("organizations", "organizationId", batch.updates());
  }

  private static byte[] detailBatch(String key, String idField, List<DetailUpdate> updates) {
    return json(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart(key);
          for (DetailUpdate u : updates) {
            g.writeStartObject();
            g.writeStringField(idField, u.id());
            g.writeArrayFieldStart("operations");
            for (DetailOperation op : u.operations()) {
              g.writeStartObject();
              g.writeStringField("operationType", op.operationType().name());
              g.writeFieldName("payload");
              detail(g, op.payload());
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** {@code {"detailFields":[{"name","type":{"name","options":[..]}}]}}. */
  public static byte[] write(DetailFieldBatch batch) {
    return json(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("detailFields");
          for (DetailFieldDefinition d : batch.definitions()) {
            writeDefinition(g, d);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /**
   * {@code {"name","type":{"name","options":[..]}}}: one field for {@code POST
   * /api/v1/{entity}/details}.
   */
  public static byte[] write(DetailFieldDefinition definition) {
    return json(g -> writeDefinition(g, definition));
  }

  private static void writeDefinition(JsonGenerator g, DetailFieldDefinition d) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", d.name());
    g.writeObjectFieldStart("type");
    g.writeStringField("name", d.type().name());
    strings(g, "options", d.type().options());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** {@code {"ids":[..],"names":[..]}} for organization fetch; empty lists are omitted. */
  public static byte[] organizationLookup(Collection<String> ids, Collection<String> names) {
    return lookup("ids", ids, "names", names);
  }

  /**
   * {@code {"organizationIds":[..],"names":[..]}} for organization profile fetch; empty lists are
   * omitted.
   */
  public static byte[] organizationProfileLookup(
      Collection<String> organizationIds, Collection<String> names) {
    return lookup("organizationIds", organizationIds, "names", names);
  }

  /**
   * {@code {"customerIds":[..],"emails":[..]}} for customer profile fetch; empty lists are omitted.
   */
  public static byte[] customerLookup(Collection<String> customerIds, Collection<String> emails) {
    return lookup("customerIds", customerIds, "emails", emails);
  }

  private static byte[] lookup(
      String byId, Collection<String> ids, String byName, Collection<String> names) {
    return json(
        g -> {
          g.writeStartObject();
          strings(g, byId, ids);
          strings(g, byName, names);
          g.writeEndObject();
        });
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  private static void optional(JsonGenerator g, SerializableString name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeFieldName(name);
      g.writeString(value.get());
    }
  }

  private static void strings(JsonGenerator g, String name, Collection<String> values)
      throws IOException {
    if (!values.isEmpty()) {
      g.writeArrayFieldStart(name);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }

  private static void details(JsonGenerator g, SerializableString name, List<Detail> details)
      throws IOException {
    if (!details.isEmpty()) {
      g.writeFieldName(name);
      g.writeStartArray();
      for (Detail d : details) {
        detail(g, d);
      }
      g.writeEndArray();
    }
  }

  private static void detail(JsonGenerator g, Detail d) throws IOException {
    g.writeStartObject();
    g.writeFieldName(NAME);
    g.writeString(d.name());
    g.writeFieldName(VALUES);
    g.writeStartArray();
    for (String v : d.values()) {
      g.writeString(v);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void wrappedIds(JsonGenerator g, String name, String inner, List<String> ids)
      throws IOException {
    if (!ids.isEmpty()) {
      g.writeObjectFieldStart(name);
      strings(g, inner, ids);
      g.writeEndObject();
    }
  }
}
