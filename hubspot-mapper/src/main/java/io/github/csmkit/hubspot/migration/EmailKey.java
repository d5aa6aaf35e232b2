package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.internal.StringHash;
import io.github.csmkit.hubspot.source.HubSpotContact;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The one de-duplication key of a migration: the mapping's email property, trimmed and lower-cased,
 * as a 64-bit hash (so that a million contacts cost tens of megabytes, not hundreds).
 */
final class EmailKey {
  private final String property;

  EmailKey(String property) {
    this.property = property;
  }

  /** The key of a contact; empty when the property is missing or blank. */
  OptionalLong of(HubSpotContact contact) {
    String email = contact.property(property).map(EmailKey::normalise).orElse("");
    return email.isEmpty() ? OptionalLong.empty() : OptionalLong.of(StringHash.hash64(email));
  }

  /** Trimmed and lower-cased, as CSM compares emails. */
  static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
