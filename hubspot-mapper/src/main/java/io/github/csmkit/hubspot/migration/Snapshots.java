package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.hubspot.mapping.MappedCompany;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.SourceSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How a mapped record is compared with the state, the same for a run and for its plan: the detail
 * fields by name (and a customer's display name as {@link Planned#DISPLAY_NAME}), the email or
 * name, and a contact's memberships by key: the HubSpot company id, or {@code name:} and the
 * organization name when the contact has no company with a name.
 */
final class Snapshots {
  private Snapshots() {}

  /** A contact the mapping accepted; {@code memberships} from {@link #memberships}. */
  static SourceSnapshot contact(HubSpotContact contact, MappedContact m, Set<String> memberships) {
    CustomerProfile p = m.operation().orElseThrow().payload();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    p.displayName().ifPresent(n -> fields.put(Planned.DISPLAY_NAME, List.of(n)));
    fields.putAll(details(p.details()));
    return new SourceSnapshot(
        ObjectType.CONTACT, contact.id(), p.email().orElse(""), fields, memberships);
  }

  /** A company the mapping accepted, with a name. */
  static SourceSnapshot company(HubSpotCompany company, MappedCompany m) {
    return new SourceSnapshot(
        ObjectType.COMPANY,
        company.id(),
        m.name().orElseThrow(),
        details(m.operation().orElseThrow().payload().details()),
        Set.of());
  }

  /**
   * A contact's organizations by membership key: its associated companies' (all, or the primary)
   * that have a name, else the company property's names.
   */
  static Map<String, String> memberships(
      HubSpotContact contact,
      MappedContact m,
      Membership membership,
      Function<String, Optional<String>> nameOfCompany) {
    List<String> companyIds = m.hubSpotCompanyIds();
    if (membership == Membership.PRIMARY && companyIds.size() > 1) {
      String primary =
          contact
              .property("associatedcompanyid")
              .filter(companyIds::contains)
              .orElse(companyIds.get(0));
      companyIds = List.of(primary);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (String companyId : companyIds) {
      nameOfCompany.apply(companyId).ifPresent(n -> names.put(companyId, n));
    }
    if (names.isEmpty()) {
      for (String n : m.organizationNames()) {
        names.put("name:" + n.trim().toLowerCase(Locale.ROOT), n);
      }
    }
    return names;
  }

  private static Map<String, List<String>> details(List<Detail> details) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (Detail d : details) {
      fields.put(d.name(), d.values());
    }
    return fields;
  }
}
