package io.github.csmkit.sandbox;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The faults injected into a sandbox, per {@link Endpoint}. Faults fire on requests that passed
 * authentication and the header checks. Thread-safe.
 *
 * <pre>{@code
 * sandbox.faults().on(Endpoint.CUSTOMER_PROFILES)
 *     .next(Fault.rateLimited(Duration.ofSeconds(1)), Fault.resetAfterProcessing());
 * }</pre>
 */
public final class Faults {
  private final Map<Endpoint, EndpointFaults> byEndpoint = new EnumMap<>(Endpoint.class);

  Faults() {
    for (Endpoint e : Endpoint.values()) {
      byEndpoint.put(e, new EndpointFaults(e));
    }
  }

  /**
   * The faults of one route.
   *
   * @param endpoint the route
   * @return its faults, to add to
   */
  public EndpointFaults on(Endpoint endpoint) {
    return byEndpoint.get(Objects.requireNonNull(endpoint, "endpoint"));
  }

  /** Removes every queued and random fault of every route. */
  public void clear() {
    byEndpoint.values().forEach(EndpointFaults::clear);
  }

  /** The fault for the request now arriving at {@code endpoint}, or null. */
  Fault take(Endpoint endpoint) {
    return byEndpoint.get(endpoint).take();
  }

  /** The faults of one route: a queue for the next requests, then an optional random fault. */
  public static final class EndpointFaults {
    private final Endpoint endpoint;
    private final Deque<Fault> queue = new ArrayDeque<>();
    private Random random;
    private double probability;
    private List<Fault> randomFaults = List.of();

    private EndpointFaults(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    /**
     * Queues faults for the next requests to this route, one fault per request, in order.
     *
     * @param faults the faults
     * @return this, to chain
     */
    public synchronized EndpointFaults next(Fault... faults) {
      for (Fault f : faults) {
        queue.add(Objects.requireNonNull(f, "fault"));
      }
      return this;
    }

    /**
     * Queues the same fault for the next {@code n} requests to this route.
     *
     * @param n how many requests; not negative
     * @param fault the fault
     * @return this, to chain
     */
    public synchronized EndpointFaults times(int n, Fault fault) {
      if (n < 0) {
        throw new IllegalArgumentException("negative count: " + n);
      }
      Objects.requireNonNull(fault, "fault");
      for (int i = 0; i < n; i++) {
        queue.add(fault);
      }
      return this;
    }

    /**
     * Once the queue is empty, gives each request to this route one of {@code faults} (chosen at
     * random) with the given probability; reproducible for a given seed and request order.
     *
     * @param seed the seed of the random choice
     * @param probability between 0 and 1
     * @param faults the faults to choose from; at least one
     * @return this, to chain
     */
    public synchronized EndpointFaults random(long seed, double probability, Fault... faults) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability not in [0, 1]: " + probability);
      }
      if (faults.length == 0) {
        throw new IllegalArgumentException("no faults to choose from");
      }
      this.random = new Random(seed);
      this.probability = probability;
      this.randomFaults = List.copyOf(Arrays.asList(faults));
      return this;
    }

    /** Removes the queued and random faults of this route. */
    public synchronized void clear() {
      queue.clear();
      random = null;
      randomFaults = List.of();
    }

    /**
     * How many queued faults have not fired yet.
     *
     * @return the number of queued faults left
     */
    public synchronized int pending() {
      return queue.size();
    }

    synchronized Fault take() {
      Fault f = queue.poll();
      if (f == null && random != null && random.nextDouble() < probability) {
        f = randomFaults.get(random.nextInt(randomFaults.size()));
      }
      return f;
    }

    /** {@inheritDoc} */
    @Override
    public synchronized String toString() {
      return "EndpointFaults[" + endpoint + ", queued " + queue + "]";
    }
  }
}
