package io.github.csmkit.hubspot.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A HubSpot property definition, as in {@code GET /crm/v3/properties/{object}}: internal name,
 * label, type, field type and enumeration options.
 *
 * @param name the internal name, e.g. {@code hs_lead_status}
 * @param label the label shown in the UI and used as CSV export header, e.g. "Lead Status"
 * @param type HubSpot's type: {@code string, number, date, datetime, enumeration, bool,
 *     phone_number}
 * @param fieldType HubSpot's field type: {@code text, select, radio, checkbox, ...}
 * @param options the enumeration options, empty for other types
 */
public record PropertyDefinition(
    String name, String label, String type, String fieldType, List<PropertyOption> options) {
  /** Checks the fields and copies the options. */
  public PropertyDefinition {
    Objects.requireNonNull(name, "name");
    label = label == null ? name : label;
    type = type == null ? "string" : type;
    fieldType = fieldType == null ? "text" : fieldType;
    options = List.copyOf(options);
  }

  /** A text property. */
  public static PropertyDefinition text(String name, String label) {
    return new PropertyDefinition(name, label, "string", "text", List.of());
  }

  /** An enumeration property with these {@code value, label, value, label, ...} pairs. */
  public static PropertyDefinition enumeration(
      String name, String label, String... valueLabelPairs) {
    if (valueLabelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("value/label pairs expected");
    }
    List<PropertyOption> opts = new java.util.ArrayList<>();
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      opts.add(new PropertyOption(valueLabelPairs[i], valueLabelPairs[i + 1]));
    }
    return new PropertyDefinition(name, label, "enumeration", "select", opts);
  }

  /** True for multi-value enumerations (checkboxes), whose values are joined with {@code ;}. */
  public boolean multiValue() {
    return "enumeration".equals(type) && "checkbox".equals(fieldType);
  }

  /** The option's internal value for a label (case-insensitive), or empty. */
  public Optional<String> valueForLabel(String label) {
    for (PropertyOption o : options) {
      if (o.label().equalsIgnoreCase(label.trim())) {
        return Optional.of(o.value());
      }
    }
    return Optional.empty();
  }

  /** The option's label for an internal value (exact, then case-insensitive), or empty. */
  public Optional<String> labelForValue(String value) {
    for (PropertyOption o : options) {
      if (o.value().equals(value)) {
        return Optional.of(o.label());
      }
    }
    for (PropertyOption o : options) {
      if (o.value().equalsIgnoreCase(value)) {
        return Optional.of(o.label());
      }
    }
    return Optional.empty();
  }
}
