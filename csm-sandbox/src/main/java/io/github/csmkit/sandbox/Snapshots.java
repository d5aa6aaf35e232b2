package io.github.csmkit.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

final class Snapshots {
  private Snapshots() {}

  /** An unmodifiable copy that keeps the order of the fields. */
  static Map<String, List<String>> copy(Map<String, List<String>> details) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    details.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** One view of every tenant, settled at {@code now}, by tenant name, each under its lock. */
  static <T> List<T> collect(
      Collection<Tenant> tenants, Instant now, Function<Tenant, List<T>> view) {
    List<Tenant> all = new ArrayList<>(tenants);
    all.sort(Comparator.comparing(t -> t.name));
    List<T> out = new ArrayList<>();
    for (Tenant t : all) {
      synchronized (t) {
        t.settle(now);
        out.addAll(view.apply(t));
      }
    }
    return List.copyOf(out);
  }
}
