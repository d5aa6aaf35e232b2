package io.github.csmkit.hubspot.migration;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a migration with a sync state would send, from {@link HubSpotMigration#plan}: computed from
 * the state and the source alone, with nothing written anywhere and nothing sent to CSM.
 *
 * @param state the state's location (credentials masked)
 * @param companies the companies (with a HubSpot id) by class
 * @param contacts the contacts by class
 */
public record SyncPlan(String state, Part companies, Part contacts) {
  /** Checks that nothing is null. */
  public SyncPlan {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(companies, "companies");
    Objects.requireNonNull(contacts, "contacts");
  }

  /**
   * One type's records by what a run would do with them.
   *
   * @param created would be created (new to the state)
   * @param updated would be updated by CSM id (changed since CSM last accepted them)
   * @param unchanged would not be sent
   * @param retried would be sent again (their last attempt failed)
   * @param rejected would be refused locally (unreadable or unmappable)
   * @param gone in the state, not in the (complete) source: would be reported, never deleted
   * @param updatedByField how many updates each field, the email or name ({@code email}, {@code
   *     name}), a cleared field ({@code <field> (cleared)}) or new memberships ({@code
   *     memberships}) would carry
   * @param examples a few records of each class, described
   */
  public record Part(
      long created,
      long updated,
      long unchanged,
      long retried,
      long rejected,
      long gone,
      Map<String, Long> updatedByField,
      List<String> examples) {
    /** Copies the collections. */
    public Part {
      updatedByField = Map.copyOf(updatedByField);
      examples = List.copyOf(examples);
    }

    /** One line: {@code 2 created, 8 updated (lifecycle 5, email 1), 21 unchanged, ...}. */
    String line() {
      StringBuilder fields = new StringBuilder();
      updatedByField.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(
              e ->
                  fields
                      .append(fields.length() == 0 ? "" : ", ")
                      .append(e.getKey())
                      .append(' ')
                      .append(e.getValue()));
      return created
          + " to create, "
          + updated
          + " to update"
          + (fields.length() == 0 ? "" : " (" + fields + ")")
          + ", "
          + unchanged
          + " unchanged, "
          + retried
          + " to retry, "
          + rejected
          + " rejected, "
          + gone
          + " gone";
    }
  }

  /**
   * A few lines for a console: the plan by type, then the examples.
   *
   * @return the lines
   */
  public String summary() {
    StringBuilder s =
        new StringBuilder("Plan (nothing was sent or written; state ").append(state).append("):\n");
    s.append("  companies: ").append(companies.line()).append('\n');
    s.append("  contacts: ").append(contacts.line()).append('\n');
    for (Part p : List.of(companies, contacts)) {
      p.examples().forEach(e -> s.append("    e.g. ").append(e).append('\n'));
    }
    return s.toString();
  }
}
