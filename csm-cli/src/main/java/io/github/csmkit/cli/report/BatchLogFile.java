package io.github.csmkit.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import io.github.csmkit.hubspot.migration.MigrationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batch log of every phase as JSON Lines (batches.jsonl), one object per batch: phase, batch
 * number, records, task, idempotency key, final status, failures, submitted and completed times.
 * The "imported over time" chart of report.html is drawn from it.
 */
public final class BatchLogFile {
  private static final JsonFactory JSON = new JsonFactory();

  private BatchLogFile() {}

  /**
   * Writes the log (owner-only).
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public static void write(Path file, MigrationReport report) {
    try (OutputStream out = OwnerOnly.create(file);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      phase(g, "customerDetailFields", report.customerFields());
      phase(g, "organizationDetailFields", report.organizationFields());
      phase(g, "organizations", report.organizations());
      phase(g, "customers", report.customers());
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the batch log to " + file, e);
    }
  }

  private static void phase(JsonGenerator g, String phase, Optional<? extends ImportReport<?>> r)
      throws IOException {
    if (r.isEmpty()) {
      return;
    }
    for (BatchLog b : r.get().batches()) {
      g.writeStartObject();
      g.writeStringField("phase", phase);
      g.writeNumberField("batch", b.batch());
      g.writeNumberField("recordCount", b.recordCount());
      g.writeStringField("taskId", b.taskId().orElse(null));
      g.writeStringField("idempotencyKey", b.idempotencyKey());
      g.writeStringField("finalStatus", b.finalStatus());
      g.writeNumberField("failureCount", b.failureCount());
      g.writeStringField("submittedAt", b.submittedAt().toString());
      g.writeStringField("completedAt", b.completedAt().map(Instant::toString).orElse(null));
      g.writeEndObject();
    }
  }

  /**
   * Reads a batch log back; an absent file is an empty log.
   *
   * @throws UncheckedIOException when it cannot be read
   */
  public static List<JsonNode> read(Path file) {
    List<JsonNode> batches = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return batches;
    }
    ObjectMapper m = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          batches.add(m.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the batch log " + file, e);
    }
    return batches;
  }
}
