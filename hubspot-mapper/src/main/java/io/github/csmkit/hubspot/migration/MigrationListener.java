package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.ImportListener;
import java.util.OptionalLong;

/**
 * Follows a migration: its phases, and within each import phase the engine's batch and progress
 * events. Called from csmkit's threads; keep it quick and do not throw.
 */
public interface MigrationListener extends ImportListener {
  /** A listener that does nothing. */
  MigrationListener NONE = new MigrationListener() {};

  /** The migration's phases, in the order they run. */
  enum Phase {
    /** Creating the detail fields the mapping needs and CSM lacks. */
    DETAIL_FIELDS,
    /** Creating organizations from companies (and from contacts' company names). */
    ORGANIZATIONS,
    /** Creating customers with their organizations. */
    CUSTOMERS,
    /** Fetching imported customers back and comparing them with what was sent. */
    VERIFICATION
  }

  /** A phase began; {@code total} is the number of records when known. */
  default void phaseStarted(Phase phase, OptionalLong total) {}

  /** A phase ended, with a one-line summary. */
  default void phaseFinished(Phase phase, String summary) {}
}
