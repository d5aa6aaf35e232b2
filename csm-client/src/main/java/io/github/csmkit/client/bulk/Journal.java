package io.github.csmkit.client.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.client.model.TaskFailure;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The import's memory across crashes: an append-only JSON Lines file, forced to disk after every
 * entry. One header line names the job; then a {@code submitted} line when a batch's task is known
 * and a {@code finished} line with the failures when the task ended. A crash can tear only the last
 * line, which is dropped on open (its batch is then redone with the same idempotency key, which the
 * server answers with the same task). The header also names the site written to (its base URL,
 * never a credential) and whether the run was a dry run: a journal of one site, or of a dry run,
 * never makes a run against another site, or a real run, skip its batches. The file holds emails in
 * failures: owner-only permissions.
 */
final class Journal implements Closeable {
  static final int VERSION = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A batch whose task was created. */
  record Submitted(int batch, String key, String taskId, Optional<String> statusUrl, Instant at) {}

  /** A failed item of a finished batch, by its position in the batch. */
  record ItemFailure(int item, ImportReport.Stage stage, String message) {}

  /** A batch whose task ended. */
  record Finished(
      int batch,
      String key,
      String status,
      List<ItemFailure> failures,
      List<TaskFailure> unattributed,
      Instant completedAt) {}

  private final Path file;
  private final FileChannel channel;
  private final Map<Integer, Submitted> submitted = new HashMap<>();
  private final Map<Integer, Finished> finished = new HashMap<>();
  private int highestBatch;
  private boolean closed;

  private Journal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens (or creates) the journal of a job. Reads what an earlier run wrote, drops a torn last
   * line, and checks that it was written for the same job, target, site and mode.
   *
   * @param site the base URL written to (no credential in it)
   * @param dryRun whether this run is a dry run
   * @throws JournalMismatchException when it belongs to another job, target, site or mode, or is
   *     corrupt
   */
  static Journal open(Path file, String jobId, String target, String site, boolean dryRun) {
    try {
      SecureFiles.ensureOwnerOnly(file);
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--; // a torn last line: the crash happened while writing it
      }
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
      if (end < bytes.length) {
        channel.truncate(end);
        channel.force(true);
      }
      channel.position(end);
      Journal journal = new Journal(file, channel);
      try {
        journal.load(
            new String(bytes, 0, end, StandardCharsets.UTF_8),
            new Header(jobId, target, site, dryRun));
      } catch (RuntimeException e) {
        channel.close();
        throw e;
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal " + file, e);
    }
  }

  /** Whom a journal belongs to: the first line. */
  private record Header(String jobId, String target, String site, boolean dryRun) {
    String describe() {
      return "job '" + jobId + "' for " + target + " at " + site + (dryRun ? " (a dry run)" : "");
    }
  }

  private void load(String text, Header expected) throws IOException {
    String[] lines = text.isEmpty() ? new String[0] : text.split("\n");
    if (lines.length == 0) {
      ObjectNode header = JSON.createObjectNode();
      header
          .put("type", "job")
          .put("version", VERSION)
          .put("jobId", expected.jobId())
          .put("target", expected.target())
          .put("site", expected.site())
          .put("dryRun", expected.dryRun());
      append(header);
      return;
    }
    for (int i = 0; i < lines.length; i++) {
      JsonNode n;
      try {
        n = JSON.readTree(lines[i]);
      } catch (IOException e) {
        throw new JournalMismatchException(
            file, "line " + (i + 1) + " is not JSON; the file is corrupt");
      }
      String type = n.path("type").asText();
      if (i == 0) {
        checkHeader(n, expected);
        continue;
      }
      int batch = n.path("batch").asInt(-1);
      if (batch < 1) {
        throw new JournalMismatchException(file, "line " + (i + 1) + " has no batch number");
      }
      highestBatch = Math.max(highestBatch, batch);
      try {
        read(type, batch, n, i);
      } catch (RuntimeException e) { // a bad stage or time: the file was edited or is corrupt
        if (e instanceof JournalMismatchException m) {
          throw m;
        }
        throw new JournalMismatchException(
            file,
            "line " + (i + 1) + " cannot be read (" + e.getMessage() + "); the file is corrupt");
      }
    }
  }

