package io.github.csmkit.hubspot.internal;

/**
 * A contact named in one long: its HubSpot id when numeric (HubSpot's ids are), else its position
 * in the input, negated. Lets de-duplication keep 16 bytes a contact instead of strings. Not for
 * users.
 */
public final class RecordRefs {
  private RecordRefs() {}

  /** The reference of a contact with this HubSpot id at this position (from 0). */
  public static long of(String hubSpotId, long position) {
    return hubSpotId.matches("\\d{1,18}") ? Long.parseLong(hubSpotId) : -(position + 1);
  }

  /** "contact 123", or "record 7" for a contact whose id is not a number. */
  public static String describe(long ref) {
    return ref >= 0 ? "contact " + ref : "record " + (-ref - 1);
  }
}
