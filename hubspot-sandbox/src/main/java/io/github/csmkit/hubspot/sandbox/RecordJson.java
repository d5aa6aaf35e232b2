package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Renders records as HubSpot's {@code SimplePublicObject} and reads property lists. */
final class RecordJson {
  private RecordJson() {}

  /**
   * A record with the requested properties (null: the type's defaults) plus the three HubSpot
   * always sends. A requested property the portal knows but the record lacks comes as JSON null;
   * one it has never heard of is left out, as HubSpot ignores unknown names.
   */
  static ObjectNode render(
      ObjectType type,
      long id,
      Map<String, String> values,
      Instant createdAt,
      Instant updatedAt,
      Instant archivedAt,
      List<String> requested,
      Set<String> known) {
    ObjectNode o = Reply.JSON.createObjectNode();
    o.put("id", Long.toString(id));
    Set<String> names = new TreeSet<>(requested == null ? type.defaultProperties() : requested);
    names.addAll(List.of("hs_object_id", "createdate", type.modifiedProperty()));
    ObjectNode props = o.putObject("properties");
    for (String name : names) {
      String v = values.get(name);
      if (v != null) {
        props.put(name, v);
      } else if (known.contains(name)) {
        props.putNull(name);
      }
    }
    o.put("createdAt", StoredRecord.WIRE_TIME.format(createdAt));
    o.put("updatedAt", StoredRecord.WIRE_TIME.format(updatedAt));
    o.put("archived", archivedAt != null);
    if (archivedAt != null) {
      o.put("archivedAt", StoredRecord.WIRE_TIME.format(archivedAt));
    }
    return o;
  }

  /** A stored record as it is now. */
  static ObjectNode render(StoredRecord r, List<String> requested, Set<String> known) {
    return render(
        r.type, r.id, r.properties, r.createdAt, r.updatedAt, r.archivedAt, requested, known);
  }

  /** Property names from query values, each possibly comma-separated; null when none given. */
  static List<String> namesFromQuery(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      for (String name : v.split(",")) {
        if (!name.isBlank()) {
          out.add(name.trim());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Property names from a JSON array; null when the field is absent or empty. */
  static List<String> namesFromJson(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
