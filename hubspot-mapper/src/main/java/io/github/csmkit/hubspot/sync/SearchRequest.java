package io.github.csmkit.hubspot.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One CRM search request: one filter group (its filters ANDed), one sort, the properties to return,
 * the page size and an optional offset. {@link #toJson()} gives the body of {@code POST
 * /crm/v3/objects/{objectType}/search}.
 *
 * @param objectType {@code contacts} or {@code companies}
 * @param filters the filters of the one filter group
 * @param sortProperty the property to sort by
 * @param ascending the sort direction
 * @param properties the properties to return (internal names)
 * @param limit the page size, 1 to 200
 * @param after the offset to start at, or null for the first page
 */
public record SearchRequest(
    String objectType,
    List<Filter> filters,
    String sortProperty,
    boolean ascending,
    List<String> properties,
    int limit,
    String after) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when limit is not 1 to 200
   * @throws NullPointerException when a required part is null
   */
  public SearchRequest {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(sortProperty, "sortProperty");
    filters = List.copyOf(filters);
    properties = List.copyOf(properties);
    if (limit < 1 || limit > 200) {
      throw new IllegalArgumentException("a search page holds 1 to 200 records: " + limit);
    }
  }

  /**
   * A search filter.
   *
   * @param propertyName the property
   * @param operator HubSpot's operator ({@code GTE}, {@code LTE}, {@code GT}, ...)
   * @param value the value (epoch milliseconds for dates)
   */
  public record Filter(String propertyName, String operator, String value) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException when a part is null
     */
    public Filter {
      Objects.requireNonNull(propertyName, "propertyName");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The request body as HubSpot's search API takes it.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode group = body.putArray("filterGroups").addObject().putArray("filters");
    for (Filter f : filters) {
      group
          .addObject()
          .put("propertyName", f.propertyName())
          .put("operator", f.operator())
          .put("value", f.value());
    }
    body.putArray("sorts")
        .addObject()
        .put("propertyName", sortProperty)
        .put("direction", ascending ? "ASCENDING" : "DESCENDING");
    ArrayNode props = body.putArray("properties");
    properties.forEach(props::add);
    body.put("limit", limit);
    if (after != null) {
      body.put("after", after);
    }
    return body.toString();
  }
}
