package io.github.csmkit.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Snapshots {
  private Snapshots() {}

  /** An unmodifiable copy that keeps the order of the fields. */
  static Map<String, List<String>> copy(Map<String, List<String>> details) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    details.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
