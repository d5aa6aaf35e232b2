package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An answer: status, JSON body, extra headers; and the bodies HubSpot uses for its errors. */
final class Reply {
  static final ObjectMapper JSON = new ObjectMapper();

  final int status;
  final JsonNode body;
  final Map<String, String> headers = new LinkedHashMap<>();

  Reply(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Thrown by handlers to answer with an error. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Reply reply;

    Failure(Reply reply) {
      super(reply.body.path("message").asText(), null, false, false);
      this.reply = reply;
    }
  }

  /** HubSpot's {@code Error} shape: {@code status, message, correlationId, category}. */
  static Reply error(int status, String category, String message) {
    String correlationId = UUID.randomUUID().toString();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", "error");
    body.put("message", message);
    body.put("correlationId", correlationId);
    body.put("category", category);
    return new Reply(status, body).header("x-hubspot-correlation-id", correlationId);
  }

  static Failure validation(String message) {
    return new Failure(error(400, "VALIDATION_ERROR", message));
  }

  static Reply unauthorized() {
    // HubSpot's answer to a missing or unknown bearer token
    return error(
            401,
            "INVALID_AUTHENTICATION",
            "Authentication credentials not found. This API supports OAuth 2.0 authentication and"
                + " you can find more details at"
                + " https://developers.hubspot.com/docs/methods/auth/oauth-overview")
        .header("x-hubspot-auth-failure", "401 Unauthorized");
  }

  static Reply notFound(String path) {
    return error(404, "OBJECT_NOT_FOUND", "Resource not found: " + path);
  }

  static Reply serverError() {
    return error(500, "INTERNAL_ERROR", "internal error");
  }

  /** HubSpot's 429 body: {@code errorType RATE_LIMIT} and the {@code policyName}. */
  static Reply rateLimited(String policyName, String message, String groupName) {
    String correlationId = UUID.randomUUID().toString();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", "error");
    body.put("message", message);
    body.put("errorType", "RATE_LIMIT");
    body.put("correlationId", correlationId);
    body.put("policyName", policyName);
    if (groupName != null) {
      body.put("groupName", groupName);
    }
    body.put("requestId", UUID.randomUUID().toString());
    return new Reply(429, body).header("x-hubspot-correlation-id", correlationId);
  }
}
