package io.github.csmkit.hubspot.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A verification report streamed to a file: {@code {"differences":[...], "summary":{...}}}, every
 * difference written as it is found, so that a big state's report never sits in memory. The file is
 * readable by its owner only (it names customers' emails).
 */
public final class DifferenceFile implements DifferenceSink, AutoCloseable {
  private final Path path;
  private final OutputStream out;
  private final JsonGenerator g;
  private boolean finished;

  private DifferenceFile(Path path) throws IOException {
    this.path = path;
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.deleteIfExists(path);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.g = VerificationJson.JSON.createGenerator(out);
    g.writeStartObject();
    g.writeArrayFieldStart("differences");
  }

  /**
   * Creates (or replaces) the file and starts the report.
   *
   * @param path where
   * @return the file; close it
   * @throws UncheckedIOException when it cannot be written
   */
  public static DifferenceFile create(Path path) {
    try {
      return new DifferenceFile(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * Writes one difference, on a line of its own.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  @Override
  public void accept(Difference difference) {
    try {
      g.writeRaw('\n');
      VerificationJson.difference(g, difference);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * Ends the list of differences with the report's totals and closes the file.
   *
   * @param report the totals of the run that wrote the differences
   * @throws UncheckedIOException when the file cannot be written
   */
  public void finish(VerificationReport report) {
    try {
      g.writeRaw('\n');
      g.writeEndArray();
      g.writeFieldName("summary");
      VerificationJson.summary(g, report);
      g.writeEndObject();
      finished = true;
      g.close();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * Closes the file; without {@link #finish} first, the differences so far end with no summary (a
   * run that failed half-way).
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    try {
      g.writeEndArray();
      g.writeNullField("summary");
      g.writeEndObject();
      finished = true;
      g.close();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
