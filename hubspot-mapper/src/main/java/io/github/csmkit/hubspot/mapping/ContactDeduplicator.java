package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.hubspot.internal.LongLongMap;
import io.github.csmkit.hubspot.internal.RecordRefs;
import io.github.csmkit.hubspot.internal.StringHash;
import io.github.csmkit.hubspot.source.HubSpotContact;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Drops repeated contacts by normalised email (trimmed, lower-cased), keeping the <b>first</b> one
 * seen — the guide's rule, and the only one that works on a stream without holding it. The repeats
 * are not lost: each is handed to the caller with the contact it repeats. Contacts without an email
 * pass through (the {@link Mapper} rejects them). It keeps 16 to 32 bytes a distinct email (a
 * 64-bit hash and the first contact's id), so a million contacts cost tens of megabytes. Not
 * thread-safe.
 */
public final class ContactDeduplicator {
  /**
   * A contact left out because an earlier one has the same email.
   *
   * @param duplicate the contact left out
   * @param kept the contact kept: {@code "contact <HubSpot id>"} (or {@code "record <n>"}, the n-th
   *     contact checked, when its id is not a number)
   */
  public record Duplicate(HubSpotContact duplicate, String kept) {}

  private final LongLongMap seen = new LongLongMap();
  private final String emailProperty;
  private long checked;

  /** A deduplicator on the {@code email} property that has seen nothing yet. */
  public ContactDeduplicator() {
    this("email");
  }

  /**
   * A deduplicator on another property holding the email, such as the one a mapping names ({@link
   * HubSpotMapping#emailProperty()}).
   */
  public ContactDeduplicator(String emailProperty) {
    this.emailProperty = Objects.requireNonNull(emailProperty, "emailProperty");
  }

  /** The normalised email of a contact: trimmed and lower-cased, empty when it has none. */
  public static Optional<String> key(HubSpotContact contact) {
    return contact.email().map(ContactDeduplicator::normalise);
  }

  private static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a contact: empty when it is the first with its email (or has none), else the duplicate.
   */
  public Optional<Duplicate> check(HubSpotContact contact) {
    long position = checked++;
    Optional<String> key =
        contact
            .property(emailProperty)
            .map(ContactDeduplicator::normalise)
            .filter(k -> !k.isEmpty());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    long hash = StringHash.hash64(key.get());
    long first = seen.get(hash, Long.MIN_VALUE);
    if (first == Long.MIN_VALUE) {
      seen.put(hash, RecordRefs.of(contact.id(), position));
      return Optional.empty();
    }
    return Optional.of(new Duplicate(contact, RecordRefs.describe(first)));
  }

  /** The contacts without repeats; each repeat is given to {@code onDuplicate}. */
  public Stream<HubSpotContact> filter(
      Stream<HubSpotContact> contacts, Consumer<Duplicate> onDuplicate) {
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
