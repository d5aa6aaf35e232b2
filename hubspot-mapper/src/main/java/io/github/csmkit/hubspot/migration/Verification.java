package io.github.csmkit.hubspot.migration;

import java.util.List;

/**
 * What verification found: imported customers fetched back by email and compared with what was sent
 * (display name and organizations), and organizations looked up by name.
 *
 * @param customersChecked customers fetched back (all imported ones, or a sample of them)
 * @param customersImported customers the import reported as created
 * @param problems each customer or organization that is missing or differs, with what differs
 * @param organizationsMissing organization names that could not be found after their import
 */
public record Verification(
    long customersChecked,
    long customersImported,
    List<String> problems,
    List<String> organizationsMissing) {
  /** A verification that did not run. */
  public static final Verification SKIPPED = new Verification(0, 0, List.of(), List.of());

  /** Copies the lists. */
  public Verification {
    problems = List.copyOf(problems);
    organizationsMissing = List.copyOf(organizationsMissing);
  }

  /**
   * True when nothing checked was missing or different, and something was checked: customers
   * imported but none fetched back (for example all of them taken from a journal) is no pass.
   */
  public boolean passed() {
    return problems.isEmpty()
        && organizationsMissing.isEmpty()
        && (customersChecked > 0 || customersImported == 0);
  }
}
