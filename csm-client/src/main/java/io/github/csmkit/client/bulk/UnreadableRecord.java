package io.github.csmkit.client.bulk;

/**
 * A record the caller's source could not read, handed to an import anyway so that it is accounted
 * for in its place: the engine reports it at {@link ImportReport.Stage#SOURCE} with its {@link
 * #rule()} and {@link #problem()}, and never calls the mapping function on it.
 */
public interface UnreadableRecord {
  /** The reader's rule the record broke, for example {@code COLUMN_COUNT}. */
  String rule();

  /** Where the record was read (file and line) and why it could not be. */
  String problem();
}
