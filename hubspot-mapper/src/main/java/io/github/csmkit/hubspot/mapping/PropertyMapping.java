package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.hubspot.source.PropertyDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one HubSpot property becomes one CSM detail field: the property's internal name, the field's
 * name and type, a value map (HubSpot values or labels → CSM values), whether the value is a {@code
 * ;}-joined multi-value, how it is normalised ({@link ValueFormat}), and whether enumeration values
 * without a value-map entry are shown by their HubSpot label. Immutable.
 */
public final class PropertyMapping {
  private static final Pattern DIGITS = Pattern.compile("-?\\d{9,}");
  private static final Pattern UI_DATETIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{1,2}:\\d{2}(:\\d{2})?");
  private static final DateTimeFormatter UI_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm[:ss]");

  private final String property;
  private final String field;
  private final DetailFieldType type;
  private final Map<String, String> values;
  private final boolean multiValue;
  private final ValueFormat format;
  private final boolean labels;

  private PropertyMapping(Builder b) {
    this.property = requireText(b.property, "property");
    this.field = requireText(b.field, "field");
    this.type = Objects.requireNonNull(b.type, "type");
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    this.multiValue = b.multiValue != null ? b.multiValue : "MULTISELECT".equals(type.name());
    this.format = b.format != null ? b.format : defaultFormat(type);
    this.labels = b.labels;
    if (type.isSelect() && type.options().isEmpty()) {
      throw new IllegalArgumentException(
          "field '" + field + "': " + type.name() + " needs options");
    }
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("a property mapping needs a " + what);
    }
    return s.trim();
  }

  static ValueFormat defaultFormat(DetailFieldType type) {
    return switch (type.name()) {
      case "NUMBER" -> ValueFormat.NUMBER;
      case "DATE" -> ValueFormat.DATE;
      default -> ValueFormat.TEXT;
    };
  }

  /** A builder for the mapping of {@code property} to the detail field {@code field}. */
  public static Builder builder(String property, String field) {
    return new Builder().property(property).field(field);
  }

  /** A TEXT mapping of {@code property} to {@code field}. */
  public static PropertyMapping text(String property, String field) {
    return builder(property, field).build();
  }

  /** A builder with this mapping's settings. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .property(property)
            .field(field)
            .type(type)
            .values(values)
            .format(format)
            .labels(labels);
    b.multiValue = multiValue;
    return b;
  }

  /** The HubSpot property's internal name. */
  public String property() {
    return property;
  }

  /** The CSM detail field's name. */
  public String field() {
    return field;
  }

  /** The CSM detail field's type (with options for SELECT and MULTISELECT). */
  public DetailFieldType type() {
    return type;
  }

  /** HubSpot value or label → CSM value; matched exactly, then ignoring case. */
  public Map<String, String> values() {
    return values;
  }

  /** True when the HubSpot value is split at {@code ;} into several values. */
  public boolean multiValue() {
    return multiValue;
  }

  /** How values are normalised. */
  public ValueFormat format() {
    return format;
  }

  /** True when enumeration values without a value-map entry become their HubSpot label. */
  public boolean labels() {
    return labels;
  }

  /** The detail field definition to create in CSM. */
  public DetailFieldDefinition definition() {
    return DetailFieldDefinition.of(field, type);
  }

  /**
   * The outcome of mapping one value: the CSM values (empty to leave the field out) or an issue.
   */
  record Result(List<String> values, String problem) {}

  Result apply(String raw, Optional<PropertyDefinition> definition, ZoneId zone) {
    if (raw == null || raw.isBlank()) {
      return new Result(List.of(), null);
    }
    List<String> parts = new ArrayList<>();
    if (multiValue) {
      for (String p : raw.split(";")) {
        if (!p.isBlank()) {
          parts.add(p.trim());
        }
      }
    } else {
      parts.add(raw.trim());
    }
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      String v = lookup(part);
      if (v == null) {
        v =
            labels && definition.isPresent()
                ? definition.get().labelForValue(part).orElse(part)
                : part;
      }
      String formatted;
      try {
        formatted = normalise(v, format, zone);
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        return new Result(
            List.of(), "cannot read '" + v + "' as " + format.name().toLowerCase(Locale.ROOT));
      }
      if (type.isSelect()) {
        Optional<String> option =
            type.options().stream().filter(o -> o.equalsIgnoreCase(formatted)).findFirst();
        if (option.isEmpty()) {
          return new Result(
              List.of(),
              "value '" + formatted + "' is not an option of '" + field + "' " + type.options());
        }
        out.add(option.get());
      } else if (!formatted.isEmpty()) {
        out.add(formatted);
      }
    }
    return new Result(out, null);
  }

  private String lookup(String value) {
    String v = values.get(value);
    if (v != null) {
      return v;
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(value)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Normalises a value.
   *
   * @throws IllegalArgumentException or {@link DateTimeParseException} when it cannot be read
   */
  static String normalise(String value, ValueFormat format, ZoneId zone) {
    String v = value.trim();
    return switch (format) {
      case TEXT -> v;
      case NUMBER -> number(v);
      case DATE -> instantOrDate(v, zone, true);
      case DATETIME -> instantOrDate(v, zone, false);
    };
  }

  private static String number(String v) {
    String cleaned = v.replace(",", "").replace(" ", "").replace("\u00a0", "");
    BigDecimal d = new BigDecimal(cleaned);
    String s = d.stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  private static String instantOrDate(String v, ZoneId zone, boolean dateOnly) {
    if (DIGITS.matcher(v).matches()) {
      Instant i = Instant.ofEpochMilli(Long.parseLong(v));
      return dateOnly ? LocalDate.ofInstant(i, zone).toString() : i.toString();
    }
    if (v.length() == 10) {
      LocalDate d = LocalDate.parse(v);
      return dateOnly ? d.toString() : d.atStartOfDay(zone).toInstant().toString();
    }
    LocalDateTime local = null;
    Instant instant = null;
    if (UI_DATETIME.matcher(v).matches()) {
      local = LocalDateTime.parse(v, UI_FORMAT);
    } else {
      try {
        instant = OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        local = LocalDateTime.parse(v);
      }
    }
    if (local != null) {
      // a time without zone is a wall-clock time: its date is the date written
      return dateOnly ? local.toLocalDate().toString() : local.atZone(zone).toInstant().toString();
    }
    return dateOnly ? LocalDate.ofInstant(instant, zone).toString() : instant.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PropertyMapping m
        && property.equals(m.property)
        && field.equals(m.field)
        && type.equals(m.type)
        && values.equals(m.values)
        && multiValue == m.multiValue
        && format == m.format
        && labels == m.labels;
  }

  @Override
  public int hashCode() {
    return Objects.hash(property, field, type, values, multiValue, format, labels);
  }

  @Override
  public String toString() {
    return "PropertyMapping[" + property + " → " + field + " " + type.name() + "]";
  }

  /** Builds a {@link PropertyMapping}. */
  public static final class Builder {
    private String property;
    private String field;
    private DetailFieldType type = DetailFieldType.text();
    private final Map<String, String> values = new LinkedHashMap<>();
    private Boolean multiValue;
    private ValueFormat format;
    private boolean labels;

    private Builder() {}

    /** The HubSpot property's internal name. */
    public Builder property(String property) {
      this.property = property;
      return this;
    }

    /** The CSM detail field's name. */
    public Builder field(String field) {
      this.field = field;
      return this;
    }

    /** The CSM field type; default TEXT. */
    public Builder type(DetailFieldType type) {
      this.type = type;
      return this;
    }

    /** Adds a value-map entry: HubSpot value or label → CSM value. */
    public Builder value(String hubSpot, String csm) {
      values.put(hubSpot, csm);
      return this;
    }

    /** Replaces the value map. */
    public Builder values(Map<String, String> map) {
      values.clear();
      values.putAll(map);
      return this;
    }

    /** Split values at {@code ;}; default true for MULTISELECT, else false. */
    public Builder multiValue(boolean multiValue) {
      this.multiValue = multiValue;
      return this;
    }

    /** The normalisation; default NUMBER for NUMBER fields, DATE for DATE fields, else TEXT. */
    public Builder format(ValueFormat format) {
      this.format = format;
      return this;
    }

    /** Show enumeration values without a value-map entry by their HubSpot label; default false. */
    public Builder labels(boolean labels) {
      this.labels = labels;
      return this;
    }

    /**
     * The mapping.
     *
     * @throws IllegalArgumentException when property or field is missing, or a select type has no
     *     options
     */
    public PropertyMapping build() {
      return new PropertyMapping(this);
    }
  }
}
