package io.github.csmkit.cli;

import io.github.csmkit.hubspot.source.CrmJsonSource;
import io.github.csmkit.hubspot.source.CsvExportSource;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.RecordSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Input files: which reader fits (CSV export or CRM JSON), and the default job id. */
final class Inputs {
  enum Format {
    CSV,
    JSON
  }

  private Inputs() {}

  /**
   * By extension (.csv; .json, .jsonl, .ndjson), else by the first character that is not a BOM or
   * space.
   */
  static Format detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Format.JSON;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4096);
      String s = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
      return s.startsWith("{") || s.startsWith("[") ? Format.JSON : Format.CSV;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static RecordSource<HubSpotContact> contacts(Path file) {
    return detect(file) == Format.CSV
        ? CsvExportSource.contacts(file)
        : CrmJsonSource.contacts(file);
  }

  static RecordSource<HubSpotCompany> companies(Path file) {
    return detect(file) == Format.CSV
        ? CsvExportSource.companies(file)
        : CrmJsonSource.companies(file);
  }

  /** A usage error unless {@code file} is a readable regular file. */
  static void requireReadable(Path file, String option) {
    if (!Files.exists(file)) {
      throw CliException.usage(option + " " + file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      // a pipe or device is read more than once (counted, then imported): a file is needed
      throw CliException.usage(
          option
              + " "
              + file
              + ": "
              + (Files.isDirectory(file)
                  ? "is a folder"
                  : "is not a regular file (a pipe or device?)")
              + "; give a file (the input is read more than once)");
    }
    if (!Files.isReadable(file)) {
      throw CliException.usage(option + " " + file + ": not readable (check its permissions)");
    }
  }

  /** Records in a source, read once (for the progress bar's total); -1 when it cannot be read. */
  static long count(RecordSource<?> source) {
    long n = 0;
    try (source) {
      for (Object ignored : source) {
        n++;
      }
      return n;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * A job id that is the same for the same input: {@code csmkit-} and a hash of the files' names
   * and sizes. A rerun on the same exports reuses the idempotency keys (and the journal), so it
   * resumes instead of duplicating.
   */
  static String defaultJobId(Path contacts, Path companies) {
    StringBuilder s = new StringBuilder();
    for (Path p : new Path[] {contacts, companies}) {
      if (p != null) {
        s.append(p.getFileName()).append(':').append(size(p)).append(';');
      } else {
        s.append("-;");
      }
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return "csmkit-" + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
