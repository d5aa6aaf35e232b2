package io.github.csmkit.hubspot.source;

import java.util.Objects;

/**
 * One option of an enumeration property.
 *
 * @param value the internal value sent by the API, e.g. {@code IN_PROGRESS}
 * @param label the label shown in the UI and in CSV exports, e.g. "In Progress"
 */
public record PropertyOption(String value, String label) {
  /** Checks both parts are present. */
  public PropertyOption {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
  }
}
