package io.github.csmkit.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The text summary of a run, drawn from its report document: the same lines after a migration and
 * from {@code csmkit report RUN-FOLDER} later.
 */
public final class RunSummary {
  /** The phases of a report document, in the order they run, with the names people read. */
  public static final List<String[]> PHASES =
      List.of(
          new String[] {"customerDetailFields", "customer detail fields"},
          new String[] {"organizationDetailFields", "organization detail fields"},
          new String[] {"organizations", "organizations"},
          new String[] {"customers", "customers"});

  private RunSummary() {}

  /** The summary's lines, each ending in a newline. */
  public static String text(JsonNode doc) {
    StringBuilder s = new StringBuilder();
    if (doc.at("/settings/dryRun").asBoolean(false)) {
      s.append("DRY RUN: nothing was written to CSM; this ran against an embedded sandbox.\n");
    }
    s.append("Migration ")
        .append(doc.path("jobId").asText())
        .append(" in ")
        .append(Durations.human(elapsed(doc)))
        .append('\n');
    JsonNode phases = doc.path("phases");
    for (String[] p : PHASES) {
      JsonNode n = phases.path(p[0]);
      if (n.isMissingNode()) {
        continue;
      }
      s.append("  ").append(p[1]).append(": ").append(line(n));
      if (p[0].equals("organizations")) {
        s.append(", ")
            .append(n.path("alreadyPresent").asLong())
            .append(" already in CSM, ")
            .append(n.path("excluded").asLong())
            .append(" excluded");
      } else if (p[0].equals("customers")) {
        s.append(", ")
            .append(n.path("excluded").asLong())
            .append(" excluded, ")
            .append(n.path("unknownOrganizationReferences").asLong())
            .append(" unknown organization references");
      }
      s.append('\n');
    }
    long warnings = doc.at("/mappingWarnings/count").asLong();
    if (warnings > 0) {
      s.append("  mapping warnings: ").append(warnings).append(" (values left out or changed)\n");
    }
    JsonNode v = doc.path("verification");
    if (!v.path("skipped").asBoolean(false)) {
      s.append("  verification: ")
          .append(v.path("customersChecked").asLong())
          .append(" customers checked, ")
          .append(v.path("problems").size())
          .append(" problems, ")
          .append(v.path("organizationsMissing").size())
          .append(" organizations missing\n");
    }
    doc.path("notes").forEach(n -> s.append("  note: ").append(n.asText()).append('\n'));
    if (doc.hasNonNull("stopReason")) {
      s.append("  STOPPED: ").append(doc.path("stopReason").asText()).append('\n');
    }
    JsonNode notReached = doc.path("phasesNotReached");
    if (notReached.isArray() && !notReached.isEmpty()) {
      List<String> names = new java.util.ArrayList<>();
      notReached.forEach(n -> names.add(n.asText()));
      s.append("  not reached: ")
          .append(String.join(", ", names))
          .append(" (nothing of them was read or sent)\n");
    }
    s.append(
        String.format(
            Locale.ROOT,
            "  failure rate: %.1f%% (threshold %.1f%%)%n",
            doc.path("failureRate").asDouble() * 100,
            doc.at("/settings/failureThreshold").asDouble(0.05) * 100));
    return s.toString();
  }

  /** One phase: read, imported, failed, rejected, duplicates, unresolved, not sent. */
  static String line(JsonNode n) {
    long unattributed = unattributed(n);
    return n.path("read").asLong()
        + " read, "
        + n.path("imported").asLong()
        + " imported, "
        + n.path("failed").asLong()
        + " failed, "
        + n.path("rejected").asLong()
        + " rejected, "
        + n.path("duplicates").asLong()
        + " duplicates, "
        + n.path("unresolved").asLong()
        + " unresolved, "
        + n.path("notSubmitted").asLong()
        + " not sent"
        + (unattributed > 0 ? ", " + unattributed + " unattributed server failures" : "");
  }

  /** Server failures that named no record: the array's size (the count shares its name). */
  static long unattributed(JsonNode phase) {
    JsonNode u = phase.path("unattributed");
    return u.isArray() ? u.size() : u.asLong();
  }

  /** From startedAt to finishedAt; zero when either is missing. */
  public static Duration elapsed(JsonNode doc) {
    try {
      return Duration.between(
          Instant.parse(doc.path("startedAt").asText()),
          Instant.parse(doc.path("finishedAt").asText()));
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }
}
