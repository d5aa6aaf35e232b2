package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /crm/v4/associations/{from}/{to}/batch/read}: every association of up to 1,000
 * records, paged per input, with HubSpot's type ids (contact→company 279, primary 1;
 * company→contact 280, primary 2).
 */
final class AssociationsHandler {
  static final int INPUT_MAX = 1000;

  private final HubSpotPortal portal;
  private final int pageSize;

  AssociationsHandler(HubSpotPortal portal, int pageSize) {
    this.portal = portal;
    this.pageSize = pageSize;
  }

  Reply batchRead(ObjectType from, ObjectType to, Request req) {
    if (from == to) {
      throw Reply.validation(
          "the sandbox serves contact-company associations only, not "
              + from.path()
              + "-"
              + to.path());
    }
    JsonNode inputs = req.inputs(INPUT_MAX);
    int unlabeled = from == ObjectType.CONTACTS ? 279 : 280;
    int primaryType = from == ObjectType.CONTACTS ? 1 : 2;
    String startedAt = StoredRecord.WIRE_TIME.format(portal.now());
    ObjectNode out = Reply.JSON.createObjectNode();
    ArrayNode results = out.putArray("results");
    List<String> missing = new ArrayList<>();
    synchronized (portal) {
      for (JsonNode in : inputs) {
        String raw = in.path("id").asText("");
        int offset = Request.offset(in.path("after").asText(null));
        StoredRecord r = lookup(from, raw);
        Map<Long, Boolean> assoc = r == null ? Map.of() : portal.associations().of(from, r.id);
        if (assoc.isEmpty()) {
          missing.add(raw);
          continue;
        }
        ObjectNode res = results.addObject();
        res.putObject("from").put("id", raw);
        ArrayNode toList = res.putArray("to");
        List<Map.Entry<Long, Boolean>> entries = new ArrayList<>(assoc.entrySet());
        int end = Math.min(entries.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
          ObjectNode t = toList.addObject();
          t.put("toObjectId", entries.get(i).getKey());
          ArrayNode types = t.putArray("associationTypes");
          if (entries.get(i).getValue()) {
            types
                .addObject()
                .put("category", "HUBSPOT_DEFINED")
                .put("typeId", primaryType)
                .put("label", "Primary");
          }
          types
              .addObject()
              .put("category", "HUBSPOT_DEFINED")
              .put("typeId", unlabeled)
              .putNull("label");
        }
        if (end < entries.size()) {
          res.putObject("paging").putObject("next").put("after", Integer.toString(end));
        }
      }
    }
    out.put("status", "COMPLETE");
    if (!missing.isEmpty()) {
      out.put("numErrors", missing.size());
      ArrayNode errors = out.putArray("errors");
      for (String id : missing) {
        ObjectNode e = errors.addObject();
        e.put("status", "error");
        e.put("category", "OBJECT_NOT_FOUND");
        e.put("subCategory", "crm.associations.NO_ASSOCIATIONS_FOUND");
        e.put(
            "message",
            "No " + to.singular() + " is associated with " + from.singular() + " " + id + ".");
        e.putObject("context").putArray("fromObjectId").add(id);
      }
    }
    out.put("startedAt", startedAt);
    out.put("completedAt", StoredRecord.WIRE_TIME.format(portal.now()));
    return new Reply(missing.isEmpty() ? 200 : 207, out);
  }

  /** Active records only: an archived or merged-away record has no associations to read. */
  private StoredRecord lookup(ObjectType type, String raw) {
    try {
      StoredRecord r = portal.table(type).get(Long.parseLong(raw.trim()));
      return r != null && r.active() ? r : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
