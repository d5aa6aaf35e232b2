package io.github.csmkit.hubspot.source;

import io.github.csmkit.client.bulk.UnreadableRecord;
import java.util.Objects;

/**
 * One item a source yields: a record it could read ({@link Parsed}) or one it could not ({@link
 * Rejected}). A bad row never ends the stream and is never dropped silently.
 *
 * @param <T> the record type, {@link HubSpotContact} or {@link HubSpotCompany}
 */
public sealed interface SourceRecord<T> permits SourceRecord.Parsed, SourceRecord.Rejected {
  /** Where the item was read. */
  SourcePosition position();

  /**
   * A record that was read.
   *
   * @param value the record
   * @param <T> the record type
   */
  record Parsed<T extends HubSpotRecord>(T value) implements SourceRecord<T> {
    /** Checks the value is present. */
    public Parsed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public SourcePosition position() {
      return value.position();
    }
  }

  /**
   * A record that could not be read. Handed to an import, it is reported at the {@code SOURCE}
   * stage with its rule, position and reason.
   *
   * @param position where it starts
   * @param excerpt the raw text, cut to at most {@value #MAX_EXCERPT} characters
   * @param reason why it was rejected
   * @param rule the reader's rule it broke, for example {@code COLUMN_COUNT} or {@code
   *     INVALID_JSON}
   * @param <T> the record type the source yields
   */
  record Rejected<T>(SourcePosition position, String excerpt, String reason, String rule)
      implements SourceRecord<T>, UnreadableRecord {
    /** The longest excerpt kept. */
    public static final int MAX_EXCERPT = 500;

    /** The rule of a rejection that names none. */
    public static final String UNREADABLE = "UNREADABLE";

    /** Checks the fields and cuts the excerpt. */
    public Rejected {
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rule, "rule");
      excerpt = excerpt == null ? "" : excerpt;
      if (excerpt.length() > MAX_EXCERPT) {
        excerpt = excerpt.substring(0, MAX_EXCERPT) + "…";
      }
    }

    /** A rejection under the rule {@value #UNREADABLE}. */
    public Rejected(SourcePosition position, String excerpt, String reason) {
      this(position, excerpt, reason, UNREADABLE);
    }

    /** The position and the reason, for example {@code contacts.csv:9 (record 8): ...}. */
    @Override
    public String problem() {
      return position + ": " + reason;
    }

    @Override
    public String toString() {
      return "Rejected[" + position + ": " + rule + ": " + reason + "]";
    }
  }
}
