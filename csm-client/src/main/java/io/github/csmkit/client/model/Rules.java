package io.github.csmkit.client.model;

import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The local rules of csm-api.md, in one place. */
final class Rules {
  private Rules() {}

  static void email(
      Optional<String> email, String field, boolean required, String why, List<Violation> out) {
    if (email.isEmpty() || email.get().isBlank()) {
      if (required) {
        out.add(Violation.of(field, Rule.EMAIL_REQUIRED, why));
      }
    } else if (!Emails.isValid(email.get())) {
      out.add(Violation.of(field, Rule.EMAIL_FORMAT, "'" + email.get() + "' is not a valid email"));
    }
  }

  static void details(List<Detail> details, String field, List<Violation> out) {
    for (int i = 0; i < details.size(); i++) {
      if (details.get(i).name().isBlank()) {
        out.add(
            Violation.of(field + "[" + i + "].name", Rule.VALUE_REQUIRED, "a detail needs a name"));
      }
    }
  }

  static boolean present(Optional<String> s) {
    return s.isPresent() && !s.get().isBlank();
  }

  static String normalise(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** How a batch finds items that must not repeat: the field, the rule, and each item's key. */
  record Uniqueness<T>(String field, Rule rule, Function<T, Optional<String>> key) {}

  /**
   * Checks a batch: 1 to 50 items, each item's own rules, and the uniqueness rules; throws naming
   * every violation.
   */
  @SafeVarargs
  static <T extends BatchItem> void checkBatch(
      String what, List<T> items, Uniqueness<T>... unique) {
    fail(what, violations(items, unique));
  }

  @SafeVarargs
  private static <T extends BatchItem> List<Violation> violations(
      List<T> items, Uniqueness<T>... unique) {
    List<Violation> out = new ArrayList<>();
    if (items.isEmpty()) {
      out.add(Violation.at(-1, "items", Rule.NOT_EMPTY, "a batch needs at least one item"));
    }
    if (items.size() > Batch.MAX_ITEMS) {
      out.add(
          Violation.at(
              Batch.MAX_ITEMS,
              "items",
              Rule.MAX_ITEMS,
              "a batch holds at most " + Batch.MAX_ITEMS + " items, this one has " + items.size()));
    }
    for (int i = 0; i < items.size(); i++) {
      for (Violation v : items.get(i).violations()) {
        out.add(v.atIndex(i));
      }
    }
    for (Uniqueness<T> u : unique) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        Optional<String> key = u.key().apply(items.get(i));
        if (key.isEmpty() || key.get().isBlank()) {
          continue;
        }
        Integer first = seen.putIfAbsent(normalise(key.get()), i);
        if (first != null) {
          out.add(
              Violation.at(
                  i, u.field(), u.rule(), "'" + key.get() + "' is already used by item " + first));
        }
      }
    }
    return out;
  }

  /** A detail batch: the batch rules, ids not repeated, and at most 1000 operations in all. */
  static void checkDetailBatch(String what, List<DetailUpdate> updates) {
    List<Violation> out =
        violations(
            updates,
            new Uniqueness<DetailUpdate>("id", Rule.DUPLICATE_ID, u -> Optional.of(u.id())));
    out.addAll(operationCount(updates));
    fail(what, out);
  }

  private static List<Violation> operationCount(List<DetailUpdate> updates) {
    int total = updates.stream().mapToInt(u -> u.operations().size()).sum();
    if (total <= Batch.MAX_DETAIL_OPERATIONS) {
      return List.of();
    }
    return List.of(
        Violation.at(
            -1,
            "operations",
            Rule.MAX_OPERATIONS,
            "a detail batch holds at most "
                + Batch.MAX_DETAIL_OPERATIONS
                + " operations in all, this one has "
                + total));
  }

  static void fail(String what, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new CsmValidationException(what, violations);
    }
  }
}
