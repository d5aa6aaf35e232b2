package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns CRM v3 object JSON ({@code id, properties, associations, archived}) into records. */
final class JsonRecords {
  private JsonRecords() {}

  interface Factory<T extends HubSpotRecord> {
    T create(
        String id,
        Map<String, String> properties,
        List<String> companyIds,
        boolean archived,
        SourcePosition pos);
  }

  static final Factory<HubSpotContact> CONTACT = HubSpotContact::new;
  static final Factory<HubSpotCompany> COMPANY =
      (id, props, companies, archived, pos) -> new HubSpotCompany(id, props, archived, pos);

  static <T extends HubSpotRecord> SourceRecord<T> toRecord(
      JsonNode node, SourcePosition pos, Factory<T> factory) {
    if (node == null || !node.isObject()) {
      return new SourceRecord.Rejected<>(
          pos, String.valueOf(node), "not a JSON object", "NOT_AN_OBJECT");
    }
    JsonNode idNode = node.get("id");
    if (idNode == null
        || !(idNode.isTextual() || idNode.isIntegralNumber())
        || idNode.asText().isBlank()) {
      return new SourceRecord.Rejected<>(pos, node.toString(), "no \"id\"", "MISSING_ID");
    }
    JsonNode propsNode = node.get("properties");
    if (propsNode != null && !propsNode.isObject() && !propsNode.isNull()) {
      return new SourceRecord.Rejected<>(
          pos, node.toString(), "\"properties\" is not an object", "PROPERTIES_NOT_AN_OBJECT");
    }
    Map<String, String> props = new LinkedHashMap<>();
    if (propsNode != null) {
      propsNode
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (!v.isNull() && !v.isContainerNode()) {
                  props.put(e.getKey(), v.asText());
                }
              });
    }
    List<String> companies = new ArrayList<>();
    for (JsonNode a : node.path("associations").path("companies").path("results")) {
      String id = a.path("id").asText("");
      if (!id.isEmpty()) {
        companies.add(id);
      }
    }
    String primary = props.get("associatedcompanyid");
    if (companies.isEmpty() && primary != null && !primary.isBlank()) {
      companies.add(primary.trim());
    }
    boolean archived = node.path("archived").asBoolean(false);
    return new SourceRecord.Parsed<>(
        factory.create(idNode.asText(), props, companies, archived, pos));
  }
}
