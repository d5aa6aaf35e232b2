package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A parsed request: the type in its path, its query parameters and its JSON body (or null). */
record Request(ObjectType type, Map<String, List<String>> query, JsonNode body) {

  /** The first value of a query parameter, or null. */
  String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Whether {@code archived=true} was asked. */
  boolean archived() {
    return "true".equalsIgnoreCase(param("archived"));
  }

  /** The JSON body, which must be an object. */
  JsonNode json() {
    if (body == null || !body.isObject()) {
      throw Reply.validation("Invalid input JSON: the request body must be a JSON object");
    }
    return body;
  }

  /** An integer parameter or field within bounds. */
  static int bounded(String raw, int fallback, int max, String name) {
    if (raw == null) {
      return fallback;
    }
    int v;
    try {
      v = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw Reply.validation(name + " must be an integer, got '" + raw + "'");
    }
    if (v < 1 || v > max) {
      throw Reply.validation(name + " must be between 1 and " + max + ", got " + v);
    }
    return v;
  }

  /** The {@code inputs} array of a batch body: present, not empty, at most {@code max} long. */
  JsonNode inputs(int max) {
    JsonNode inputs = json().path("inputs");
    if (!inputs.isArray() || inputs.isEmpty()) {
      throw Reply.validation("inputs must be a non-empty array");
    }
    if (inputs.size() > max) {
      throw Reply.validation(
          "Batch input limit exceeded: " + inputs.size() + " inputs, at most " + max);
    }
    return inputs;
  }

  /** A paging offset ({@code after} of search and v4 reads): absent is 0; not a number is a 400. */
  static int offset(String after) {
    if (after == null || after.isEmpty()) {
      return 0;
    }
    try {
      int v = Integer.parseInt(after.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below, as for a negative offset
    }
    throw Reply.validation("after must be a non-negative integer offset, got '" + after + "'");
  }
}
