package io.github.csmkit.client.model;

/** What a detail-value operation does to one detail field of a customer or organization. */
public enum DetailOperationType {
  /** Set the field's values. */
  UPDATE,
  /**
   * Change the field's values without replacing the rest (the API's exact semantics are not
   * documented).
   */
  PATCH,
  /** Remove the field's values. */
  DELETE
}
