package io.github.csmkit.sandbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/** Requests per route and per idempotency key, whatever their answer. Thread-safe. */
final class RequestCounts {
  private final AtomicLongArray byEndpoint = new AtomicLongArray(Endpoint.values().length);
  private final ConcurrentHashMap<String, Long> byKey = new ConcurrentHashMap<>();

  void count(Endpoint endpoint, String idempotencyKey) {
    byEndpoint.incrementAndGet(endpoint.ordinal());
    if (idempotencyKey != null && !idempotencyKey.isEmpty()) {
      byKey.merge(idempotencyKey, 1L, Long::sum);
    }
  }

  long of(Endpoint endpoint) {
    return byEndpoint.get(endpoint.ordinal());
  }

  long of(String idempotencyKey) {
    return byKey.getOrDefault(idempotencyKey, 0L);
  }

  void clear() {
    byKey.clear();
    for (int i = 0; i < byEndpoint.length(); i++) {
      byEndpoint.set(i, 0);
    }
  }
}
