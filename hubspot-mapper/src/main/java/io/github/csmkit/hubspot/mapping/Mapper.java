package io.github.csmkit.hubspot.mapping;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.Emails;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.source.PropertyCatalog;
import io.github.csmkit.hubspot.source.PropertyDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps HubSpot contacts and companies to CSM operations with a {@link HubSpotMapping}. Pure and
 * thread-safe: no I/O, no state; every call returns a result carrying its own issues.
 *
 * <p>A contact without a valid email ({@link Emails#isValid}: the guide's pattern) is rejected; a
 * value that is not among a select field's options, or cannot be read as a number or date, is left
 * out with a {@link MappingIssue.Severity#WARNING} (or rejects the record when the mapping is
 * {@linkplain HubSpotMapping#strict() strict}). The operation's own rules (csm-client's {@code
 * violations()}) are checked too, so a mapped operation is valid for a batch.
 */
public final class Mapper {
  private final HubSpotMapping mapping;
  private final PropertyCatalog contactCatalog;
  private final PropertyCatalog companyCatalog;

  private Mapper(HubSpotMapping mapping, PropertyCatalog contacts, PropertyCatalog companies) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.contactCatalog = PropertyCatalog.defaultContacts().merge(contacts);
    this.companyCatalog = PropertyCatalog.defaultCompanies().merge(companies);
  }

  /** A mapper using HubSpot's default property catalogs for labels. */
  public static Mapper of(HubSpotMapping mapping) {
    return new Mapper(mapping, PropertyCatalog.empty(), PropertyCatalog.empty());
  }

  /**
   * A mapper using these catalogs (over the defaults) to show enumeration values by label, for
   * mappings with {@code labels: true} (e.g. a portal's 148 industry options).
   */
  public static Mapper of(
      HubSpotMapping mapping, PropertyCatalog contacts, PropertyCatalog companies) {
    return new Mapper(mapping, contacts, companies);
  }

  /** The mapping. */
  public HubSpotMapping mapping() {
    return mapping;
  }

  /** Maps a contact to a customer-profile operation of the mapping's operation type. */
  public MappedContact map(HubSpotContact contact) {
    List<MappingIssue> issues = new ArrayList<>();
    String emailProperty = mapping.emailProperty();
    Optional<String> email = contact.property(emailProperty);
    if (email.isEmpty()) {
      issues.add(error(emailProperty, "", "no email: a customer is identified by its email"));
    } else if (!Emails.isValid(email.get())) {
      issues.add(error(emailProperty, email.get(), "invalid email '" + email.get() + "'"));
    }
    List<String> orgNames = new ArrayList<>();
    if (mapping.organizationProperty() != null) {
      contact.property(mapping.organizationProperty()).ifPresent(orgNames::add);
    }
    if (!issues.isEmpty()) {
      return new MappedContact(
          contact, Optional.empty(), orgNames, contact.associatedCompanyIds(), issues);
    }
    List<Detail> details = details(contact, mapping.customerFields(), contactCatalog, issues);
    CustomerProfile profile =
        CustomerProfile.builder()
            .email(email.get())
            .displayName(displayName(contact).orElse(email.get()))
            .details(details)
            .build();
    CustomerProfileOperation op =
        switch (mapping.operationType()) {
          case CREATE -> CustomerProfileOperation.create(profile);
          case UPSERT -> CustomerProfileOperation.upsert(profile);
          case UPDATE -> CustomerProfileOperation.update(profile);
        };
    addViolations(op.violations(), issues);
    boolean failed = issues.stream().anyMatch(i -> i.severity() == MappingIssue.Severity.ERROR);
    return new MappedContact(
        contact,
        failed ? Optional.empty() : Optional.of(op),
        orgNames,
        contact.associatedCompanyIds(),
        issues);
  }

  /** Maps a company to an organization-profile CREATE. */
  public MappedCompany map(HubSpotCompany company) {
    List<MappingIssue> issues = new ArrayList<>();
    Optional<String> name = company.property(mapping.organizationNameProperty());
    if (name.isEmpty() && mapping.organizationFallbackNameProperty() != null) {
      name = company.property(mapping.organizationFallbackNameProperty());
      name.ifPresent(
          n ->
              issues.add(
                  new MappingIssue(
                      mapping.organizationNameProperty(),
                      "",
                      MappingIssue.Severity.WARNING,
                      "no name, using "
                          + mapping.organizationFallbackNameProperty()
                          + " '"
                          + n
                          + "'")));
    }
    if (name.isEmpty()) {
      issues.add(
          error(mapping.organizationNameProperty(), "", "no name: an organization needs a name"));
      return new MappedCompany(company, Optional.empty(), issues);
    }
    List<Detail> details = details(company, mapping.organizationFields(), companyCatalog, issues);
    OrganizationProfileOperation op =
        OrganizationProfileOperation.create(
            OrganizationProfile.builder().name(name.get()).details(details).build());
    addViolations(op.violations(), issues);
    boolean failed = issues.stream().anyMatch(i -> i.severity() == MappingIssue.Severity.ERROR);
    return new MappedCompany(company, failed ? Optional.empty() : Optional.of(op), issues);
  }

  private Optional<String> displayName(HubSpotContact contact) {
    List<String> parts = new ArrayList<>();
    for (String p : mapping.displayNameProperties()) {
      contact.property(p).ifPresent(parts::add);
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
  }

  private List<Detail> details(
      HubSpotRecord record,
      List<PropertyMapping> fields,
      PropertyCatalog catalog,
      List<MappingIssue> issues) {
    Map<String, Detail> out = new LinkedHashMap<>();
    for (PropertyMapping f : fields) {
      String raw = record.properties().get(f.property());
      Optional<PropertyDefinition> def = catalog.byName(f.property());
      PropertyMapping.Result r = f.apply(raw, def, mapping.timeZone());
      if (r.problem() != null) {
        issues.add(
            new MappingIssue(
                f.property(),
                raw,
                mapping.strict() ? MappingIssue.Severity.ERROR : MappingIssue.Severity.WARNING,
                r.problem() + (mapping.strict() ? "" : "; left out")));
        continue;
      }
      if (r.values().isEmpty()) {
        continue;
      }
      String key = f.field().toLowerCase(Locale.ROOT);
      if (out.containsKey(key)) {
        issues.add(
            new MappingIssue(
                f.property(),
                raw,
                MappingIssue.Severity.WARNING,
                "detail '" + f.field() + "' already set by an earlier property; left out"));
        continue;
      }
      out.put(key, Detail.of(f.field(), r.values()));
    }
    return List.copyOf(out.values());
  }

  private static void addViolations(List<Violation> violations, List<MappingIssue> issues) {
    for (Violation v : violations) {
      issues.add(error("*", "", v.field() + ": " + v.message()));
    }
  }

  private static MappingIssue error(String property, String value, String message) {
    return new MappingIssue(property, value, MappingIssue.Severity.ERROR, message);
  }
}
