package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.mapping.MappingIssue;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping warnings of every record a migration mapped: all counted, the first {@value #KEPT}
 * kept as examples with their record's position. Not thread-safe: the phases run one at a time and
 * the engine maps on one thread.
 */
final class MappingWarnings {
  static final int KEPT = 1000;
  private final List<String> examples = new ArrayList<>();
  private long count;

  /** Adds the warnings among {@code issues}; errors are the import's business, not counted here. */
  void add(SourcePosition position, List<MappingIssue> issues) {
    for (MappingIssue i : issues) {
      if (i.severity() == MappingIssue.Severity.WARNING) {
        add(position, i.property(), i.message());
      }
    }
  }

  /** Adds one warning of the migration's own about the record at {@code position}. */
  void add(SourcePosition position, String property, String message) {
    count++;
    if (examples.size() < KEPT) {
      examples.add(position + ": " + property + ": " + message);
    }
  }

  long count() {
    return count;
  }

  List<String> examples() {
    return List.copyOf(examples);
  }
}
