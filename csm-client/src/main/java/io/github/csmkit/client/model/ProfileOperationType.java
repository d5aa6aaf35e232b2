package io.github.csmkit.client.model;

/** What a profile operation does to a customer or organization. */
public enum ProfileOperationType {
  /** Create; fails for a customer whose email (or an organization whose name) exists. */
  CREATE,
  /** Update an existing one; fails when it does not exist. */
  UPDATE,
  /** Update when it exists, else create (which needs an email, or a name for organizations). */
  UPSERT
}
