package io.github.csmkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.csmkit.sandbox.Tenant.Customer;
import io.github.csmkit.sandbox.Tenant.Definition;
import io.github.csmkit.sandbox.Tenant.Organization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Routes and answers every request. Stateless apart from the sandbox it serves. */
final class SandboxHandler implements HttpHandler {
  private static final String CLOUD_PREFIX = "/jsm/csm/cloudid/";
  private static final String API = "/api/v1";

  private final CsmSandbox sandbox;
  private final byte[] token;
  private final AtomicLong requestIds = new AtomicLong();

  SandboxHandler(CsmSandbox sandbox) {
    this.sandbox = sandbox;
    this.token = sandbox.token().getBytes(StandardCharsets.UTF_8);
  }

  /** Ends a request by dropping its connection without an answer. */
  private static final class Reset extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reset() {
      super("reset", null, false, false);
    }
  }

  private record Answer(int status, byte[] body, Map<String, String> headers) {
    static Answer json(int status, JsonNode body) {
      return new Answer(status, Json.bytes(body), Map.of());
    }
  }

  /** What the request log needs to know about a request once it is answered. */
  private static final class Seen {
    final long sequence;
    final Instant at;
    byte[] body = new byte[0];
    String tenant = "default";
    Endpoint endpoint;

    Seen(long sequence, Instant at) {
      this.sequence = sequence;
      this.at = at;
    }
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    Seen seen = new Seen(sandbox.requestLog.next(), sandbox.clock.instant());
    try {
      Answer answer;
      try {
        seen.body = readBody(ex, sandbox.maxRequestBytes);
        answer = answer(ex, seen);
      } catch (BadRequest e) {
        answer = Answer.json(e.status, Json.message(e.getMessage()));
      } catch (Reset r) {
        // Closing an exchange before its headers are sent closes the connection: the client sees
        // the connection end without an answer.
        record(ex, seen, 0);
        return;
      } catch (RuntimeException e) {
        answer = Answer.json(500, Json.message("Internal sandbox error: " + e));
      }
      // logged before the answer leaves, so a client that has its answer finds its request logged
      record(ex, seen, answer.status());
      send(ex, answer);
    } finally {
      ex.close();
    }
  }

  /**
   * The body, or a 413 when it is larger than {@code max} (the rest is drained unread, so that the
   * client reads the answer).
   */
  private static byte[] readBody(HttpExchange ex, int max) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        in.transferTo(OutputStream.nullOutputStream());
        throw new BadRequest(
            413, "Request too large. Requests for this resource can be at most " + max + " bytes");
      }
      return body;
    }
  }

  private void record(HttpExchange ex, Seen seen, int status) {
    String query = ex.getRequestURI().getRawQuery();
    sandbox.requestLog.add(
        seen.sequence,
        seen.at,
        seen.tenant,
        seen.endpoint,
        ex.getRequestMethod(),
        ex.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
        ex.getRequestHeaders(),
        seen.body,
        status);
  }

  private Answer answer(HttpExchange ex, Seen seen) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String tenant = "default";
    String prefix = "";
    if (path.startsWith(CLOUD_PREFIX)) {
      int slash = path.indexOf('/', CLOUD_PREFIX.length());
      if (slash <= CLOUD_PREFIX.length()) {
        throw new BadRequest(404, "Not found: " + path);
      }
      tenant = path.substring(CLOUD_PREFIX.length(), slash);
      seen.tenant = tenant;
      prefix = path.substring(0, slash);
      path = path.substring(slash);
    }
    if (!path.startsWith(API + "/")) {
      throw new BadRequest(404, "Not found: " + path);
    }
    String sub = path.substring(API.length());
    Endpoint endpoint = null;
    String taskId = null;
    if (sub.startsWith(Endpoint.TASK_GET.path())) {
      taskId = sub.substring(Endpoint.TASK_GET.path().length());
      if (!taskId.isEmpty() && taskId.indexOf('/') < 0) {
        endpoint = Endpoint.TASK_GET;
      }
    } else {
      for (Endpoint e : Endpoint.values()) { // one path may serve GET and POST
        if (e != Endpoint.TASK_GET
            && e.path().equals(sub)
            && (endpoint == null || e.method().equals(ex.getRequestMethod()))) {
          endpoint = e;
        }
      }
    }
    // a sandbox playing the older API version has no bulk definition routes
    if (endpoint == null || (!sandbox.definitionsBulk && endpoint.definesFields())) {
      throw new BadRequest(404, "Not found: " + path);
    }
    seen.endpoint = endpoint;
    if (!endpoint.method().equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", endpoint.method());
      throw new BadRequest(
          405, "Method " + ex.getRequestMethod() + " not allowed; use " + endpoint.method());
    }
    sandbox.counts.count(endpoint, trim(ex.getRequestHeaders().getFirst("Idempotency-Key")));
    authenticate(ex);
    if (sandbox.requireExperimentalHeader
        && !"opt-in".equalsIgnoreCase(trim(ex.getRequestHeaders().getFirst("X-ExperimentalApi")))) {
      throw new BadRequest(
          412, "This API is experimental: send the header X-ExperimentalApi: opt-in");
    }
    Fault fault = sandbox.faults().take(endpoint);
    if (fault != null) {
      if (fault.kind == Fault.Kind.RESET_BEFORE) {
        throw new Reset();
      }
      if (fault.answersAlone()) {
        Map<String, String> headers =
            fault.retryAfter == null ? Map.of() : Map.of("Retry-After", fault.retryAfter);
        return new Answer(fault.status, fault.body.getBytes(StandardCharsets.UTF_8), headers);
      }
      if (fault.kind == Fault.Kind.DELAY) {
        sleep(fault);
      }
    }
    Answer answer = process(ex, seen.body, endpoint, sandbox.tenant(tenant), prefix, taskId, fault);
    if (fault != null && fault.kind == Fault.Kind.RESET_AFTER) {
      throw new Reset();
    }
    return answer;
  }

  private static void sleep(Fault fault) {
    try {
      Thread.sleep(fault.delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void authenticate(HttpExchange ex) {
    String auth = trim(ex.getRequestHeaders().getFirst("Authorization"));
    byte[] presented = null;
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    } else if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        presented =
            colon < 0 ? null : decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        presented = null;
      }
    }
    if (presented == null || !MessageDigest.isEqual(presented, token)) {
      throw new BadRequest(401, "Unauthorized: send Authorization: Bearer <the sandbox token>");
    }
  }

  private Answer process(
      HttpExchange ex,
      byte[] requestBody,
      Endpoint endpoint,
      Tenant tenant,
      String prefix,
      String taskId,
      Fault fault) {
    if (endpoint == Endpoint.TASK_GET) {
      return task(tenant, taskId);
    }
    if (endpoint == Endpoint.CUSTOMER_DETAIL_FIELDS
        || endpoint == Endpoint.ORGANIZATION_DETAIL_FIELDS) {
      return definitions(tenant, endpoint.kind());
    }
    String contentType = trim(ex.getRequestHeaders().getFirst("Content-Type"));
    if (contentType == null
        || !contentType
            .toLowerCase(Locale.ROOT)
            .split(";", 2)[0]
            .trim()
            .equals("application/json")) {
      throw new BadRequest(
          415, "Unsupported Content-Type " + contentType + ": send application/json");
    }
    String key = null;
    if (endpoint.isBulk()) {
      key = trim(ex.getRequestHeaders().getFirst("Idempotency-Key"));
      if (key == null || key.isEmpty()) {
        throw BadRequest.of("The Idempotency-Key header is required on bulk operations");
      }
    }
    JsonNode body = Json.parse(requestBody);
    BodyShapes.check(endpoint, body);
    if (endpoint == Endpoint.ORGANIZATION_FETCH) {
      return fetchOrganizations(tenant, body);
    }
    if (endpoint == Endpoint.CUSTOMER_DETAIL_FIELD_CREATE
        || endpoint == Endpoint.ORGANIZATION_DETAIL_FIELD_CREATE) {
      return defineOne(tenant, endpoint.kind(), body);
    }
    if (endpoint == Endpoint.CUSTOMER_PROFILE_FETCH) {
      return fetchCustomers(tenant, body);
    }
    if (endpoint == Endpoint.ORGANIZATION_PROFILE_FETCH) {
      return fetchOrganizationProfiles(tenant, body);
    }
    return submit(endpoint, tenant, prefix, key, body, fault);
  }

  private Answer submit(
      Endpoint endpoint, Tenant tenant, String prefix, String key, JsonNode body, Fault fault) {
    byte[] digest = Json.digest(body);
    Task task;
    int status;
    synchronized (tenant) {
      Instant now = sandbox.clock.instant();
      tenant.settle(now);
      Task seen = tenant.keys.get(key);
      if (seen != null) {
        if (seen.endpoint != endpoint) {
          throw new BadRequest(
              409,
              "Idempotency-Key "
                  + key
                  + " was already used on another endpoint ("
                  + seen.endpoint.method()
                  + " "
                  + API
                  + seen.endpoint.path()
                  + ") with a different request body");
        }
        if (!Arrays.equals(seen.digest, digest)) {
          throw new BadRequest(
              409, "Idempotency-Key " + key + " was reused with a different request body");
        }
        task = seen;
        status = 200;
      } else {
        if (tenant.unfinished(now) >= sandbox.taskLimit) {
          throw BadRequest.of("Maximum number of tasks reached");
        }
        task =
            tenant.create(
                endpoint, key, digest, body, now, sandbox.queuedFor, sandbox.runsFor, fault);
        status = 201;
      }
    }
    ObjectNode answer = Json.object();
    answer.put("id", task.id);
    answer.put("statusUrl", prefix + API + "/tasks/" + task.id);
    return Answer.json(status, answer);
  }

  private Answer task(Tenant tenant, String id) {
    ObjectNode out = Json.object();
    synchronized (tenant) {
      Instant now = sandbox.clock.instant();
      tenant.settle(now);
      Task t = tenant.tasks.get(id);
      if (t == null || tenant.expired(t, now)) {
        throw new BadRequest(404, "Task not found: " + id);
      }
      TaskState state = t.state(now);
      out.put("id", t.id);
      out.put("type", t.endpoint.taskType());
      out.put("status", state.name());
      ArrayNode failures = out.putArray("failures");
      for (FailureSnapshot f : t.failures) {
        ObjectNode n = failures.addObject();
        n.put("entity", f.entity());
        if (f.entityId() != null) {
          n.put("entityId", f.entityId());
        }
        n.put("operation", f.operation());
        n.put("operatedOn", f.operatedOn());
        n.set("operatedOnIds", Json.strings(f.operatedOnIds()));
        n.put("error", f.error());
      }
      if (state == TaskState.FAILED) {
        out.put("message", t.failMessage);
      }
      out.put("createdAt", t.createdAt.toString());
      out.put("updatedAt", t.updatedAt(now).toString());
    }
    return Answer.json(200, out);
  }

  /** Creates one field at once: 201 with the field as stored, or 400 with why not. */
  private Answer defineOne(Tenant tenant, EntityKind kind, JsonNode field) {
    synchronized (tenant) {
      tenant.settle(sandbox.clock.instant());
      String refused = RecordProcessor.defineOne(tenant, kind, field);
      if (refused != null) {
        throw BadRequest.of(refused);
      }
      Definition d = tenant.definition(kind, field.get("name").asText().trim());
      ObjectNode out = Json.object();
      out.put("name", d.name());
      ObjectNode type = out.putObject("type");
      type.put("name", d.type());
      type.set("options", Json.strings(d.options()));
      return Answer.json(201, out);
    }
  }

  private Answer definitions(Tenant tenant, EntityKind kind) {
    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("results");
    synchronized (tenant) {
      tenant.settle(sandbox.clock.instant());
      int position = 1;
      for (Definition d : tenant.definitions.get(kind).values()) {
        ObjectNode r = results.addObject();
        r.put("name", d.name());
        ObjectNode type = r.putObject("type");
        type.put("name", d.type());
        type.set("options", Json.strings(d.options()));
        r.putObject("configuration").put("position", position++);
      }
    }
    return Answer.json(200, out);
  }

  private Answer fetchOrganizations(Tenant tenant, JsonNode body) {
    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("results");
    synchronized (tenant) {
      tenant.settle(sandbox.clock.instant());
      Map<String, Organization> found = organizations(tenant, body, "ids");
      for (Organization o : found.values()) {
        results.addObject().put("id", o.id).put("name", o.name);
      }
    }
    return Answer.json(200, out);
  }

  private Answer fetchCustomers(Tenant tenant, JsonNode body) {
    Map<String, Customer> found = new LinkedHashMap<>();
    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("results");
    synchronized (tenant) {
      tenant.settle(sandbox.clock.instant());
      for (String id : Json.texts(body, "customerIds")) {
        Customer c = tenant.customers.get(id);
        if (c != null) {
          found.putIfAbsent(c.id, c);
        }
      }
      for (String email : Json.texts(body, "emails")) {
        Customer c = tenant.customerByEmail(email);
        if (c != null) {
          found.putIfAbsent(c.id, c);
        }
      }
      for (Customer c : found.values()) {
        ObjectNode r = results.addObject();
        r.put("id", c.id);
        r.put("email", c.email);
        if (c.displayName != null) {
          r.put("displayName", c.displayName);
        }
        details(r, c.details);
        ArrayNode orgs = r.putArray("organizations");
        for (String orgId : c.organizationIds) {
          Organization o = tenant.organizations.get(orgId);
          orgs.addObject().put("id", orgId).put("name", o == null ? null : o.name);
        }
      }
    }
    return Answer.json(200, out);
  }

  private Answer fetchOrganizationProfiles(Tenant tenant, JsonNode body) {
    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("results");
    synchronized (tenant) {
      tenant.settle(sandbox.clock.instant());
      Map<String, Organization> found = organizations(tenant, body, "organizationIds");
      for (Organization o : found.values()) {
        details(results.addObject().put("id", o.id).put("name", o.name), o.details);
      }
    }
    return Answer.json(200, out);
  }

  /** The organizations a fetch names, by id then by name, each once. Hold the tenant's monitor. */
  private static Map<String, Organization> organizations(
      Tenant tenant, JsonNode body, String idsKey) {
    Map<String, Organization> found = new LinkedHashMap<>();
    for (String id : Json.texts(body, idsKey)) {
      Organization o = tenant.organizations.get(id);
      if (o != null) {
        found.putIfAbsent(o.id, o);
      }
    }
    for (String name : Json.texts(body, "names")) {
      Organization o = tenant.organizationByName(name);
      if (o != null) {
        found.putIfAbsent(o.id, o);
      }
    }
    return found;
  }

  private static void details(ObjectNode record, Map<String, List<String>> values) {
    ArrayNode details = record.putArray("details");
    for (Map.Entry<String, List<String>> d : values.entrySet()) {
      details.addObject().put("name", d.getKey()).set("values", Json.strings(d.getValue()));
    }
  }

  private void send(HttpExchange ex, Answer answer) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("X-Request-Id", "sandbox-" + requestIds.incrementAndGet());
    answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    byte[] body = answer.body();
    ex.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
