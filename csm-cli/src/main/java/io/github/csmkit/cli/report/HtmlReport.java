package io.github.csmkit.cli.report;

import static io.github.csmkit.cli.report.Html.escape;
import static io.github.csmkit.cli.report.Html.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page to open in a browser and forward. Counts per phase as bars,
 * records imported over time (from the batch log), failures grouped by stage and rule with
 * examples, the dead-letter rows, verification and the job's settings. Inline CSS, SVG and one
 * small script, pinned by a Content-Security-Policy that allows nothing else: no request leaves the
 * page. At any size it stays small: tables show at most {@link #ROWS} rows, with totals.
 */
public final class HtmlReport {
  /** Dead-letter rows embedded (paged in the browser); the rest are counted. */
  static final int ROWS = 1000;

  /** Rows per page of the dead-letter table. */
  static final int PAGE = 50;

  /** Failure groups and verification problems shown. */
  static final int GROUPS = 200;

  static final String[][] COUNTS = {
    {"imported", "imported", "#2e7d32"},
    {"failed", "failed at CSM", "#c62828"},
    {"rejected", "rejected locally", "#ef6c00"},
    {"duplicates", "duplicates", "#78909c"},
    {"unresolved", "unresolved", "#6a1b9a"},
    {"notSubmitted", "not sent", "#bdbdbd"}
  };

  private static final String STYLE =
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;"
          + "max-width:1100px;padding:0 16px;color:#212121}"
          + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;"
          + "border-bottom:1px solid #e0e0e0;padding-bottom:4px}"
          + "table{border-collapse:collapse;width:100%;margin:6px 0}"
          + "th,td{border:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}"
          + "th{background:#f5f5f5}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
          + "td.wrap{word-break:break-word}"
          + ".status{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;"
          + "font-weight:600}.succeeded{background:#2e7d32}.failed{background:#c62828}"
          + ".stopped{background:#ef6c00}.muted{color:#616161}.note{color:#616161;margin:4px 0}"
          + "svg .axis{font-size:12px;fill:#424242}svg .frame{stroke:#9e9e9e}"
          + ".legend span{display:inline-block;margin-right:14px}"
          + ".legend i{display:inline-block;width:11px;height:11px;margin-right:4px}"
          + ".pager button{margin-right:6px}"
          + colorsCss();

  private static final String SCRIPT =
      "(function(){var t=document.getElementById('dead-letters');if(!t){return;}"
          + "var rows=t.tBodies[0].rows,size="
          + PAGE
          + ",page=0,pages=Math.max(1,Math.ceil(rows.length/size));"
          + "var info=document.getElementById('page-info'),p=document.getElementById('pager');"
          + "function show(){for(var i=0;i<rows.length;i++){rows[i].hidden="
          + "(Math.floor(i/size)!==page);}info.textContent='page '+(page+1)+' of '+pages;}"
          + "document.getElementById('prev').addEventListener('click',function(){"
          + "if(page>0){page--;show();}});"
          + "document.getElementById('next').addEventListener('click',function(){"
          + "if(page<pages-1){page++;show();}});p.hidden=false;show();})();";

  private HtmlReport() {}

  /**
   * Writes the page for a report document and its batch log (owner-only: it holds emails).
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public static void write(Path file, JsonNode doc, List<JsonNode> batches) {
    try {
      OwnerOnly.write(file, render(doc, batches));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the HTML report to " + file, e);
    }
  }

  /** The page's HTML. */
  public static String render(JsonNode doc, List<JsonNode> batches) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String jobId = jobId(doc);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src '")
        .append(sha256(STYLE))
        .append("'; script-src '")
        .append(sha256(SCRIPT))
        .append("'; img-src data:\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>csmkit report: ")
        .append(escape(jobId))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    header(h, doc);
    phases(h, doc);
    SyncHtml.state(h, doc);
    SyncHtml.hubspot(h, doc);
    overTime(h, doc, batches);
    failureGroups(h, doc);
    deadLetters(h, doc);
    verification(h, doc);
    settings(h, doc);
    h.append("<p class=\"muted\">Written by ")
        .append(escape(doc.path("tool").asText("csmkit")))
        .append(" (report schema ")
        .append(doc.path("schemaVersion").asInt())
        .append("). Unofficial; not affiliated with Atlassian or HubSpot.</p>\n");
    h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, JsonNode doc) {
    String status = doc.at("/outcome/status").asText("unknown");
    h.append(doc.has("hubspotSync") ? "<h1>csmkit sync <code>" : "<h1>csmkit migration <code>")
        .append(escape(jobId(doc)))
        .append("</code></h1>\n<p><span class=\"status ")
        .append(escape(status))
        .append("\" id=\"status\">")
        .append(escape(status))
        .append("</span> exit code <b id=\"exit-code\">")
        .append(doc.at("/outcome/exitCode").asInt())
        .append("</b>");
    if (doc.at("/settings/dryRun").asBoolean(false)) {
      h.append(" &middot; <b>DRY RUN</b>: nothing was written to CSM");
    }
    h.append("</p>\n");
    if (doc.at("/outcome/reason").isTextual()) {
      h.append("<p id=\"reason\">")
          .append(escape(doc.at("/outcome/reason").asText()))
          .append("</p>");
    }
    h.append("<p class=\"muted\">Started ")
        .append(escape(Html.time(doc.path("startedAt").asText())))
        .append(", finished ")
        .append(escape(Html.time(doc.path("finishedAt").asText())))
        .append(" (")
        .append(escape(Durations.human(RunSummary.elapsed(doc))))
        .append("). Target ")
        .append(escape(doc.at("/settings/target").asText("?")))
        .append(". Failure rate <span data-rate=\"failureRate\">")
        .append(
            String.format(
                java.util.Locale.ROOT, "%.1f%%", doc.path("failureRate").asDouble() * 100))
        .append("</span>; records not imported <span data-count=\"recordsNotImported\">")
        .append(number(doc.path("recordsNotImported").asLong()))
        .append("</span>, duplicates skipped <span data-count=\"duplicatesSkipped\">")
        .append(number(doc.path("duplicatesSkipped").asLong()))
        .append("</span>.</p>\n");
    if (doc.hasNonNull("stopReason")) {
      h.append("<p><b>Stopped:</b> ")
          .append(escape(doc.path("stopReason").asText()))
          .append("</p>");
    }
    JsonNode failure = doc.path("failure");
    if (failure.isObject()) {
      h.append("<p id=\"failure\"><b>")
          .append(failure.path("interrupted").asBoolean() ? "Interrupted" : "Ended by an error")
          .append("</b> in the ")
          .append(escape(failure.path("phase").asText()))
          .append(" phase (")
          .append(escape(failure.path("error").asText()))
          .append("): ")
          .append(escape(failure.path("message").asText()))
          .append("</p>\n");
    }
    JsonNode notReached = doc.path("phasesNotReached");
    if (notReached.size() > 0) {
      List<String> names = new ArrayList<>();
      notReached.forEach(n -> names.add(n.asText()));
      h.append("<p id=\"not-reached\"><b>Not reached:</b> ")
          .append(escape(String.join(", ", names)))
          .append(" (nothing of them was read or sent).</p>\n");
    }
  }

  /** The job's id; a sync that stopped before its migration has it in its own section only. */
  private static String jobId(JsonNode doc) {
    return doc.hasNonNull("jobId")
        ? doc.path("jobId").asText()
        : doc.at("/hubspotSync/jobId").asText("");
  }

  private static void phases(StringBuilder h, JsonNode doc) {
    h.append("<h2>Records per phase</h2>\n");
    List<String> labels = new ArrayList<>();
    List<List<Svg.Segment>> rows = new ArrayList<>();
    StringBuilder table = new StringBuilder("<table id=\"counts\"><thead><tr><th>phase</th>");
    table.append("<th class=\"n\">read</th>");
    for (String[] c : COUNTS) {
      table.append("<th class=\"n\">").append(c[1]).append("</th>");
    }
    table.append(
        "<th class=\"n\">unattributed</th><th class=\"n\">batches</th></tr></thead><tbody>");
    for (String[] p : RunSummary.PHASES) {
      JsonNode n = doc.path("phases").path(p[0]);
      if (n.isMissingNode()) {
        continue;
      }
      labels.add(p[1]);
      List<Svg.Segment> segments = new ArrayList<>();
      table.append("<tr><td>").append(p[1]).append("</td>");
      table.append(Html.cell(p[0] + ".read", n.path("read").asLong()));
      for (String[] c : COUNTS) {
        long v = n.path(c[0]).asLong();
        segments.add(new Svg.Segment(c[1], v, c[2]));
        table.append(Html.cell(p[0] + "." + c[0], v));
      }
      table.append(Html.cell(p[0] + ".unattributed", RunSummary.unattributed(n)));
      table.append(Html.cell(p[0] + ".batches", n.path("batches").asLong()));
      table.append("</tr>");
      rows.add(segments);
    }
    table.append("</tbody></table>\n");
    h.append(Svg.stackedBars("Records per phase", labels, rows)).append('\n');
    h.append("<p class=\"legend\">");
    for (String[] c : COUNTS) {
      h.append("<span><i class=\"c-").append(c[0]).append("\"></i>").append(c[1]).append("</span>");
    }
    h.append("</p>\n").append(table);
  }

  private static void overTime(StringBuilder h, JsonNode doc, List<JsonNode> batches) {
    h.append("<h2>Records imported over time</h2>\n");
    Instant start;
    try {
      start = Instant.parse(doc.path("startedAt").asText());
    } catch (DateTimeParseException e) {
      start = Instant.EPOCH;
    }
    List<Svg.Series> series = new ArrayList<>();
    String[][] shown = {{"organizations", "#1565c0"}, {"customers", "#2e7d32"}};
    for (String[] phase : shown) {
      List<JsonNode> done = new ArrayList<>();
      for (JsonNode b : batches) {
        if (phase[0].equals(b.path("phase").asText()) && b.path("completedAt").isTextual()) {
          done.add(b);
        }
      }
      done.sort(java.util.Comparator.comparing(b -> b.path("completedAt").asText()));
      List<double[]> points = new ArrayList<>();
      long total = 0;
      for (JsonNode b : done) {
        total += Math.max(0, b.path("recordCount").asLong() - b.path("failureCount").asLong());
        double t =
            java.time.Duration.between(start, Instant.parse(b.path("completedAt").asText()))
                    .toMillis()
                / 1000.0;
        points.add(new double[] {Math.max(0, t), total});
      }
      if (!points.isEmpty()) {
        series.add(new Svg.Series(phase[0], phase[1], points));
      }
    }
    if (series.isEmpty()) {
      h.append("<p class=\"note\">No batch finished in this run.</p>\n");
      return;
    }
    h.append(Svg.lines("Records imported over time", series)).append('\n');
    h.append("<p class=\"note\">Counted as each batch's task ended: records sent minus the ")
        .append("failures the task reported; from batches.jsonl (")
        .append(number(batches.size()))
        .append(" batches).</p>\n");
  }

  private static void failureGroups(StringBuilder h, JsonNode doc) {
    h.append("<h2>Failures by stage and rule</h2>\n");
    FailureGroups groups = FailureGroups.of(doc);
    if (groups.total() == 0) {
      h.append("<p class=\"note\" id=\"no-failures\">No record failed.</p>\n");
      return;
    }
    h.append("<p>Total: <b data-count=\"failures.total\">")
        .append(number(groups.total()))
        .append("</b> records in ")
        .append(number(groups.groups().size()))
        .append(" groups.</p>\n<table id=\"failure-groups\"><thead><tr><th>phase</th>")
        .append("<th>stage</th><th>rule</th><th class=\"n\">records</th><th>examples</th>")
        .append("</tr></thead><tbody>");
    int shown = 0;
    for (FailureGroups.Group g : groups.groups()) {
      if (shown++ == GROUPS) {
        break;
      }
      h.append("<tr><td>")
          .append(escape(g.phase()))
          .append("</td><td>")
          .append(escape(g.stage()))
          .append("</td><td>")
          .append(escape(g.rule()))
          .append("</td><td class=\"n\">")
          .append(number(g.count()))
          .append("</td><td class=\"wrap\">");
      for (String[] e : g.examples()) {
        h.append(escape(e[1])).append(": ").append(escape(e[0])).append("<br>");
      }
      h.append("</td></tr>");
    }
    h.append("</tbody></table>\n");
    if (groups.groups().size() > GROUPS) {
      h.append("<p class=\"note\">The ")
          .append(number(groups.groups().size() - GROUPS))
          .append(" smallest groups are not shown; every record is in dead-letters.csv.</p>\n");
    }
  }

  private static void deadLetters(StringBuilder h, JsonNode doc) {
    long total = 0;
    for (String[] p : RunSummary.PHASES) {
      total += doc.path("phases").path(p[0]).path("failures").size();
    }
    h.append("<h2>Dead letters</h2>\n");
    if (total == 0) {
      h.append("<p class=\"note\">None.</p>\n");
    } else {
      h.append("<p>")
          .append(total > ROWS ? "The first " + number(ROWS) + " of " : "All ")
          .append("<b data-count=\"deadLetters.total\">")
          .append(number(total))
          .append("</b> records that did not import")
          .append(total > ROWS ? "; every one is in " : ", as in ")
          .append(escape(doc.at("/files/deadLetters").asText("dead-letters.csv")))
          .append(".</p>\n<p class=\"pager\" id=\"pager\" hidden>")
          .append("<button id=\"prev\" type=\"button\">previous</button>")
          .append("<button id=\"next\" type=\"button\">next</button>")
          .append("<span id=\"page-info\"></span></p>\n")
          .append("<table id=\"dead-letters\"><thead><tr><th>phase</th><th class=\"n\">#</th>")
          .append("<th>stage</th><th>rule</th><th>message</th><th>record</th>")
          .append("<th class=\"n\">batch</th></tr></thead><tbody>");
      int rows = 0;
      outer:
      for (String[] p : RunSummary.PHASES) {
        for (JsonNode f : doc.path("phases").path(p[0]).path("failures")) {
          if (rows++ == ROWS) {
            break outer;
          }
          h.append("<tr><td>")
              .append(p[1])
              .append("</td><td class=\"n\">")
              .append(f.path("index").asLong())
              .append("</td><td>")
              .append(escape(f.path("stage").asText()))
              .append("</td><td>")
              .append(escape(f.path("rule").asText("")))
              .append("</td><td class=\"wrap\">")
              .append(escape(f.path("message").asText()))
              .append("</td><td class=\"wrap\">")
              .append(escape(f.path("record").asText()))
              .append("</td><td class=\"n\">")
              .append(f.has("batch") ? String.valueOf(f.path("batch").asInt()) : "")
              .append("</td></tr>");
        }
      }
      h.append("</tbody></table>\n");
    }
    long unattributed = 0;
    for (String[] p : RunSummary.PHASES) {
      unattributed += RunSummary.unattributed(doc.path("phases").path(p[0]));
    }
    if (unattributed > 0) {
      h.append("<p><b data-count=\"unattributed.total\">")
          .append(number(unattributed))
          .append("</b> server failures named no record of their batch (counted, in report.json).")
          .append("</p>\n");
    }
  }

  private static void verification(StringBuilder h, JsonNode doc) {
    JsonNode v = doc.path("verification");
    h.append("<h2>Verification</h2>\n");
    if (v.path("skipped").asBoolean(false)) {
      h.append("<p class=\"note\">Skipped.</p>\n");
      return;
    }
    h.append("<p>")
        .append(v.path("passed").asBoolean() ? "Passed" : "<b>Failed</b>")
        .append(": <span data-count=\"verification.customersChecked\">")
        .append(number(v.path("customersChecked").asLong()))
        .append("</span> customers checked, <span data-count=\"verification.problems\">")
        .append(number(v.path("problems").size()))
        .append("</span> problems, <span data-count=\"verification.organizationsMissing\">")
        .append(number(v.path("organizationsMissing").size()))
        .append("</span> organizations missing.</p>\n");
    Html.list(h, v.path("problems"), "problems");
    Html.list(h, v.path("organizationsMissing"), "organizations missing");
  }

  private static void settings(StringBuilder h, JsonNode doc) {
    h.append("<h2>Settings</h2>\n<table id=\"settings\"><tbody>");
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("settings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      h.append("<tr><th>")
          .append(escape(e.getKey()))
          .append("</th><td class=\"wrap\">")
          .append(escape(v.isValueNode() ? v.asText() : v.toString()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n<h2>Files</h2>\n<table id=\"files\"><tbody>");
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("files").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      h.append("<tr><th>")
          .append(escape(e.getKey()))
          .append("</th><td class=\"wrap\">")
          .append(escape(e.getValue().asText()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static String colorsCss() {
    StringBuilder s = new StringBuilder();
    for (String[] c : COUNTS) {
      s.append(".c-").append(c[0]).append("{background:").append(c[2]).append('}');
    }
    return s.toString();
  }

  /** The CSP source for an inline block: only this exact text may run or style the page. */
  static String sha256(String inline) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
