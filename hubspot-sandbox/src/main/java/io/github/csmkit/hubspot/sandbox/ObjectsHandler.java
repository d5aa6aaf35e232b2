package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** List, single read, batch read and property definitions of contacts and companies. */
final class ObjectsHandler {
  static final int LIST_MAX = 100;
  static final int BATCH_MAX = 100;

  private final HubSpotPortal portal;

  ObjectsHandler(HubSpotPortal portal) {
    this.portal = portal;
  }

  /** {@code GET /crm/v3/objects/{type}}: active (or, with archived=true, only archived) records. */
  Reply list(Request req) {
    int limit = Request.bounded(req.param("limit"), 10, LIST_MAX, "limit");
    long start = decodeCursor(req.param("after"));
    List<String> props = RecordJson.namesFromQuery(req.query().get("properties"));
    List<String> assocTypes = RecordJson.namesFromQuery(req.query().get("associations"));
    boolean archived = req.archived();
    synchronized (portal) {
      ArrayNode results = Reply.JSON.createArrayNode();
      Long next = null;
      for (StoredRecord r : portal.table(req.type()).tailMap(start, true).values()) {
        boolean listed = archived ? r.archivedAt != null && r.mergedInto == null : r.active();
        if (!listed) {
          continue;
        }
        if (results.size() == limit) {
          next = r.id;
          break;
        }
        ObjectNode o = RecordJson.render(r, props, portal.known(req.type()));
        if (assocTypes != null) {
          inlineAssociations(o, r, assocTypes);
        }
        results.add(o);
      }
      ObjectNode body = Reply.JSON.createObjectNode();
      body.set("results", results);
      if (next != null) {
        String cursor = encodeCursor(next);
        ObjectNode n = body.putObject("paging").putObject("next");
        n.put("after", cursor);
        n.put("link", "?after=" + cursor);
      }
      return new Reply(200, body);
    }
  }

  /** {@code GET /crm/v3/objects/{type}/{id}}; a merged-away id answers with the survivor. */
  Reply get(Request req, String rawId) {
    List<String> props = RecordJson.namesFromQuery(req.query().get("properties"));
    List<String> assocTypes = RecordJson.namesFromQuery(req.query().get("associations"));
    synchronized (portal) {
      StoredRecord r = resolve(req.type(), rawId, req.param("idProperty"));
      if (r == null || (r.archivedAt != null) != req.archived()) {
        return Reply.notFound("/crm/v3/objects/" + req.type().path() + "/" + rawId);
      }
      ObjectNode o = RecordJson.render(r, props, portal.known(req.type()));
      if (assocTypes != null) {
        inlineAssociations(o, r, assocTypes);
      }
      return new Reply(200, o);
    }
  }

  /** {@code POST /crm/v3/objects/{type}/batch/read}: 200, or 207 when some ids were not found. */
  Reply batchRead(Request req) {
    JsonNode body = req.json();
    JsonNode inputs = req.inputs(BATCH_MAX);
    List<String> props = RecordJson.namesFromJson(body.get("properties"));
    String idProperty = body.path("idProperty").asText(null);
    String startedAt = StoredRecord.WIRE_TIME.format(portal.now());
    synchronized (portal) {
      Map<Long, ObjectNode> found = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (JsonNode in : inputs) {
        String raw = in.path("id").asText("");
        StoredRecord r = resolve(req.type(), raw, idProperty);
        if (r == null || (r.archivedAt != null) != req.archived()) {
          missing.add(raw);
        } else {
          found.computeIfAbsent(r.id, k -> RecordJson.render(r, props, portal.known(req.type())));
        }
      }
      ObjectNode out = Reply.JSON.createObjectNode();
      out.put("status", "COMPLETE");
      out.putArray("results").addAll(found.values());
      if (!missing.isEmpty()) {
        out.put("numErrors", 1);
        ObjectNode err = out.putArray("errors").addObject();
        err.put("status", "error");
        err.put("category", "OBJECT_NOT_FOUND");
        err.put(
            "message",
            "Could not get some "
                + req.type().singular().toUpperCase(Locale.ROOT)
                + " objects, they may be deleted or not exist. Check that ids are valid.");
        ArrayNode ids = err.putObject("context").putArray("ids");
        missing.forEach(ids::add);
      }
      out.put("startedAt", startedAt);
      out.put("completedAt", StoredRecord.WIRE_TIME.format(portal.now()));
      return new Reply(missing.isEmpty() ? 200 : 207, out);
    }
  }

  /** {@code GET /crm/v3/properties/{type}}: a definition for every property the portal knows. */
  Reply properties(Request req) {
    synchronized (portal) {
      ObjectNode out = Reply.JSON.createObjectNode();
      ArrayNode results = out.putArray("results");
      Set<String> dates = Set.of("createdate", req.type().modifiedProperty());
      for (String name : portal.known(req.type())) {
        boolean date = dates.contains(name);
        ObjectNode p = results.addObject();
        p.put("name", name);
        p.put("label", name);
        p.put("type", date ? "datetime" : "string");
        p.put("fieldType", date ? "date" : "text");
        p.put("groupName", req.type().singular() + "information");
        p.put("description", "");
        p.putArray("options");
        p.put("hidden", false);
        p.put("hubspotDefined", !name.startsWith("custom"));
      }
      return new Reply(200, out);
    }
  }

  /** Contacts list their companies and companies their contacts, primary ones twice. */
  private void inlineAssociations(ObjectNode o, StoredRecord r, List<String> asked) {
    ObjectType other = r.type == ObjectType.CONTACTS ? ObjectType.COMPANIES : ObjectType.CONTACTS;
    if (asked.stream().map(ObjectType::fromPath).noneMatch(t -> t == other)) {
      return;
    }
    Map<Long, Boolean> assoc = portal.associations().of(r.type, r.id);
    if (assoc.isEmpty()) {
      return;
    }
    String base = r.type.singular() + "_to_" + other.singular();
    ArrayNode results = o.putObject("associations").putObject(other.path()).putArray("results");
    assoc.forEach(
        (id, primary) -> {
          if (primary) {
            results.addObject().put("id", Long.toString(id)).put("type", base);
          }
          results.addObject().put("id", Long.toString(id)).put("type", base + "_unlabeled");
        });
  }

  /** The record an input names (by id, following merges, or by a unique property), or null. */
  private StoredRecord resolve(ObjectType type, String raw, String idProperty) {
    if (idProperty != null && !idProperty.isEmpty() && !"hs_object_id".equals(idProperty)) {
      for (StoredRecord r : portal.table(type).values()) {
        if (r.active() && raw.equalsIgnoreCase(r.properties.get(idProperty))) {
          return r;
        }
      }
      return null;
    }
    try {
      return portal.resolve(type, Long.parseLong(raw.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** List cursors are opaque to clients, as HubSpot's are: the next id, base64-encoded. */
  static String encodeCursor(long nextId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Long.toString(nextId).getBytes(StandardCharsets.US_ASCII));
  }

  private static long decodeCursor(String after) {
    if (after == null || after.isEmpty()) {
      return Long.MIN_VALUE;
    }
    try {
      return Long.parseLong(
          new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw Reply.validation("Invalid paging cursor: after=" + after);
    }
  }
}
