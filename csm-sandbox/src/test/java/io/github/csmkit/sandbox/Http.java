package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Raw HTTP against a sandbox, the way csmkit's client talks, with knobs to break each rule. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final CsmSandbox sandbox;
  final String base;

  Http(CsmSandbox sandbox) {
    this(sandbox, sandbox.baseUri().toString());
  }

  Http(CsmSandbox sandbox, String base) {
    this.sandbox = sandbox;
    this.base = base;
  }

  Http cloud(String cloudId) {
    return new Http(sandbox, sandbox.cloudBaseUri(cloudId).toString());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + sandbox.token())
        .header("Accept", "application/json")
        .header("X-ExperimentalApi", "opt-in");
  }

  static HttpRequest.Builder json(HttpRequest.Builder b, String body) {
    return b.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  Response post(String path, String body, String key) {
    HttpRequest.Builder b = json(request(path), body);
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return send(b.build());
  }

  Response post(String path, String body) {
    return post(path, body, UUID.randomUUID().toString());
  }

  Response get(String path) {
    return send(request(path).GET().build());
  }

  /** Submits a bulk body and returns the task id; fails unless the answer is 201. */
  String submit(String path, String body) {
    Response r = post(path, body);
    if (r.status != 201) {
      throw new AssertionError("expected 201 from " + path + ", got " + r.status + " " + r.body);
    }
    return r.json().get("id").asText();
  }

  JsonNode task(String id) {
    Response r = get("/api/v1/tasks/" + id);
    if (r.status != 200) {
      throw new AssertionError("expected 200 for task " + id + ", got " + r.status + " " + r.body);
    }
    return r.json();
  }

  static Response send(HttpRequest request) {
    try {
      return new Response(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static final class Response {
    final int status;
    final String body;
    final HttpResponse<String> raw;

    Response(HttpResponse<String> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = raw.body();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String message() {
      return json().path("message").asText();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Single quotes to double quotes, to keep JSON in tests readable. */
  static String q(String json) {
    return json.replace('\'', '"');
  }
}
