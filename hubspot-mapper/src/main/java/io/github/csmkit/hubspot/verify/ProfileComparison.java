package io.github.csmkit.hubspot.verify;

import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.OrganizationRecord;
import io.github.csmkit.client.model.OrganizationRef;
import io.github.csmkit.hubspot.state.FieldHashes;
import io.github.csmkit.hubspot.state.StoredRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Compares one stored record with its profile fetched from CSM. Pure. */
final class ProfileComparison {
  private static final String JOIN = " | ";

  private final String displayNameField;

  ProfileComparison(String displayNameField) {
    this.displayNameField = displayNameField;
  }

  /**
   * The differences between a stored contact and its CSM customer.
   *
   * @param companies the contact's companies' HubSpot ids to their CSM ids (empty when the state
   *     holds none); a company the state does not hold is absent
   */
  List<Difference> customer(
      StoredRecord stored, CustomerRecord actual, Map<String, Optional<String>> companies) {
    List<Difference> out = new ArrayList<>();
    stored
        .identity()
        .filter(email -> !actual.email().map(email::equalsIgnoreCase).orElse(false))
        .ifPresent(
            email ->
                out.add(
                    diff(
                        stored,
                        Difference.Kind.IDENTITY,
                        null,
                        email,
                        actual.email().orElse(null))));
    String nameHash = stored.fieldHashes().get(displayNameField);
    if (nameHash != null) {
      Optional<String> name = actual.displayName();
      if (name.isEmpty() || !nameHash.equals(FieldHashes.hash(List.of(name.get())))) {
        out.add(
            diff(
                stored, Difference.Kind.DISPLAY_NAME, null, "hash " + nameHash, name.orElse(null)));
      }
    }
    fields(stored, actual::detail, out);
    memberships(stored, actual.organizations(), companies, out);
    return out;
  }

  /** The differences between a stored company and its CSM organization. */
  List<Difference> organization(StoredRecord stored, OrganizationRecord actual) {
    List<Difference> out = new ArrayList<>();
    stored
        .identity()
        .filter(name -> !actual.name().map(name::equals).orElse(false))
        .ifPresent(
            name ->
                out.add(
                    diff(
                        stored, Difference.Kind.IDENTITY, null, name, actual.name().orElse(null))));
    fields(stored, actual::detail, out);
    return out;
  }

  private void fields(
      StoredRecord stored, Function<String, List<String>> values, List<Difference> out) {
    stored
        .fieldHashes()
        .forEach(
            (field, hash) -> {
              if (field.equals(displayNameField)) {
                return;
              }
              List<String> actual = values.apply(field);
              if (actual.isEmpty()) {
                out.add(diff(stored, Difference.Kind.FIELD_MISSING, field, "hash " + hash, null));
              } else if (!hash.equals(FieldHashes.hash(actual))) {
                out.add(
                    diff(
                        stored,
                        Difference.Kind.FIELD_DIFFERENT,
                        field,
                        "hash " + hash,
                        String.join(JOIN, actual)));
              }
            });
  }

  private static void memberships(
      StoredRecord stored,
      List<OrganizationRef> actual,
      Map<String, Optional<String>> companies,
      List<Difference> out) {
    Set<String> expected = new LinkedHashSet<>();
    for (String company : stored.memberships()) {
      Optional<String> orgId = companies.getOrDefault(company, Optional.empty());
      if (orgId.isEmpty()) {
        out.add(diff(stored, Difference.Kind.MEMBERSHIP_UNKNOWN, company, null, null));
      } else {
        expected.add(orgId.get());
        if (actual.stream().noneMatch(o -> o.id().equals(orgId.get()))) {
          out.add(diff(stored, Difference.Kind.MEMBERSHIP_MISSING, company, orgId.get(), null));
        }
      }
    }
    boolean unknown = expected.size() < stored.memberships().size();
    for (OrganizationRef o : actual) {
      // with a company of unknown id, an organization not expected may be that one: not claimed
      if (!unknown && !expected.contains(o.id())) {
        String name = o.name().map(n -> o.id() + " (" + n + ")").orElse(o.id());
        out.add(diff(stored, Difference.Kind.MEMBERSHIP_EXTRA, null, null, name));
      }
    }
  }

  static Difference diff(
      StoredRecord stored, Difference.Kind kind, String field, String expected, String actual) {
    return new Difference(
        stored.type(),
        stored.hubSpotId(),
        stored.csmId(),
        kind,
        Optional.ofNullable(field),
        Optional.ofNullable(expected),
        Optional.ofNullable(actual));
  }
}
