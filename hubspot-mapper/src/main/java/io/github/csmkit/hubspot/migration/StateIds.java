package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.StoredRecord;
import io.github.csmkit.hubspot.state.SyncRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a phase does with the state after its import: learn the CSM ids of what it created (CSM's
 * tasks report failures only, so they are fetched back, by email or name) and report the records a
 * complete source no longer has.
 */
final class StateIds {
  /** Emails fetched back per call (the client splits them into requests of its limit). */
  static final int FETCH_CHUNK = 500;

  private StateIds() {}

  /** Fetches back, by email, the customers imported without a known id, and records their ids. */
  static void learnCustomers(CsmClient csm, SyncRun run) {
    List<StoredRecord> unknown = withoutId(run, ObjectType.CONTACT);
    for (int i = 0; i < unknown.size(); i += FETCH_CHUNK) {
      List<StoredRecord> chunk = unknown.subList(i, Math.min(i + FETCH_CHUNK, unknown.size()));
      Map<String, String> idByEmail = new HashMap<>();
      for (CustomerRecord c :
          csm.customerProfiles()
              .fetchByEmails(chunk.stream().map(r -> r.identity().orElseThrow()).toList())) {
        c.email().ifPresent(e -> idByEmail.put(lower(e), c.id()));
      }
      Map<String, String> learned = new HashMap<>();
      for (StoredRecord r : chunk) {
        String id = idByEmail.get(lower(r.identity().orElseThrow()));
        if (id != null) {
          learned.put(r.hubSpotId(), id);
        }
      }
      run.learnCsmIds(ObjectType.CONTACT, learned);
    }
  }

  /** Looks up, by name, the organizations imported without a known id, and records their ids. */
  static void learnOrganizations(OrganizationDirectory directory, SyncRun run) {
    List<StoredRecord> unknown = withoutId(run, ObjectType.COMPANY);
    directory.lookUp(unknown.stream().map(r -> r.identity().orElseThrow()).toList());
    Map<String, String> learned = new HashMap<>();
    for (StoredRecord r : unknown) {
      directory.idOf(r.identity().orElseThrow()).ifPresent(id -> learned.put(r.hubSpotId(), id));
    }
    run.learnCsmIds(ObjectType.COMPANY, learned);
  }

  /**
   * Counts, with examples, the records of the state the source did not have: those the run did not
   * read ({@link SyncRun#forEachUnread}).
   */
  static void reportGone(SyncRun run, ObjectType type, SyncTally tally) {
    run.forEachUnread(
        type,
        r ->
            tally.gone(
                type.name().toLowerCase(Locale.ROOT)
                    + " "
                    + r.hubSpotId()
                    + " ("
                    + r.identity().orElse("never imported")
                    + "), CSM id "
                    + r.csmId().orElse("unknown")));
  }

  private static List<StoredRecord> withoutId(SyncRun run, ObjectType type) {
    List<StoredRecord> out = new ArrayList<>();
    run.forEachWithoutCsmId(type, out::add);
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
