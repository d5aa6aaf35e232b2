package io.github.csmkit.hubspot.source;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: the module's fixtures and the shared HubSpot samples (skipped when absent). */
public final class Fixtures {
  private Fixtures() {}

  /** A fixture from src/test/resources/fixtures. */
  public static Path fixture(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A file of ../shared/hubspot-samples (relative to the repository root); skips the test when
   * absent.
   */
  public static Path sample(String relative) {
    Path root = Path.of("").toAbsolutePath();
    // the build runs in the module directory; the repository root is its parent
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("hubspot-samples").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    Assumptions.abort("HubSpot samples not available: " + relative);
    return null;
  }

  /** All items of a source, closing it. */
  public static <T extends HubSpotRecord> List<SourceRecord<T>> all(RecordSource<T> source) {
    try (source) {
      List<SourceRecord<T>> out = new ArrayList<>();
      source.forEach(out::add);
      return out;
    }
  }

  /** The parsed values of items. */
  public static <T extends HubSpotRecord> List<T> parsed(List<SourceRecord<T>> items) {
    List<T> out = new ArrayList<>();
    for (SourceRecord<T> r : items) {
      if (r instanceof SourceRecord.Parsed<T> p) {
        out.add(p.value());
      }
    }
    return out;
  }

  /** The rejected items. */
  public static <T extends HubSpotRecord> List<SourceRecord.Rejected<T>> rejected(
      List<SourceRecord<T>> items) {
    List<SourceRecord.Rejected<T>> out = new ArrayList<>();
    for (SourceRecord<T> r : items) {
      if (r instanceof SourceRecord.Rejected<T> x) {
        out.add(x);
      }
    }
    return out;
  }
}
