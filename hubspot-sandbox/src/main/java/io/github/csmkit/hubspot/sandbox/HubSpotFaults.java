package io.github.csmkit.hubspot.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Faults queued per route: each authenticated request to a route takes the next fault of its queue,
 * if any. Thread-safe.
 *
 * <pre>{@code
 * sandbox.faults().next(HubSpotEndpoint.SEARCH, HubSpotFault.serverError());
 * }</pre>
 */
public final class HubSpotFaults {
  private final Map<HubSpotEndpoint, Deque<HubSpotFault>> queues =
      new EnumMap<>(HubSpotEndpoint.class);

  HubSpotFaults() {
    for (HubSpotEndpoint e : HubSpotEndpoint.values()) {
      queues.put(e, new ArrayDeque<>());
    }
  }

  /**
   * Queues faults for the next requests to a route, one per request, in order.
   *
   * @param endpoint the route
   * @param faults the faults
   * @return this, to chain
   */
  public synchronized HubSpotFaults next(HubSpotEndpoint endpoint, HubSpotFault... faults) {
    Deque<HubSpotFault> q = queues.get(Objects.requireNonNull(endpoint, "endpoint"));
    for (HubSpotFault f : faults) {
      q.add(Objects.requireNonNull(f, "fault"));
    }
    return this;
  }

  /** Removes every queued fault. */
  public synchronized void clear() {
    queues.values().forEach(Deque::clear);
  }

  /** The fault for a request now arriving at {@code endpoint}, or null. */
  synchronized HubSpotFault take(HubSpotEndpoint endpoint) {
    return queues.get(endpoint).pollFirst();
  }
}
