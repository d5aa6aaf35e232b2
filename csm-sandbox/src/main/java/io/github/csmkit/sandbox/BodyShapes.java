package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks request bodies against the shapes of docs/WIRE.md. A body that does not fit is a 400 whose
 * message names the place and what was expected.
 */
final class BodyShapes {
  static final Set<String> PROFILE_OPERATIONS = Set.of("CREATE", "UPDATE", "UPSERT");
  static final Set<String> DETAIL_OPERATIONS = Set.of("UPDATE", "PATCH", "DELETE");
  static final Set<String> FIELD_TYPES =
      Set.of("TEXT", "SELECT", "MULTISELECT", "DATE", "NUMBER", "EMAIL", "PHONE", "URL");
  static final int MAX_DETAIL_OPERATIONS = 1000;

  private BodyShapes() {}

  static void check(Endpoint e, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw BadRequest.of("The request body must be a JSON object");
    }
    switch (e) {
      case CUSTOMER_ACCOUNTS:
        items(e, root).forEach(it -> account(it.node, it.where));
        break;
      case CUSTOMER_PROFILES:
        items(e, root).forEach(it -> profile(it.node, it.where, true));
        break;
      case ORGANIZATION_PROFILES:
        items(e, root).forEach(it -> profile(it.node, it.where, false));
        break;
      case CUSTOMER_DETAILS:
        detailValues(e, root, "customerId");
        break;
      case ORGANIZATION_DETAILS:
        detailValues(e, root, "organizationId");
        break;
      case CUSTOMER_DETAIL_DEFINITIONS:
      case ORGANIZATION_DETAIL_DEFINITIONS:
        items(e, root).forEach(it -> definition(it.node, it.where));
        break;
      case CUSTOMER_DETAIL_FIELD_CREATE:
      case ORGANIZATION_DETAIL_FIELD_CREATE:
        definition(root, "the body");
        break;
      case ORGANIZATION_FETCH:
        lookup(root, e.limit(), "ids", "names");
        break;
      case CUSTOMER_PROFILE_FETCH:
        lookup(root, e.limit(), "customerIds", "emails");
        break;
      case ORGANIZATION_PROFILE_FETCH:
        lookup(root, e.limit(), "organizationIds", "names");
        break;
      default:
        throw new IllegalArgumentException("no body for " + e);
    }
  }

  private record Item(JsonNode node, String where) {}

  private static java.util.List<Item> items(Endpoint e, JsonNode root) {
    String key = e.bodyKey();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals(key)) {
        throw BadRequest.of("Unknown top-level key \"" + name + "\": expected \"" + key + "\"");
      }
    }
    JsonNode array = root.get(key);
    if (array == null) {
      throw BadRequest.of("Missing top-level key: expected \"" + key + "\"");
    }
    notNull(array, key);
    if (!array.isArray()) {
      throw BadRequest.of("\"" + key + "\" must be an array");
    }
    if (array.isEmpty()) {
      throw BadRequest.of("\"" + key + "\" must not be empty");
    }
    if (e.limit() < MAX_DETAIL_OPERATIONS && array.size() > e.limit()) {
      throw BadRequest.of(
          "\"" + key + "\" has " + array.size() + " items; at most " + e.limit() + " are allowed");
    }
    java.util.List<Item> items = new java.util.ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(new Item(array.get(i), key + "[" + i + "]"));
    }
    return items;
  }

  private static void account(JsonNode item, String where) {
    object(item, where, "email", "displayName");
    string(item, "email", where, false);
    string(item, "displayName", where, false);
  }

  private static void profile(JsonNode item, String where, boolean customer) {
    object(item, where, "operationType", "payload");
    enumValue(item, "operationType", where, PROFILE_OPERATIONS);
    JsonNode payload = item.get("payload");
    String pw = where + ".payload";
    if (payload == null) {
      throw BadRequest.of(where + ": missing \"payload\"");
    }
    if (customer) {
      object(
          payload, pw, "email", "customerId", "displayName", "details", "associateOrganizations");
      string(payload, "email", pw, false);
      string(payload, "customerId", pw, false);
      string(payload, "displayName", pw, false);
      ids(payload, "associateOrganizations", "organizationIds", pw);
    } else {
      object(payload, pw, "id", "name", "details", "associateCustomers");
      string(payload, "id", pw, false);
      string(payload, "name", pw, false);
      ids(payload, "associateCustomers", "customerIds", pw);
    }
    JsonNode details = payload.get("details");
    if (details != null) {
      array(details, pw + ".details");
      for (int i = 0; i < details.size(); i++) {
        detail(details.get(i), pw + ".details[" + i + "]", true);
      }
    }
  }

  private static void ids(JsonNode payload, String field, String inner, String where) {
    JsonNode wrapper = payload.get(field);
    if (wrapper != null) {
      String w = where + "." + field;
      object(wrapper, w, inner);
      strings(wrapper, inner, w, true);
    }
  }

  private static void detail(JsonNode d, String where, boolean valuesRequired) {
    object(d, where, "name", "values");
    string(d, "name", where, true);
    strings(d, "values", where, valuesRequired);
  }

  private static void detailValues(Endpoint e, JsonNode root, String idField) {
    int operations = 0;
    for (Item it : items(e, root)) {
      object(it.node, it.where, idField, "operations");
      string(it.node, idField, it.where, true);
      JsonNode ops = it.node.get("operations");
      if (ops == null) {
        throw BadRequest.of(it.where + ": missing \"operations\"");
      }
      array(ops, it.where + ".operations");
      if (ops.isEmpty()) {
        throw BadRequest.of(it.where + ".operations must not be empty");
      }
      for (int i = 0; i < ops.size(); i++) {
        String w = it.where + ".operations[" + i + "]";
        JsonNode op = ops.get(i);
        object(op, w, "operationType", "payload");
        enumValue(op, "operationType", w, DETAIL_OPERATIONS);
        JsonNode payload = op.get("payload");
        if (payload == null) {
          throw BadRequest.of(w + ": missing \"payload\"");
        }
        detail(payload, w + ".payload", !"DELETE".equals(op.get("operationType").asText()));
      }
      operations += ops.size();
    }
    if (operations > MAX_DETAIL_OPERATIONS) {
      throw BadRequest.of(
          operations
              + " detail-field operations; at most "
              + MAX_DETAIL_OPERATIONS
              + " are allowed");
    }
  }

  private static void definition(JsonNode item, String where) {
    object(item, where, "name", "type");
    string(item, "name", where, true);
    if (item.get("name").asText().isBlank()) {
      throw BadRequest.of(where + ".name must not be blank");
    }
    JsonNode type = item.get("type");
    if (type == null) {
      throw BadRequest.of(where + ": missing \"type\"");
    }
    object(type, where + ".type", "name", "options");
    enumValue(type, "name", where + ".type", FIELD_TYPES);
    strings(type, "options", where + ".type", false);
  }

  private static void lookup(JsonNode root, int limit, String first, String second) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals(first) && !name.equals(second)) {
        throw BadRequest.of(
            "Unknown key \"" + name + "\": expected \"" + first + "\" or \"" + second + "\"");
      }
    }
    strings(root, first, "body", false);
    strings(root, second, "body", false);
    int n = root.path(first).size() + root.path(second).size();
    if (n > limit) {
      throw BadRequest.of(n + " ids and names; at most " + limit + " are allowed");
    }
  }

  private static void notNull(JsonNode node, String where) {
    if (node.isNull()) {
      throw BadRequest.of(where + " must not be null");
    }
  }

  private static void object(JsonNode node, String where, String... allowed) {
    notNull(node, where);
    if (!node.isObject()) {
      throw BadRequest.of(where + " must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      boolean ok = false;
      for (String a : allowed) {
        ok |= a.equals(name);
      }
      if (!ok) {
        throw BadRequest.of(where + ": unknown field \"" + name + "\"");
      }
    }
  }

  private static void array(JsonNode node, String where) {
    notNull(node, where);
    if (!node.isArray()) {
      throw BadRequest.of(where + " must be an array");
    }
  }

  private static void string(JsonNode node, String field, String where, boolean required) {
    JsonNode v = node.get(field);
    if (v == null) {
      if (required) {
        throw BadRequest.of(where + ": missing \"" + field + "\"");
      }
      return;
    }
    notNull(v, where + "." + field);
    if (!v.isTextual()) {
      throw BadRequest.of(where + "." + field + " must be a string");
    }
  }

  private static void strings(JsonNode node, String field, String where, boolean required) {
    JsonNode v = node.get(field);
    if (v == null) {
      if (required) {
        throw BadRequest.of(where + ": missing \"" + field + "\"");
      }
      return;
    }
    array(v, where + "." + field);
    for (int i = 0; i < v.size(); i++) {
      JsonNode s = v.get(i);
      notNull(s, where + "." + field + "[" + i + "]");
      if (!s.isTextual()) {
        throw BadRequest.of(where + "." + field + "[" + i + "] must be a string");
      }
    }
  }

  private static void enumValue(JsonNode node, String field, String where, Set<String> values) {
    string(node, field, where, true);
    String v = node.get(field).asText();
    if (!values.contains(v)) {
      throw BadRequest.of(
          where
              + "."
              + field
              + " is \""
              + v
              + "\"; expected one of "
              + new java.util.TreeSet<>(values));
    }
  }
}
