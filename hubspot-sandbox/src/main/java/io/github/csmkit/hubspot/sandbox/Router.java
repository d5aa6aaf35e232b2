package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes every request: the bearer token first (401), then the rate limits (429), then an injected
 * fault, then the handler; logs and counts what was answered.
 */
final class Router implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  private final HubSpotSandbox sandbox;
  private final ObjectsHandler objects;
  private final SearchHandler search;
  private final AssociationsHandler associations;

  /** What a path names. */
  private record Route(HubSpotEndpoint endpoint, ObjectType type, ObjectType to, String id) {}

  Router(HubSpotSandbox sandbox, int associationPageSize) {
    this.sandbox = sandbox;
    this.objects = new ObjectsHandler(sandbox.portal());
    this.search = new SearchHandler(sandbox.portal());
    this.associations = new AssociationsHandler(sandbox.portal(), associationPageSize);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Instant at = sandbox.clock().instant();
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      byte[] raw = ex.getRequestBody().readAllBytes();
      Route route = route(method, path);
      Reply reply;
      try {
        reply = answer(ex, route, query, raw);
      } catch (Reply.Failure f) {
        reply = f.reply;
      } catch (RuntimeException e) {
        // a sandbox bug must not pass for a HubSpot fault unnoticed: say so, then answer as HubSpot
        // would
        LOG.log(System.Logger.Level.WARNING, "hubspot-sandbox failed on " + method + " " + path, e);
        reply = Reply.serverError();
      }
      sandbox.record(
          new LoggedRequest(
              at,
              route.endpoint(),
              method,
              path,
              query == null ? "" : query,
              new String(raw, StandardCharsets.UTF_8),
              reply.status));
      write(ex, reply);
    }
  }

  private Reply answer(HttpExchange ex, Route route, String query, byte[] raw) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + sandbox.token())) {
      return Reply.unauthorized();
    }
    if (route.endpoint() == HubSpotEndpoint.UNKNOWN) {
      return Reply.notFound(ex.getRequestURI().getRawPath());
    }
    Map<String, String> limitHeaders = new LinkedHashMap<>();
    Reply limited =
        sandbox.limits().admit(route.endpoint() == HubSpotEndpoint.SEARCH, limitHeaders);
    if (limited != null) {
      return limited;
    }
    HubSpotFault fault = sandbox.faults().take(route.endpoint());
    if (fault != null && fault.status() != 0) {
      return switch (fault.status()) {
        case 500 -> fault.body() == null ? Reply.serverError() : custom(fault);
        case 429 ->
            fault.body() == null
                ? Reply.rateLimited("DAILY", "You have reached your daily limit.", null)
                : custom(fault);
        default -> custom(fault);
      };
    }
    if (fault != null) {
      sleep(fault);
    }
    Request req = new Request(route.type(), parseQuery(query), parseBody(raw));
    Reply reply =
        switch (route.endpoint()) {
          case LIST -> objects.list(req);
          case GET -> objects.get(req, route.id());
          case SEARCH -> search.search(req);
          case BATCH_READ -> objects.batchRead(req);
          case ASSOCIATIONS_BATCH_READ -> associations.batchRead(route.type(), route.to(), req);
          case PROPERTIES -> objects.properties(req);
          case UNKNOWN -> Reply.notFound(ex.getRequestURI().getRawPath());
        };
    limitHeaders.forEach(reply::header);
    return reply;
  }

  private static Route route(String method, String path) {
    String[] s = path.replaceAll("^/+|/+$", "").split("/");
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    if (s.length >= 4 && s[0].equals("crm") && s[1].equals("v3") && s[2].equals("objects")) {
      ObjectType type = ObjectType.fromPath(s[3]);
      if (type != null) {
        if (s.length == 4 && get) {
          return new Route(HubSpotEndpoint.LIST, type, null, null);
        }
        if (s.length == 5 && post && s[4].equals("search")) {
          return new Route(HubSpotEndpoint.SEARCH, type, null, null);
        }
        if (s.length == 5 && get) {
          return new Route(HubSpotEndpoint.GET, type, null, decode(s[4]));
        }
        if (s.length == 6 && post && s[4].equals("batch") && s[5].equals("read")) {
          return new Route(HubSpotEndpoint.BATCH_READ, type, null, null);
        }
      }
    }
    if (s.length == 7
        && post
        && s[0].equals("crm")
        && s[1].equals("v4")
        && s[2].equals("associations")
        && s[5].equals("batch")
        && s[6].equals("read")) {
      ObjectType from = ObjectType.fromPath(s[3]);
      ObjectType to = ObjectType.fromPath(s[4]);
      if (from != null && to != null) {
        return new Route(HubSpotEndpoint.ASSOCIATIONS_BATCH_READ, from, to, null);
      }
    }
    if (s.length == 4
        && get
        && s[0].equals("crm")
        && s[1].equals("v3")
        && s[2].equals("properties")) {
      ObjectType type = ObjectType.fromPath(s[3]);
      if (type != null) {
        return new Route(HubSpotEndpoint.PROPERTIES, type, null, null);
      }
    }
    return new Route(HubSpotEndpoint.UNKNOWN, null, null, null);
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static JsonNode parseBody(byte[] raw) {
    if (raw.length == 0) {
      return null;
    }
    try {
      return Reply.JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw Reply.validation("Invalid input JSON on line 1: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw Reply.validation("Invalid input JSON");
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static Reply custom(HubSpotFault fault) {
    try {
      return new Reply(fault.status(), Reply.JSON.readTree(fault.body()));
    } catch (JsonProcessingException e) {
      return new Reply(fault.status(), Reply.JSON.getNodeFactory().textNode(fault.body()));
    }
  }

  private static void sleep(HubSpotFault fault) {
    try {
      Thread.sleep(fault.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(HttpExchange ex, Reply reply) throws IOException {
    byte[] bytes = Reply.JSON.writeValueAsBytes(reply.body);
    ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(reply.status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
