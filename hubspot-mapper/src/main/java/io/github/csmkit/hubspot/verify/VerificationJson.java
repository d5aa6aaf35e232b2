package io.github.csmkit.hubspot.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.csmkit.hubspot.state.ObjectType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The JSON shapes of a verification: a difference, and the summary of a report. */
final class VerificationJson {
  static final JsonFactory JSON = new JsonFactory();

  private VerificationJson() {}

  static void difference(JsonGenerator g, Difference d) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", d.type().column());
    g.writeStringField("hubspotId", d.hubSpotId());
    optional(g, "csmId", d.csmId());
    g.writeStringField("kind", d.kind().name());
    optional(g, "field", d.field());
    optional(g, "expected", d.expected());
    optional(g, "actual", d.actual());
    g.writeEndObject();
  }

  static void summary(JsonGenerator g, VerificationReport r) throws IOException {
    g.writeStartObject();
    g.writeBooleanField("passed", r.passed());
    g.writeNumberField("checked", r.checked());
    g.writeNumberField("differences", r.differences());
    for (ObjectType type : ObjectType.values()) {
      VerificationReport.Counts c = r.counts().get(type);
      g.writeObjectFieldStart(type == ObjectType.CONTACT ? "customers" : "organizations");
      g.writeNumberField("records", c.records());
      g.writeNumberField("checked", c.checked());
      g.writeNumberField("matched", c.matched());
      g.writeNumberField("differing", c.differing());
      g.writeNumberField("notFound", c.notFound());
      g.writeNumberField("notImported", c.notImported());
      g.writeNumberField("csmIdUnknown", c.csmIdUnknown());
      g.writeEndObject();
    }
    g.writeObjectFieldStart("differencesByKind");
    for (Difference.Kind k : Difference.Kind.values()) {
      g.writeNumberField(k.name(), r.differencesByKind().getOrDefault(k, 0L));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("examples");
    for (Difference d : r.examples()) {
      difference(g, d);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static String summary(VerificationReport r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      summary(g, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }
}
