package io.github.csmkit.sandbox;

/** The two kinds of entity that carry detail fields. */
public enum EntityKind {
  /** Customers (customer accounts and profiles). */
  CUSTOMER,
  /** Organizations. */
  ORGANIZATION
}
