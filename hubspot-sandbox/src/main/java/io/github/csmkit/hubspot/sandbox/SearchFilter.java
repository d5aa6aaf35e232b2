package io.github.csmkit.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One search filter ({@code propertyName, operator, value | values | highValue}) and its test. */
record SearchFilter(
    String property,
    String operator,
    String value,
    String high,
    List<String> values,
    Long valueLong,
    Long highLong) {
  private static final Set<String> OPERATORS =
      Set.of(
          "EQ",
          "NEQ",
          "LT",
          "LTE",
          "GT",
          "GTE",
          "BETWEEN",
          "IN",
          "NOT_IN",
          "HAS_PROPERTY",
          "NOT_HAS_PROPERTY",
          "CONTAINS_TOKEN",
          "NOT_CONTAINS_TOKEN");

  /** Parses and checks one filter; throws a 400 as HubSpot does for a malformed one. */
  static SearchFilter parse(JsonNode f) {
    String property = f.path("propertyName").asText("");
    String op = f.path("operator").asText("");
    if (property.isEmpty()) {
      throw Reply.validation("a filter needs a propertyName");
    }
    if (!OPERATORS.contains(op)) {
      throw Reply.validation("Invalid filter operator '" + op + "' for property " + property);
    }
    String value = f.hasNonNull("value") ? f.get("value").asText() : null;
    String high = f.hasNonNull("highValue") ? f.get("highValue").asText() : null;
    List<String> values = new ArrayList<>();
    f.path("values").forEach(v -> values.add(v.asText()));
    boolean needsValue = !op.endsWith("HAS_PROPERTY") && !op.endsWith("IN");
    if (needsValue && value == null) {
      throw Reply.validation("operator " + op + " on " + property + " needs a value");
    }
    if (op.equals("BETWEEN") && high == null) {
      throw Reply.validation("operator BETWEEN on " + property + " needs a highValue");
    }
    if (op.endsWith("IN") && values.isEmpty()) {
      throw Reply.validation("operator " + op + " on " + property + " needs values");
    }
    return new SearchFilter(
        property, op, value, high, List.copyOf(values), asLong(value), asLong(high));
  }

  /**
   * The test on an indexed version. Filters on the id or the modification date with a number or a
   * time compare longs (every sync query is made of those; a million-record scan must not parse
   * strings); everything else goes through {@link #matches(Map)}.
   */
  boolean matches(StoredRecord.Version v, long id, String modifiedProperty) {
    Long key =
        property.equals("hs_object_id")
            ? Long.valueOf(id)
            : property.equals(modifiedProperty) ? Long.valueOf(v.modifiedMillis()) : null;
    if (key != null && valueLong != null) {
      long k = key;
      long x = valueLong;
      switch (operator) {
        case "EQ":
          return k == x;
        case "NEQ":
          return k != x;
        case "LT":
          return k < x;
        case "LTE":
          return k <= x;
        case "GT":
          return k > x;
        case "GTE":
          return k >= x;
        case "BETWEEN":
          if (highLong != null) {
            return k >= x && k <= highLong;
          }
          break;
        default:
          break;
      }
    }
    return matches(v.properties());
  }

  /** A value as a long: an integer as written, a time as epoch milliseconds; else null. */
  private static Long asLong(String s) {
    BigDecimal n = number(s);
    if (n != null) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    Instant t = time(s);
    return t == null ? null : t.toEpochMilli();
  }

  boolean matches(Map<String, String> properties) {
    String v = properties.get(property);
    boolean has = v != null && !v.isEmpty();
    return switch (operator) {
      case "HAS_PROPERTY" -> has;
      case "NOT_HAS_PROPERTY" -> !has;
      // a record without the property is "not equal" and "not in" (HubSpot's reading)
      case "NEQ" -> !has || compare(v, value) != 0;
      case "NOT_IN" -> !has || values.stream().noneMatch(x -> compare(v, x) == 0);
      case "NOT_CONTAINS_TOKEN" -> !has || !containsToken(v, value);
      default -> has && test(v);
    };
  }

  private boolean test(String v) {
    return switch (operator) {
      case "EQ" -> compare(v, value) == 0;
      case "LT" -> compare(v, value) < 0;
      case "LTE" -> compare(v, value) <= 0;
      case "GT" -> compare(v, value) > 0;
      case "GTE" -> compare(v, value) >= 0;
      case "BETWEEN" -> compare(v, value) >= 0 && compare(v, high) <= 0;
      case "IN" -> values.stream().anyMatch(x -> compare(v, x) == 0);
      case "CONTAINS_TOKEN" -> containsToken(v, value);
      default -> throw new IllegalStateException(operator);
    };
  }

  /**
   * Compares a stored value with a filter value (or another stored value, for sorting): as numbers
   * when both are numbers, as instants when both read as times (a datetime property against epoch
   * milliseconds, as HubSpot's date filters take them), else as text ignoring case.
   */
  static int compare(String stored, String given) {
    BigDecimal a = number(stored);
    BigDecimal b = number(given);
    if (a != null && b != null) {
      return a.compareTo(b);
    }
    Instant ta = time(stored);
    Instant tb = time(given);
    if (ta != null && tb != null) {
      return ta.compareTo(tb);
    }
    return stored.toLowerCase(Locale.ROOT).compareTo(given.toLowerCase(Locale.ROOT));
  }

  private static boolean containsToken(String v, String token) {
    String t = token.toLowerCase(Locale.ROOT);
    boolean prefix = t.endsWith("*");
    boolean suffix = t.startsWith("*");
    String core = t.replace("*", "");
    for (String part : v.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      boolean match;
      if (prefix && suffix) {
        match = part.contains(core);
      } else if (prefix) {
        match = part.startsWith(core);
      } else if (suffix) {
        match = part.endsWith(core);
      } else {
        match = part.equals(core);
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal number(String s) {
    if (s == null || s.isEmpty() || s.length() > 40) {
      return null;
    }
    // a cheap scan first: most values are not numbers, and a failed parse throws
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!(c == '.' || (c == '-' && i == 0))) {
        return null;
      }
    }
    if (!digit) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant time(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    if (s.chars().allMatch(Character::isDigit) && s.length() <= 15) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      return s.length() == 10
          ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
