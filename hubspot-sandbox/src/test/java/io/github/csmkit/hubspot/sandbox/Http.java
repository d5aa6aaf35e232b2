package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP against a HubSpot sandbox, as a HubSpot reader talks to HubSpot. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, HttpHeaders headers, String raw) {
    JsonNode json() {
      try {
        return MAPPER.readTree(raw);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HubSpotSandbox sandbox;
  private final String token;

  Http(HubSpotSandbox sandbox) {
    this(sandbox, sandbox.token());
  }

  Http(HubSpotSandbox sandbox, String token) {
    this.sandbox = sandbox;
    this.token = token;
  }

  Response get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  Response post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  Response search(String type, String json) {
    return post("/crm/v3/objects/" + type + "/search", json);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.baseUri() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
