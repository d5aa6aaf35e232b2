package io.github.csmkit.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The shared mapper and small helpers. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw BadRequest.of("The request body is empty; expected a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw BadRequest.of("Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw BadRequest.of("Unreadable body: " + e.getMessage());
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ObjectNode message(String message) {
    return object().put("message", message);
  }

  static ArrayNode strings(Iterable<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** The text of a field, or null when absent. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null ? null : v.asText();
  }

  /** The strings of an array field, or an empty list when absent. */
  static List<String> texts(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(v.size());
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  /**
   * A digest of the JSON tree that does not depend on the order of object fields, so that two
   * bodies that mean the same have the same digest.
   */
  static byte[] digest(JsonNode node) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      feed(md, node);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void feed(MessageDigest md, JsonNode node) {
    if (node.isObject()) {
      md.update((byte) '{');
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      for (String n : names) {
        feedString(md, n);
        feed(md, node.get(n));
      }
      md.update((byte) '}');
    } else if (node.isArray()) {
      md.update((byte) '[');
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        feed(md, it.next());
      }
      md.update((byte) ']');
    } else {
      md.update((byte) node.getNodeType().ordinal());
      feedString(md, node.asText());
    }
  }

  private static void feedString(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    md.update((byte) (b.length >>> 24));
    md.update((byte) (b.length >>> 16));
    md.update((byte) (b.length >>> 8));
    md.update((byte) b.length);
    md.update(b);
  }
}
