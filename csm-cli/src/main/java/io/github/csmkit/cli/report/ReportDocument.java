package io.github.csmkit.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.hubspot.migration.MigrationReport;
import io.github.csmkit.hubspot.migration.Verification;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * report.json as the csmkit command writes it: the migration's own report (counts, failures,
 * verification) with a {@code schemaVersion}, the outcome (status, exit code, reason) and the job's
 * settings (never a token). {@code csmkit report}, {@code csmkit runs} and report.html read it
 * back.
 *
 * <p>Schema version 1: the top-level fields of {@link MigrationReport#writeJson} plus {@code
 * schemaVersion}, {@code tool}, {@code dryRun}, {@code outcome}, {@code settings}, {@code files},
 * {@code recordsNotImported}, {@code duplicatesSkipped} and {@code verification.skipped}. A later
 * version only adds fields, or bumps the number.
 */
public final class ReportDocument {
  /** The version of the document's layout. */
  public static final int SCHEMA_VERSION = 1;

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportDocument() {}

  /**
   * The outcome of a run.
   *
   * @param status {@code succeeded}, {@code failed} (above the threshold or verification failed) or
   *     {@code stopped} (interrupted, unresolved tasks, refused by CSM)
   * @param exitCode the command's exit code
   * @param reason why it is not {@code succeeded}, or null
   */
  public record Outcome(String status, int exitCode, String reason) {}

  /**
   * Writes the document to {@code file} (owner-only) and returns it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static ObjectNode write(
      Path file,
      MigrationReport report,
      String tool,
      Outcome outcome,
      ObjectNode settings,
      Map<String, String> files) {
    try {
      // the migration writes its own JSON; it is read back and wrapped, not rebuilt field by field
      report.writeJson(file);
      JsonNode migration = JSON.readTree(file.toFile());
      ObjectNode doc = JSON.createObjectNode();
      doc.put("schemaVersion", SCHEMA_VERSION).put("tool", tool);
      // at the top, where a script reading --json cannot miss it: nothing of a dry run is in CSM
      doc.put("dryRun", settings.path("dryRun").asBoolean());
      ObjectNode o = doc.putObject("outcome");
      o.put("status", outcome.status()).put("exitCode", outcome.exitCode());
      if (outcome.reason() != null) {
        o.put("reason", outcome.reason());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = migration.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        doc.set(e.getKey(), e.getValue());
      }
      doc.put("recordsNotImported", report.recordsNotImported())
          .put("duplicatesSkipped", report.duplicatesSkipped());
      ((ObjectNode) doc.path("verification"))
          .put("skipped", report.verification() == Verification.SKIPPED);
      doc.set("settings", settings);
      ObjectNode f = doc.putObject("files");
      files.forEach(f::put);
      try (OutputStream out = OwnerOnly.create(file)) {
        JSON.writeValue(out, doc);
      }
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  /**
   * Adds a section to a document {@link #write written} before and writes it again.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void addSection(Path file, ObjectNode doc, String name, JsonNode section) {
    doc.set(name, section);
    save(file, doc);
  }

  /**
   * Writes the document of a run that stopped before its migration began (a sync that HubSpot's
   * daily limit stopped while reading): its outcome, settings and the named section only.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static ObjectNode writeWithoutMigration(
      Path file, String tool, Outcome outcome, ObjectNode settings, JsonNode sync) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("schemaVersion", SCHEMA_VERSION).put("tool", tool);
    doc.put("dryRun", false);
    ObjectNode o = doc.putObject("outcome");
    o.put("status", outcome.status()).put("exitCode", outcome.exitCode());
    if (outcome.reason() != null) {
      o.put("reason", outcome.reason());
    }
    doc.set("settings", settings);
    doc.set("hubspotSync", sync);
    save(file, doc);
    return doc;
  }

  private static void save(Path file, ObjectNode doc) {
    try (OutputStream out = OwnerOnly.create(file)) {
      JSON.writeValue(out, doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file, e);
    }
  }

  /**
   * Reads a report.json.
   *
   * @throws UncheckedIOException when it cannot be read or is not JSON
   */
  public static ObjectNode read(Path file) {
    try {
      JsonNode n = JSON.readTree(Files.readString(file));
      if (!(n instanceof ObjectNode o)) {
        throw new IOException("not a JSON object");
      }
      return o;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report " + file, e);
    }
  }

  /** The document as one JSON text. */
  public static String toJson(JsonNode doc) {
    try {
      return JSON.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
