package io.github.csmkit.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses an HTTP {@code Retry-After} value: delay-seconds (fractions tolerated) or an HTTP date
 * (RFC 1123). Absurdly large values stand for ten years instead of overflowing.
 */
public final class RetryAfter {
  private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

  /** Longer than any cap a caller would set; stands for absurd values instead of overflowing. */
  static final Duration ABSURD = Duration.ofDays(3650);

  private RetryAfter() {}

  /**
   * The wait a {@code Retry-After} value asks for, measured from {@code now}; a date in the past is
   * zero. Empty when there is no value or it cannot be parsed (negative numbers included).
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (SECONDS.matcher(v).matches()) {
      double seconds = Double.parseDouble(v);
      if (seconds > ABSURD.toSeconds()) {
        return Optional.of(ABSURD);
      }
      return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
