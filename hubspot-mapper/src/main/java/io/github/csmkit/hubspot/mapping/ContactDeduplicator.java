package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.hubspot.source.HubSpotContact;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Drops repeated contacts by normalised email (trimmed, lower-cased), keeping the <b>first</b> one
 * seen — the guide's rule, and the only one that works on a stream without holding it. The repeats
 * are not lost: each is handed to the caller with the contact it repeats. Contacts without an email
 * pass through (the {@link Mapper} rejects them). Memory grows with the number of distinct emails
 * (one map entry each), not with the records. Not thread-safe.
 */
public final class ContactDeduplicator {
  /**
   * A contact left out because an earlier one has the same email.
   *
   * @param duplicate the contact left out
   * @param kept the id and position of the contact kept
   */
  public record Duplicate(HubSpotContact duplicate, String kept) {}

  private final Map<String, String> seen = new HashMap<>();

  /** A deduplicator that has seen nothing yet. */
  public ContactDeduplicator() {}

  /** The normalised email of a contact: trimmed and lower-cased, empty when it has none. */
  public static Optional<String> key(HubSpotContact contact) {
    return contact.email().map(e -> e.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * Checks a contact: empty when it is the first with its email (or has none), else the duplicate.
   */
  public Optional<Duplicate> check(HubSpotContact contact) {
    Optional<String> key = key(contact);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String first = seen.putIfAbsent(key.get(), contact.id() + " at " + contact.position());
    return first == null ? Optional.empty() : Optional.of(new Duplicate(contact, first));
  }

  /** The contacts without repeats; each repeat is given to {@code onDuplicate}. */
  public Stream<HubSpotContact> filter(Stream<HubSpotContact> contacts, Consumer<Duplicate> onDuplicate) {
    return contacts.filter(
        c -> {
          Optional<Duplicate> d = check(c);
          d.ifPresent(onDuplicate);
          return d.isEmpty();
        });
  }

  /** The number of distinct emails seen. */
  public int distinctEmails() {
    return seen.size();
  }
}
