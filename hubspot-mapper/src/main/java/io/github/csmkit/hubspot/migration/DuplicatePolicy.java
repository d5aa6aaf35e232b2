package io.github.csmkit.hubspot.migration;

/** Which of several contacts with the same email (trimmed, lower-case) is imported. */
public enum DuplicatePolicy {
  /** The first in the input, as the guide does. */
  FIRST,
  /**
   * The one HubSpot modified last ({@code lastmodifieddate}; ties keep the first). The contacts are
   * read once more beforehand to find it.
   */
  LATEST
}
