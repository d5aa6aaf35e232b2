package io.github.csmkit.client.error;

import java.util.Objects;

/**
 * One broken rule found before anything was sent: which item of a batch (its zero-based index, or
 * -1 for the batch as a whole), which field, which rule, and a message a person can act on.
 */
public final class Violation {
  private final int index;
  private final String field;
  private final Rule rule;
  private final String message;

  private Violation(int index, String field, Rule rule, String message) {
    this.index = index;
    this.field = Objects.requireNonNull(field, "field");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** A violation by a single item, not yet placed in a batch (its index is -1). */
  public static Violation of(String field, Rule rule, String message) {
    return new Violation(-1, field, rule, message);
  }

  /** A violation by the item at {@code index}. */
  public static Violation at(int index, String field, Rule rule, String message) {
    return new Violation(index, field, rule, message);
  }

  /** The same violation, placed at {@code newIndex} of a batch. */
  public Violation atIndex(int newIndex) {
    return new Violation(newIndex, field, rule, message);
  }

  /**
   * Zero-based index of the offending item in its batch; -1 when the rule concerns the whole batch.
   */
  public int index() {
    return index;
  }

  /** The field that breaks the rule, for example {@code "payload.email"}. */
  public String field() {
    return field;
  }

  /** The rule that is broken. */
  public Rule rule() {
    return rule;
  }

  /** What is wrong, for a person to act on. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Violation v
        && v.index == index
        && v.field.equals(field)
        && v.rule == rule
        && v.message.equals(message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, field, rule, message);
  }

  /** For example {@code item 3: payload.email: EMAIL_FORMAT: 'bob@' is not a valid email}. */
  @Override
  public String toString() {
    return (index >= 0 ? "item " + index : "batch") + ": " + field + ": " + rule + ": " + message;
  }

  /** The rules that batches and items are checked against before they are sent. */
  public enum Rule {
    /** A batch holds at most 50 items. */
    MAX_ITEMS,
    /** A detail-value batch holds at most 1000 operations in all. */
    MAX_OPERATIONS,
    /** A batch holds at least one item. */
    NOT_EMPTY,
    /** Creating a customer (CREATE, or an UPSERT that may create) needs an email. */
    EMAIL_REQUIRED,
    /** An email must match {@code ^[^\s@]+@[^\s@]+\.[^\s@]+$}. */
    EMAIL_FORMAT,
    /** The same email (trimmed, case-insensitive) twice in one batch. */
    DUPLICATE_EMAIL,
    /** The item names nothing to act on: no id, email or name. */
    IDENTIFIER_REQUIRED,
    /** Creating an organization (CREATE or UPSERT) needs a name. */
    NAME_REQUIRED,
    /** The same name (trimmed, case-insensitive) twice in one batch. */
    DUPLICATE_NAME,
    /** A detail-value item without operations, or a detail without a name. */
    VALUE_REQUIRED,
    /** Options given to a type without options, or a select type without options or over 50. */
    OPTIONS,
    /** The same id twice in one batch. */
    DUPLICATE_ID,
    /**
     * A request's body is larger than the server takes (the bulk engine's {@code maxRequestBytes},
     * 5 MiB by default): the item alone would exceed it.
     */
    MAX_REQUEST_BYTES
  }
}
