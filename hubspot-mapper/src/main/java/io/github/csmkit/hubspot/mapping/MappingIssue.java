package io.github.csmkit.hubspot.mapping;

import java.util.List;
import java.util.Objects;

/**
 * Something the mapping of one record ran into.
 *
 * @param property the HubSpot property concerned, or {@code "*"} for the whole record
 * @param value the offending value, or empty
 * @param severity {@link Severity#WARNING}: the value was left out; {@link Severity#ERROR}: the
 *     record is rejected
 * @param message what happened
 */
public record MappingIssue(String property, String value, Severity severity, String message) {
  /** How serious an issue is. */
  public enum Severity {
    /** The value was left out; the record is still imported. */
    WARNING,
    /** The record cannot be imported. */
    ERROR
  }

  /** Checks the fields are present. */
  public MappingIssue {
    Objects.requireNonNull(property, "property");
    value = value == null ? "" : value;
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** The errors among {@code issues} as "property: message", joined with "; ". */
  static String errors(List<MappingIssue> issues) {
    return issues.stream()
        .filter(i -> i.severity() == Severity.ERROR)
        .map(i -> i.property() + ": " + i.message())
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }

  @Override
  public String toString() {
    return severity + " " + property + ": " + message;
  }
}
