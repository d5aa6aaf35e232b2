package io.github.csmkit.hubspot.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.csmkit.client.model.ProfileOperationType;
import java.util.List;
import java.util.Map;

/** The shape of a mapping file, bound by Jackson (unknown keys fail with their line). */
final class MappingFile {
  private MappingFile() {}

  enum TypeName {
    TEXT,
    SELECT,
    MULTISELECT,
    DATE,
    NUMBER,
    EMAIL,
    PHONE,
    URL
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"operationType", "strict", "timeZone", "customers", "organizations"})
  record Root(
      ProfileOperationType operationType,
      Boolean strict,
      String timeZone,
      Customers customers,
      Organizations organizations) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"email", "displayName", "organizationName", "fields"})
  record Customers(
      String email, List<String> displayName, String organizationName, List<Field> fields) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "fallbackName", "fields"})
  record Organizations(String name, String fallbackName, List<Field> fields) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({
    "property",
    "field",
    "type",
    "options",
    "values",
    "multiValue",
    "format",
    "labels"
  })
  record Field(
      String property,
      String field,
      TypeName type,
      List<String> options,
      Map<String, String> values,
      Boolean multiValue,
      ValueFormat format,
      Boolean labels) {}
}
