package io.github.csmkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.hubspot.migration.HubSpotSyncReport;
import java.time.Instant;
import java.util.Optional;

/** The {@code hubspotSync} section of a sync's report.json: what a migration report lacks. */
final class SyncJson {
  private SyncJson() {}

  static ObjectNode of(HubSpotSyncReport r) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jobId", r.jobId()).put("runId", r.runId()).put("complete", r.complete());
    r.stopReason().ifPresent(s -> n.put("stopReason", s));
    part(n.putObject("contacts"), r.contacts());
    part(n.putObject("companies"), r.companies());
    ObjectNode q = n.putObject("hubspotRequests");
    r.requests().forEach((e, c) -> q.put(e.name(), c));
    n.put("hubspotRequestsTotal", r.totalRequests());
    return n;
  }

  private static void part(ObjectNode n, HubSpotSyncReport.Part p) {
    n.put("read", !p.read() ? "not read" : p.full() ? "full" : "incremental");
    time(n, "watermarkBefore", p.watermarkBefore());
    time(n, "watermarkAfter", p.watermarkAfter());
    n.put("watermarkMoved", p.watermarkMoved()).put("alreadySettled", p.alreadySettled());
    ArrayNode archived = n.putArray("archived");
    for (HubSpotSyncReport.Archived a : p.archived()) {
      ObjectNode o = archived.addObject();
      o.put("hubSpotId", a.hubSpotId()).put("archivedAt", a.archivedAt().toString());
      a.csmId().ifPresent(id -> o.put("csmId", id));
      a.identity().ifPresent(id -> o.put("identity", id));
    }
    ArrayNode merged = n.putArray("merged");
    for (HubSpotSyncReport.Merged m : p.merged()) {
      ObjectNode o = merged.addObject();
      o.put("mergedId", m.mergedId()).put("survivorId", m.survivorId());
      m.mergedCsmId().ifPresent(id -> o.put("mergedCsmId", id));
      m.survivorCsmId().ifPresent(id -> o.put("survivorCsmId", id));
    }
  }

  private static void time(ObjectNode n, String name, Optional<Instant> t) {
    if (t.isPresent()) {
      n.put(name, t.get().toString());
    } else {
      n.putNull(name);
    }
  }
}
