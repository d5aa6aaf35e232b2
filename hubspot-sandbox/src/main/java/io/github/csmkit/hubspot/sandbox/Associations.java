package io.github.csmkit.hubspot.sandbox;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Contact–company associations, both directions, with the primary flag. Guarded by the portal. */
final class Associations {
  private final Map<Long, LinkedHashMap<Long, Boolean>> companiesByContact = new HashMap<>();
  private final Map<Long, LinkedHashMap<Long, Boolean>> contactsByCompany = new HashMap<>();

  /** Associates; a primary association demotes the contact's previous primary company. */
  void put(long contact, long company, boolean primary) {
    LinkedHashMap<Long, Boolean> companies =
        companiesByContact.computeIfAbsent(contact, k -> new LinkedHashMap<>());
    if (primary) {
      companies.replaceAll((id, p) -> false);
      companies.keySet().forEach(id -> contactsByCompany.get(id).put(contact, false));
    }
    companies.merge(company, primary, Boolean::logicalOr);
    contactsByCompany
        .computeIfAbsent(company, k -> new LinkedHashMap<>())
        .merge(contact, primary, Boolean::logicalOr);
  }

  /** Removes one association; true when it was the contact's primary one. */
  boolean remove(long contact, long company) {
    Map<Long, Boolean> companies = companiesByContact.getOrDefault(contact, new LinkedHashMap<>());
    Boolean primary = companies.remove(company);
    Map<Long, Boolean> contacts = contactsByCompany.get(company);
    if (contacts != null) {
      contacts.remove(contact);
    }
    return Boolean.TRUE.equals(primary);
  }

  /** The records associated with {@code id} (companies of a contact, contacts of a company). */
  Map<Long, Boolean> of(ObjectType type, long id) {
    Map<Long, LinkedHashMap<Long, Boolean>> side =
        type == ObjectType.CONTACTS ? companiesByContact : contactsByCompany;
    return side.getOrDefault(id, new LinkedHashMap<>());
  }

  /** Moves every association of {@code from} to {@code to} (a merge); a survivor's primary wins. */
  void moveAll(ObjectType type, long from, long to) {
    Map<Long, Boolean> moved = new LinkedHashMap<>(of(type, from));
    removeAll(type, from);
    boolean survivorHasPrimary = of(type, to).containsValue(true);
    moved.forEach(
        (other, primary) -> {
          if (type == ObjectType.CONTACTS) {
            put(to, other, primary && !survivorHasPrimary);
          } else {
            // a contact whose primary company was merged away keeps the survivor as primary
            put(other, to, primary);
          }
        });
  }

  /** Removes every association of a record. */
  void removeAll(ObjectType type, long id) {
    for (long other : new LinkedHashMap<>(of(type, id)).keySet()) {
      if (type == ObjectType.CONTACTS) {
        remove(id, other);
      } else {
        remove(other, id);
      }
    }
  }
}
