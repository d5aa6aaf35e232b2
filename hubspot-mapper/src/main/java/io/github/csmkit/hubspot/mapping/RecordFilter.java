package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.hubspot.source.HubSpotRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Selects records by their properties. The grammar of one expression:
 *
 * <pre>
 * expression := property operator value
 * property   := [A-Za-z0-9_.-]+          (a HubSpot internal name)
 * operator   := "=" | "!=" | "~" | "!~"
 * value      := any text, possibly empty (trimmed)
 * </pre>
 *
 * <p>{@code =} is true when the value equals the property's value, ignoring case and surrounding
 * space; for a {@code ;}-joined multi-value it is true when any part equals. {@code !=} is its
 * negation. {@code ~} is true when the property's value contains the text, ignoring case; {@code
 * !~} is its negation. A missing property has the empty value, so {@code company=} selects records
 * without a company. Several expressions are combined with AND ({@link #parse(List)}, {@link
 * #and(RecordFilter)}). Examples: {@code lifecyclestage=customer}, {@code
 * hs_lead_status!=UNQUALIFIED}, {@code email~@example.com}.
 */
public final class RecordFilter implements Predicate<HubSpotRecord> {
  private static final Pattern EXPRESSION =
      Pattern.compile("\\s*([A-Za-z0-9_.\\-]+)\\s*(!=|!~|=|~)(.*)", Pattern.DOTALL);

  private final String description;
  private final Predicate<HubSpotRecord> test;

  private RecordFilter(String description, Predicate<HubSpotRecord> test) {
    this.description = description;
    this.test = test;
  }

  /**
   * Parses one expression.
   *
   * @throws IllegalArgumentException naming the expression and the grammar when it is malformed
   */
  public static RecordFilter parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    Matcher m = EXPRESSION.matcher(expression);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad filter '"
              + expression
              + "': expected <property><op><value> with op one of = != ~ !~,"
              + " e.g. lifecyclestage=customer or email~@example.com");
    }
    String property = m.group(1);
    String op = m.group(2);
    String value = m.group(3).trim();
    String lower = value.toLowerCase(Locale.ROOT);
    Predicate<HubSpotRecord> equals =
        r -> {
          String v = r.properties().getOrDefault(property, "").trim();
          if (v.equalsIgnoreCase(value)) {
            return true;
          }
          for (String part : v.split(";")) {
            if (!part.isBlank() && part.trim().equalsIgnoreCase(value)) {
              return true;
            }
          }
          return false;
        };
    Predicate<HubSpotRecord> contains =
        r -> r.properties().getOrDefault(property, "").toLowerCase(Locale.ROOT).contains(lower);
    Predicate<HubSpotRecord> test =
        switch (op) {
          case "=" -> equals;
          case "!=" -> equals.negate();
          case "~" -> contains;
          default -> contains.negate();
        };
    return new RecordFilter(property + op + value, test);
  }

  /**
   * Parses several expressions combined with AND; an empty list selects everything.
   *
   * @throws IllegalArgumentException when an expression is malformed
   */
  public static RecordFilter parse(List<String> expressions) {
    RecordFilter f = all();
    for (String e : expressions) {
      f = f.and(parse(e));
    }
    return f;
  }

  /** Selects every record. */
  public static RecordFilter all() {
    return new RecordFilter("all", r -> true);
  }

  /** Selects records that are not archived. */
  public static RecordFilter notArchived() {
    return new RecordFilter("not archived", r -> !r.archived());
  }

  /** Both this and {@code other}. */
  public RecordFilter and(RecordFilter other) {
    if (description.equals("all")) {
      return other;
    }
    return new RecordFilter(description + " AND " + other.description, test.and(other.test));
  }

  @Override
  public boolean test(HubSpotRecord record) {
    return test.test(record);
  }

  @Override
  public String toString() {
    return description;
  }

  /** The expressions, for reports. */
  public List<String> describe() {
    return new ArrayList<>(List.of(description.split(" AND ")));
  }
}
