package io.github.csmkit.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations on the command line: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code
 * PT5M}.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  @Override
  public Duration convert(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt")) {
      try {
        return Duration.parse(v);
      } catch (DateTimeParseException e) {
        throw bad(value);
      }
    }
    if (v.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    Matcher m = PART.matcher(v);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      d =
          d.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
              });
      end = m.end();
    }
    if (end == 0 || end != v.length()) {
      throw bad(value);
    }
    return d;
  }

  private static CommandLine.TypeConversionException bad(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration (use 90s, 5m, 1h30m or seconds)");
  }
}
