package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.hubspot.migration.VerificationSample.Expected;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last phase: fetches the sampled customers that imported back from CSM by email and compares
 * display name, organizations and detail values with what was sent.
 */
final class VerificationPhase {
  private final CsmClient csm;

  VerificationPhase(CsmClient csm) {
    this.csm = csm;
  }

  /**
   * Verifies the sample against CSM.
   *
   * @param report the customer phase, whose failures are left out of the comparison
   * @param organizationsMissing the names the organization phase could not find afterwards
   */
  Verification run(
      VerificationSample sample,
      ImportReport<SourceRecord<HubSpotContact>> report,
      List<String> organizationsMissing) {
    Set<SourcePosition> notImported = new HashSet<>();
    report.failures().forEach(f -> notImported.add(f.record().position()));
    Map<String, Expected> byEmail = new LinkedHashMap<>();
    sample.expected().stream()
        .filter(e -> !notImported.contains(e.position()))
        .forEach(e -> byEmail.put(lower(e.email()), e));
    Map<String, CustomerRecord> found = new HashMap<>();
    for (CustomerRecord c :
        csm.customerProfiles()
            .fetchByEmails(byEmail.values().stream().map(Expected::email).toList())) {
      c.email().ifPresent(e -> found.put(lower(e), c));
    }
    List<String> problems = new ArrayList<>();
    for (Expected e : byEmail.values()) {
      compare(e, found.get(lower(e.email())), problems);
    }
    return new Verification(
        byEmail.size(), report.counts().succeeded(), problems, organizationsMissing);
  }

  /** Adds what differs between what was sent and what CSM has ({@code actual}, maybe null). */
  static void compare(Expected e, CustomerRecord actual, List<String> problems) {
    String who = e.position() + ": customer " + e.email();
    if (actual == null) {
      problems.add(who + " is not in CSM");
      return;
    }
    String name = actual.displayName().orElse(null);
    if (e.displayName() != null && !e.displayName().equals(name)) {
      problems.add(
          who
              + " has display name '"
              + (name == null ? "" : name)
              + "', expected '"
              + e.displayName()
              + "'");
    }
    Set<String> orgs = new TreeSet<>();
    actual.organizations().forEach(o -> orgs.add(o.id()));
    if (!orgs.containsAll(e.organizationIds())) {
      problems.add(
          who
              + " belongs to organizations "
              + orgs
              + ", expected "
              + new TreeSet<>(e.organizationIds()));
    }
    Map<String, Set<String>> details = new HashMap<>();
    actual.details().forEach(d -> details.put(d.name(), new TreeSet<>(d.values())));
    e.details()
        .forEach(
            (field, values) -> {
              if (!values.equals(details.get(field))) {
                problems.add(
                    who
                        + " has "
                        + field
                        + " = "
                        + details.getOrDefault(field, Set.of())
                        + ", expected "
                        + values);
              }
            });
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
