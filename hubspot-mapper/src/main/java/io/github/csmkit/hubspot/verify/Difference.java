package io.github.csmkit.hubspot.verify;

import io.github.csmkit.hubspot.state.ObjectType;
import java.util.Objects;
import java.util.Optional;

/**
 * One way a record of the sync state and CSM disagree (or a record that could not be checked).
 *
 * @param type contact or company
 * @param hubSpotId the record's HubSpot id
 * @param csmId its CSM customer or organization id, when the state knows it
 * @param kind what differs
 * @param field the detail field, or for a membership the company's HubSpot id; empty otherwise
 * @param expected what the state holds (an identity, a field's hash, an organization id, the last
 *     outcome's message); empty when it holds nothing
 * @param actual what CSM holds (values joined with {@code " | "}); empty when it holds nothing
 */
public record Difference(
    ObjectType type,
    String hubSpotId,
    Optional<String> csmId,
    Kind kind,
    Optional<String> field,
    Optional<String> expected,
    Optional<String> actual) {
  /** Checks that nothing is null. */
  public Difference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(hubSpotId, "hubSpotId");
    Objects.requireNonNull(csmId, "csmId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  /** What differs. */
  public enum Kind {
    /** No CSM id: the last attempt failed or was rejected, so CSM never got the record. */
    NOT_IMPORTED,
    /** Imported, but the state does not know its CSM id: it cannot be fetched. */
    CSM_ID_UNKNOWN,
    /** CSM has no customer or organization with the stored id. */
    NOT_FOUND,
    /** The email (contact, compared without case) or name (company, exact) differs. */
    IDENTITY,
    /** The customer's display name differs from the one last sent. */
    DISPLAY_NAME,
    /** A detail field last sent has no value in CSM. */
    FIELD_MISSING,
    /** A detail field's values in CSM do not hash to the value last sent. */
    FIELD_DIFFERENT,
    /** The customer is not in the organization of a company it was last sent as a member of. */
    MEMBERSHIP_MISSING,
    /** The customer is in an organization none of its stored companies maps to. */
    MEMBERSHIP_EXTRA,
    /** A stored company of the contact has no CSM id in the state: the membership is unchecked. */
    MEMBERSHIP_UNKNOWN
  }

  /**
   * One line for people: {@code contact 1001 (qm:…): FIELD_DIFFERENT Phone: expected … actual …}.
   *
   * @return the line
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(type.column()).append(' ').append(hubSpotId);
    csmId.ifPresent(id -> b.append(" (").append(id).append(')'));
    b.append(": ").append(kind);
    field.ifPresent(f -> b.append(' ').append(f));
    expected.ifPresent(e -> b.append(": expected ").append(e));
    actual.ifPresent(a -> b.append(expected.isPresent() ? ", actual " : ": actual ").append(a));
    return b.toString();
  }
}
