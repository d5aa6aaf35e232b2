package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.internal.LongLongMap;
import java.util.HashSet;
import java.util.Set;

/**
 * The HubSpot ids a phase has read, for telling which records of the state are gone. HubSpot's ids
 * are numbers: those are kept as longs in an open-addressing table (about 32 bytes each, against
 * some 90 for a {@code HashSet<String>}); any other id as a string. Not thread-safe.
 */
final class HubSpotIds {
  private final LongLongMap numbers = new LongLongMap();
  private final Set<String> others = new HashSet<>();

  void add(String id) {
    if (isNumber(id)) {
      numbers.put(Long.parseLong(id), 1);
    } else {
      others.add(id);
    }
  }

  boolean contains(String id) {
    return isNumber(id) ? numbers.get(Long.parseLong(id), 0) == 1 : others.contains(id);
  }

  /** Digits only, at most 18, not starting with 0 (so that the number names it, and is not 0). */
  private static boolean isNumber(String id) {
    int n = id.length();
    if (n == 0 || n > 18 || id.charAt(0) == '0') { // 0 is no key of the table
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
