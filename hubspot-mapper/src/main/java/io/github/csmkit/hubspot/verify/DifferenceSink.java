package io.github.csmkit.hubspot.verify;

/**
 * Receives every difference as it is found, so that a big state's report can stream to a file while
 * only the counts stay in memory.
 */
@FunctionalInterface
public interface DifferenceSink {
  /** A sink that keeps nothing. */
  DifferenceSink NONE = d -> {};

  /**
   * Takes one difference.
   *
   * @param difference the difference
   * @throws java.io.UncheckedIOException when a sink that writes cannot
   */
  void accept(Difference difference);
}
