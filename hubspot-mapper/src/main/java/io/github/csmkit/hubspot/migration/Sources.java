package io.github.csmkit.hubspot.migration;

/** Closing what the caller's suppliers opened. */
final class Sources {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.hubspot.migration");

  private Sources() {}

  /** Closes {@code source} when it is closeable; a failure is logged, not thrown. */
  static void closeQuietly(Object source) {
    if (source instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "closing a source failed", e);
      }
    }
  }
}
