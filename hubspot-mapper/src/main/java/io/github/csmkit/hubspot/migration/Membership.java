package io.github.csmkit.hubspot.migration;

/**
 * Which organizations a customer joins: from the contact's associated companies, falling back to
 * its {@code company} property when it has none that became an organization.
 */
public enum Membership {
  /** Every associated company. */
  ALL,
  /** Only the primary one ({@code associatedcompanyid}, else the first associated). */
  PRIMARY
}
