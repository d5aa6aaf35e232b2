package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.csmkit.sandbox.Tenant.Definition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of detail values in a profile or a detail-value operation: every field defined, a
 * SELECT with one value, every SELECT or MULTISELECT value one of the field's options.
 */
final class DetailChecks {
  private DetailChecks() {}

  /** Checks profile details against the definitions; returns them keyed by the defined names. */
  static Map<String, List<String>> details(
      Tenant tenant, EntityKind kind, String entity, String entityId, String op, JsonNode details) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (details == null) {
      return out;
    }
    List<String> undefined = new ArrayList<>();
    for (JsonNode d : details) {
      if (tenant.definition(kind, d.get("name").asText()) == null) {
        undefined.add(d.get("name").asText());
      }
    }
    if (!undefined.isEmpty()) {
      throw RecordRefusal.of(
          entity,
          entityId,
          op,
          "DETAIL_FIELD",
          undefined,
          "Invalid detail field: " + quoted(undefined) + " not defined");
    }
    for (JsonNode d : details) {
      Definition def = tenant.definition(kind, d.get("name").asText());
      List<String> values = Json.texts(d, "values");
      checkValues(def, values, entity, entityId, op);
      out.put(def.name(), values);
    }
    return out;
  }

  static void checkValues(
      Definition def, List<String> values, String entity, String entityId, String op) {
    boolean select = "SELECT".equals(def.type());
    if (select && values.size() > 1) {
      throw RecordRefusal.of(
          entity,
          entityId,
          op,
          "DETAIL_FIELD",
          List.of(def.name()),
          "Detail field \""
              + def.name()
              + "\" is a SELECT field and takes one value, got "
              + values.size());
    }
    if (select || "MULTISELECT".equals(def.type())) {
      for (String v : values) {
        if (!def.options().contains(v)) {
          throw RecordRefusal.of(
              entity,
              entityId,
              op,
              "DETAIL_FIELD",
              List.of(def.name()),
              "Value \""
                  + v
                  + "\" is not an option of detail field \""
                  + def.name()
                  + "\" "
                  + def.options());
        }
      }
    }
  }

  static String quoted(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append(b.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    }
    return b.toString();
  }
}
