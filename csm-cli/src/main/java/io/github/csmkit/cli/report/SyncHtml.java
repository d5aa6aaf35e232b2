package io.github.csmkit.cli.report;

import static io.github.csmkit.cli.report.Html.escape;
import static io.github.csmkit.cli.report.Html.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * report.html's sections for a run with a sync state: the delta per phase (created, updated,
 * unchanged, retried, gone…) and the records gone from the source, from report.json's {@code sync};
 * and, for {@code csmkit sync}, what was read from HubSpot, each type's watermark, the archived and
 * merged records and the HubSpot requests, from its {@code hubspotSync}. A run without a state has
 * neither section.
 */
final class SyncHtml {
  /** The delta's counts, in the order the summary prints them. */
  private static final String[][] DELTA = {
    {"read", "read"},
    {"created", "created"},
    {"updated", "updated"},
    {"unchanged", "unchanged"},
    {"retried", "retried"},
    {"failed", "failed"},
    {"rejected", "rejected"},
    {"skipped", "skipped"},
    {"gone", "gone"},
    {"partiallyImported", "partly imported"}
  };

  /** The phases with a delta: report.json's key is also the label. */
  private static final String[] PHASES = {"organizations", "customers"};

  private SyncHtml() {}

  /** The delta against the sync state, when the run had one. */
  static void state(StringBuilder h, JsonNode doc) {
    JsonNode sync = doc.path("sync");
    if (!sync.isObject()) {
      return;
    }
    h.append("<h2>Against the sync state</h2>\n<p class=\"muted\">State <code>")
        .append(escape(sync.path("location").asText()))
        .append("</code>, run <b id=\"state-run\">")
        .append(escape(sync.path("runId").asText()))
        .append("</b>")
        .append(sync.path("resumed").asBoolean() ? " (resumed a run that had not ended)" : "")
        .append(". Each record read is in exactly one column.</p>\n")
        .append("<table id=\"delta\"><thead><tr><th>phase</th>");
    for (String[] c : DELTA) {
      h.append("<th class=\"n\">").append(c[1]).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String p : PHASES) {
      JsonNode n = sync.path(p);
      if (!n.isObject()) {
        continue;
      }
      h.append("<tr><td>").append(p).append("</td>");
      for (String[] c : DELTA) {
        h.append(Html.cell("sync." + p + "." + c[0], n.path(c[0]).asLong()));
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
    for (String p : PHASES) {
      JsonNode gone = sync.path(p).path("goneRecords");
      if (gone.size() > 0) {
        h.append("<p>")
            .append(p)
            .append(" in the state but not in the source (reported, never deleted):</p>");
        Html.list(h, gone, p + " gone");
      }
      JsonNode partial = sync.path(p).path("partiallyImportedRecords");
      if (partial.size() > 0) {
        h.append("<p>").append(p).append(" partly imported:</p>");
        Html.list(h, partial, p + " partly imported");
      }
    }
  }

  /** What {@code csmkit sync} read from HubSpot, when the run was one. */
  static void hubspot(StringBuilder h, JsonNode doc) {
    JsonNode s = doc.path("hubspotSync");
    if (!s.isObject()) {
      return;
    }
    h.append("<h2>Read from HubSpot</h2>\n");
    if (s.hasNonNull("stopReason")) {
      h.append("<p id=\"sync-stop\"><b>Sync stopped:</b> ")
          .append(escape(s.path("stopReason").asText()))
          .append("</p>\n");
    }
    h.append("<table id=\"hubspot-read\"><thead><tr><th>type</th><th>read</th>")
        .append("<th>watermark before</th><th>watermark after</th>")
        .append("<th class=\"n\">already settled</th><th class=\"n\">archived</th>")
        .append("<th class=\"n\">merged</th></tr></thead><tbody>");
    String[] types = {"contacts", "companies"}; // report.json's keys, also the labels
    for (String t : types) {
      JsonNode p = s.path(t);
      h.append("<tr><td>")
          .append(t)
          .append("</td><td data-read=\"")
          .append(t)
          .append("\">")
          .append(escape(p.path("read").asText()))
          .append("</td><td>")
          .append(watermark(p.path("watermarkBefore")))
          .append("</td><td>")
          .append(watermark(p.path("watermarkAfter")))
          .append("</td>")
          .append(
              Html.cell("hubspotSync." + t + ".alreadySettled", p.path("alreadySettled").asLong()))
          .append(Html.cell("hubspotSync." + t + ".archived", p.path("archived").size()))
          .append(Html.cell("hubspotSync." + t + ".merged", p.path("merged").size()))
          .append("</tr>");
    }
    h.append("</tbody></table>\n<p class=\"note\">A watermark moves only when every record of")
        .append(" its type read up to it has settled in the state; one held back is read again")
        .append(" by the next sync.</p>\n");
    for (String t : types) {
      archived(h, t, s.path(t).path("archived"));
      merged(h, t, s.path(t).path("merged"));
    }
    h.append("<p>HubSpot requests: <b data-count=\"hubspotSync.hubspotRequestsTotal\">")
        .append(number(s.path("hubspotRequestsTotal").asLong()))
        .append("</b>");
    StringBuilder by = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("hubspotRequests").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      by.append(by.length() == 0 ? "" : ", ")
          .append(escape(e.getKey().toLowerCase(java.util.Locale.ROOT)))
          .append(' ')
          .append(number(e.getValue().asLong()));
    }
    if (by.length() > 0) {
      h.append(" (").append(by).append(')');
    }
    h.append(".</p>\n");
  }

  private static void archived(StringBuilder h, String type, JsonNode rows) {
    table(
        h,
        rows,
        "archived-" + type,
        type + " archived in HubSpot (reported; their CSM records are left as they are)",
        new String[] {"HubSpot id", "archived at", "CSM id", "email or name"},
        a ->
            new String[] {
              a.path("hubSpotId").asText(),
              Html.time(a.path("archivedAt").asText()),
              a.path("csmId").asText("not in CSM"),
              a.path("identity").asText("")
            });
  }

  private static void merged(StringBuilder h, String type, JsonNode rows) {
    table(
        h,
        rows,
        "merged-" + type,
        type + " merged in HubSpot (the survivor keeps its CSM record)",
        new String[] {"merged id", "its CSM id", "survivor id", "survivor's CSM id"},
        m ->
            new String[] {
              m.path("mergedId").asText(),
              m.path("mergedCsmId").asText(""),
              m.path("survivorId").asText(),
              m.path("survivorCsmId").asText("")
            });
  }

  /** Up to {@link HtmlReport#GROUPS} rows under a caption, the rest counted; none: nothing. */
  private static void table(
      StringBuilder h,
      JsonNode rows,
      String id,
      String caption,
      String[] headers,
      Function<JsonNode, String[]> cells) {
    if (rows.size() == 0) {
      return;
    }
    h.append("<p>").append(escape(caption)).append(":</p><table id=\"").append(id);
    h.append("\"><thead><tr>");
    for (String header : headers) {
      h.append("<th>").append(escape(header)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    int shown = 0;
    for (JsonNode row : rows) {
      if (shown++ == HtmlReport.GROUPS) {
        break;
      }
      h.append("<tr>");
      for (String cell : cells.apply(row)) {
        h.append("<td class=\"wrap\">").append(escape(cell)).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
    if (rows.size() > HtmlReport.GROUPS) {
      h.append("<p class=\"note\">")
          .append(number(rows.size() - HtmlReport.GROUPS))
          .append(" more in report.json.</p>\n");
    }
  }

  private static String watermark(JsonNode t) {
    return t.isTextual() ? escape(Html.time(t.asText())) : "none (read in full)";
  }
}