  private void checkHeader(JsonNode n, Header expected) {
    if (!"job".equals(n.path("type").asText())) {
      throw new JournalMismatchException(file, "line 1 is not a csmkit journal header");
    }
    if (n.path("version").asInt() != VERSION) {
      throw new JournalMismatchException(
          file,
          "it was written by an older csmkit (journal version "
              + n.path("version").asInt()
              + ") that did not record its site: use a new job id and journal");
    }
    Header found =
        new Header(
            n.path("jobId").asText(),
            n.path("target").asText(),
            n.path("site").asText(),
            n.path("dryRun").asBoolean());
    // two dry runs write to two throwaway sandboxes (another port each time): the same "site"
    boolean sameSite = found.dryRun() && expected.dryRun() || found.site().equals(expected.site());
    if (!found.jobId().equals(expected.jobId())
        || !found.target().equals(expected.target())
        || found.dryRun() != expected.dryRun()
        || !sameSite) {
      throw new JournalMismatchException(
          file,
          "it was written by "
              + found.describe()
              + ", not "
              + expected.describe()
              + (found.dryRun() && !expected.dryRun()
                  ? ": a dry run's journal holds nothing that is in CSM; use another journal"
                  : ""));
    }
  }

  /** One entry after the header; {@code i} is its line index, for messages. */
  private void read(String type, int batch, JsonNode n, int i) {
    switch (type) {
      case "submitted" ->
          submitted.put(
              batch,
              new Submitted(
                  batch,
                  n.path("key").asText(),
                  n.path("taskId").asText(),
                  Optional.ofNullable(n.path("statusUrl").textValue()),
                  Instant.parse(n.path("at").asText())));
      case "finished" -> finished.put(batch, readFinished(batch, n));
      default ->
          throw new JournalMismatchException(
              file, "line " + (i + 1) + " has an unknown entry type '" + type + "'");
    }
  }

  private static Finished readFinished(int batch, JsonNode n) {
    List<ItemFailure> failures = new ArrayList<>();
    for (JsonNode f : n.path("failures")) {
      failures.add(
          new ItemFailure(
              f.path("item").asInt(),
              ImportReport.Stage.valueOf(f.path("stage").asText()),
              f.path("message").asText()));
    }
    List<TaskFailure> unattributed = new ArrayList<>();
    for (JsonNode f : n.path("unattributed")) {
      unattributed.add(
          TaskFailure.builder()
              .entity(Optional.ofNullable(f.path("entity").textValue()))
              .entityId(Optional.ofNullable(f.path("entityId").textValue()))
              .operation(Optional.ofNullable(f.path("operation").textValue()))
              .message(f.path("message").asText())
              .build());
    }
    return new Finished(
        batch,
        n.path("key").asText(),
        n.path("status").asText(),
        failures,
        unattributed,
        Instant.parse(n.path("completedAt").asText()));
  }

  /** A base URL as the header names it: scheme, host, port and path only (no user info, query). */
  static String site(java.net.URI base) {
    String port = base.getPort() < 0 ? "" : ":" + base.getPort();
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    return base.getScheme() + "://" + base.getHost() + port + path;
  }

  Path file() {
    return file;
  }

  synchronized Optional<Submitted> submitted(int batch) {
    return Optional.ofNullable(submitted.get(batch));
  }

  synchronized Optional<Finished> finished(int batch) {
    return Optional.ofNullable(finished.get(batch));
  }

  /** The highest batch number an earlier run wrote, 0 for a new journal. */
  synchronized int highestBatch() {
    return highestBatch;
  }

  synchronized void submitted(Submitted s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "submitted")
        .put("batch", s.batch())
        .put("key", s.key())
        .put("taskId", s.taskId());
    s.statusUrl().ifPresent(u -> n.put("statusUrl", u));
    n.put("at", s.at().toString());
    append(n);
    submitted.put(s.batch(), s);
  }

  synchronized void finished(Finished f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "finished").put("batch", f.batch()).put("key", f.key()).put("status", f.status());
    ArrayNode failures = n.putArray("failures");
    for (ItemFailure i : f.failures()) {
      failures
          .addObject()
          .put("item", i.item())
          .put("stage", i.stage().name())
          .put("message", i.message());
    }
    ArrayNode unattributed = n.putArray("unattributed");
    for (TaskFailure t : f.unattributed()) {
      ObjectNode u = unattributed.addObject();
      t.entity().ifPresent(v -> u.put("entity", v));
      t.entityId().ifPresent(v -> u.put("entityId", v));
      t.operation().ifPresent(v -> u.put("operation", v));
      u.put("message", t.message());
    }
    n.put("completedAt", f.completedAt().toString());
    append(n);
    finished.put(f.batch(), f);
  }

  private synchronized void append(ObjectNode entry) {
    if (closed) {
      return; // the import was closed; late task outcomes are not journaled, so a rerun polls again
    }
    try {
      ByteBuffer line =
          ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the journal " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the journal " + file, e);
      }
    }
  }
}
