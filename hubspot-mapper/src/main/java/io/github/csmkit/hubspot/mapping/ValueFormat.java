package io.github.csmkit.hubspot.mapping;

/** How a HubSpot value is normalised before it becomes a CSM detail value. */
public enum ValueFormat {
  /** Trimmed, otherwise as is. */
  TEXT,
  /** A plain decimal: {@code "117.0"} → {@code "117"}, {@code "1,234"} → {@code "1234"}. */
  NUMBER,
  /**
   * A date {@code yyyy-MM-dd}, from epoch milliseconds, ISO-8601 dates or date-times, or the UI
   * export's {@code YYYY-MM-DD HH:MM}; instants are converted in the mapping's time zone.
   */
  DATE,
  /**
   * An ISO-8601 instant in UTC ({@code 2019-10-30T03:30:17.883Z}), from the same inputs; a
   * date-time without zone is read in the mapping's time zone.
   */
  DATETIME
}
