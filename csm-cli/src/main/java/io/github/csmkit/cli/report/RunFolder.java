package io.github.csmkit.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's folder, {@code <runs>/<timestamp>-<job-id>/}: run.json (the settings, written first, so
 * that a run that never finished is still listed), report.json, report.html, dead-letters.csv,
 * batches.jsonl and journal/. Folder names sort by time.
 */
public final class RunFolder {
  /** The settings file, written when the run starts. */
  public static final String RUN = "run.json";

  /** The report document, written when the run ends. */
  public static final String REPORT = "report.json";

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /** The folder itself. */
  public Path dir() {
    return dir;
  }

  /**
   * The folder's journal/, created owner-only (the engine would create it with the default
   * permissions).
   *
   * @throws UncheckedIOException when it cannot be created
   */
  public Path journal() {
    try {
      return OwnerOnly.directory(file("journal"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file("journal"), e);
    }
  }

  /** A file of the folder. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * Creates a new folder for a run of {@code jobId} starting at {@code now} under {@code runs}
   * (owner-only where the file system allows); a second run in the same second gets a suffix.
   *
   * @throws UncheckedIOException when it cannot be created
   */
  public static RunFolder create(Path runs, String jobId, Instant now) {
    String base = STAMP.format(now) + "-" + safe(jobId);
    try {
      OwnerOnly.directory(runs);
      for (int i = 1; ; i++) {
        Path dir = runs.resolve(i == 1 ? base : base + "-" + i);
        if (!Files.exists(dir)) {
          return new RunFolder(OwnerOnly.directory(dir));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder in " + runs, e);
    }
  }

  /** An existing folder (a demo's output, a folder named on the command line). */
  public static RunFolder at(Path dir) {
    try {
      return new RunFolder(OwnerOnly.directory(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + dir, e);
    }
  }

  /**
   * Writes run.json: the settings of a run that has started.
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public void writeStart(ObjectNode settings, Instant startedAt) {
    ObjectNode n = ReportDocument.JSON.createObjectNode();
    n.put("schemaVersion", ReportDocument.SCHEMA_VERSION).put("startedAt", startedAt.toString());
    n.set("settings", settings);
    try {
      OwnerOnly.write(file(RUN), ReportDocument.toJson(n));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(RUN), e);
    }
  }

  /**
   * Copies the journal of the latest earlier run of the same job into this folder's journal/, so
   * that this run resumes where that one stopped. Only a run with the same job id and target
   * qualifies, and never a dry run (an embedded sandbox starts empty every time).
   *
   * @return the folder the journal came from
   * @throws UncheckedIOException when it cannot be copied
   */
  public Optional<Path> resumeFrom(Path runs, String jobId, String target) {
    Path journal = file("journal");
    for (Run earlier : list(runs)) {
      JsonNode s = earlier.settings();
      Path from = earlier.dir().resolve("journal");
      if (earlier.dir().equals(dir)
          || !jobId.equals(s.path("jobId").asText())
          || !target.equals(s.path("target").asText())
          || s.path("dryRun").asBoolean(false)
          || !Files.isDirectory(from)) {
        continue;
      }
      try (Stream<Path> files = Files.list(from)) {
        OwnerOnly.directory(journal);
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(
              f,
              journal.resolve(f.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
        return Optional.of(earlier.dir());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy the journal of " + earlier.dir(), e);
      }
    }
    return Optional.empty();
  }

  /**
   * A run found in a runs folder.
   *
   * @param dir its folder
   * @param settings its settings (from run.json or report.json)
   * @param report its report document, absent when it never finished
   */
  public record Run(Path dir, JsonNode settings, Optional<JsonNode> report) {}

  /** The runs in a folder, newest first; folders without run.json or report.json are skipped. */
  public static List<Run> list(Path runs) {
    List<Run> found = new ArrayList<>();
    if (!Files.isDirectory(runs)) {
      return found;
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        read(d).ifPresent(found::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs, e);
    }
    found.sort(Comparator.comparing((Run r) -> r.dir().getFileName().toString()).reversed());
    return found;
  }

  /** The run in a folder, if it holds one. */
  public static Optional<Run> read(Path d) {
    try {
      if (Files.isRegularFile(d.resolve(REPORT))) {
        JsonNode report = ReportDocument.read(d.resolve(REPORT));
        return Optional.of(new Run(d, report.path("settings"), Optional.of(report)));
      }
      if (Files.isRegularFile(d.resolve(RUN))) {
        JsonNode run = ReportDocument.read(d.resolve(RUN));
        return Optional.of(new Run(d, run.path("settings"), Optional.empty()));
      }
    } catch (UncheckedIOException e) {
      return Optional.empty(); // not a run folder, or not one this version can read
    }
    return Optional.empty();
  }

  /** A job id as part of a folder name. */
  static String safe(String jobId) {
    String s = jobId.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > 80 ? s.substring(0, 80) : s;
  }
}
