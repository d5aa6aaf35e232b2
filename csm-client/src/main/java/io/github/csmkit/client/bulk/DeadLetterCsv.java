package io.github.csmkit.client.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A dead-letter CSV file: one row per record that did not succeed, from one or more imports (a
 * migration writes its organization and customer phases into one file). RFC 4180 quoting; cells
 * that a spreadsheet would run as a formula are prefixed with {@code '}. Created readable by its
 * owner only, since rows hold personal data.
 */
public final class DeadLetterCsv implements Closeable {
  private final Path file;
  private final Writer out;

  private DeadLetterCsv(Path file, Writer out) {
    this.file = file;
    this.out = out;
  }

  /** Creates (or truncates) the file and writes the header row. */
  public static DeadLetterCsv create(Path file) {
    try {
      Writer out = new OutputStreamWriter(SecureFiles.create(file), StandardCharsets.UTF_8);
      out.write("phase,index,stage,rule,message,batch,task_id,record\r\n");
      return new DeadLetterCsv(file, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** Adds a row for every failure of the report, {@code phase} naming where it came from. */
  public <R> DeadLetterCsv add(
      String phase, ImportReport<R> report, Function<? super R, String> describe) {
    for (ImportReport.RecordFailure<R> f : report.failures()) {
      row(phase, f, describe);
    }
    return this;
  }

  /**
   * A consumer of an import's outcome stream that writes a row for each record that did not
   * succeed, as its batch settles (so the failures need not stay in the report); the caller closes
   * this file after the run. Thread-safe.
   */
  public <R> OutcomeListener<R> listener(String phase, Function<? super R, String> describe) {
    return o -> o.failure().ifPresent(f -> row(phase, f, describe));
  }

  private synchronized <R> void row(
      String phase, ImportReport.RecordFailure<R> f, Function<? super R, String> describe) {
    try {
      out.write(
          cell(phase)
              + ","
              + f.index()
              + ","
              + f.stage()
              + ","
              + cell(f.rule().orElse(""))
              + ","
              + cell(f.message())
              + ","
              + f.batch().map(String::valueOf).orElse("")
              + ","
              + cell(f.taskId().orElse(""))
              + ","
              + cell(describe.apply(f.record()))
              + "\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + file, e);
    }
  }

  static String cell(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    // = + - @ (and tab/CR) start a formula in spreadsheet programs: neutralise it
    String safe = "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (safe.contains(",")
        || safe.contains("\"")
        || safe.contains("\n")
        || safe.contains("\r")
        || !safe.equals(s)) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
