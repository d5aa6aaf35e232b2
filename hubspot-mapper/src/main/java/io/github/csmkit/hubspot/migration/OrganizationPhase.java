package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.hubspot.mapping.MappedCompany;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organization phase, in three steps that never overlap: read the companies (and the company
 * names contacts carry without a company record), look up which of their names CSM has, then import
 * the others and look up the ids of what was made. No request is made from inside the records the
 * engine reads. The companies are held for the phase, the contacts never are.
 */
final class OrganizationPhase {
  /**
   * What the phase did.
   *
   * @param report the import of the organizations CSM lacked
   * @param alreadyPresent companies skipped because CSM had their name
   * @param excluded companies the filter left out
   * @param missing names that CSM still lacks after the import
   */
  record Result(
      ImportReport<SourceRecord<HubSpotCompany>> report,
      long alreadyPresent,
      long excluded,
      List<String> missing) {}

  /** A company read, with the organization name its mapping gives (none when it gives none). */
  private record Candidate(SourceRecord<HubSpotCompany> record, Optional<String> name) {}

  private final PhaseImporters importers;
  private final Mapper mapper;
  private final RecordFilter filter;
  private final OrganizationDirectory directory;
  private final MappingWarnings warnings;
  private final Map<String, String> nameByCompanyId = new HashMap<>();
  private final Set<String> keptProperties = new LinkedHashSet<>();

  OrganizationPhase(
      PhaseImporters importers,
      Mapper mapper,
      RecordFilter filter,
      OrganizationDirectory directory,
      MappingWarnings warnings) {
    this.importers = importers;
    this.mapper = mapper;
    this.filter = filter;
    this.directory = directory;
    this.warnings = warnings;
    keptProperties.add("name"); // HubSpotCompany.name(), which reports describe records by
    keptProperties.addAll(mapper.mapping().companyProperties());
  }

  /**
   * Runs the phase.
   *
   * @param companies read once
   * @param contactNames company names from contacts; those no company has become organizations
   */
  Result run(Iterable<SourceRecord<HubSpotCompany>> companies, Set<String> contactNames) {
    List<Candidate> candidates = new ArrayList<>();
    long excluded = read(companies, contactNames, candidates);
    Set<String> names = new LinkedHashSet<>();
    candidates.forEach(c -> c.name().ifPresent(names::add));
    directory.lookUp(names); // what CSM had before this phase
    List<SourceRecord<HubSpotCompany>> missing = new ArrayList<>();
    long alreadyPresent = 0;
    for (Candidate c : candidates) {
      if (c.name().map(directory::has).orElse(false)) {
        alreadyPresent++;
      } else {
        missing.add(c.record());
      }
    }
    candidates.clear();
    ImportReport<SourceRecord<HubSpotCompany>> report =
        importers
            .importer(BulkTarget.ORGANIZATION_PROFILES, "organizations")
            .build()
            .run(missing, this::operation);
    directory.lookUp(names); // and now the ids of what this phase made
    List<String> stillMissing = names.stream().filter(n -> !directory.has(n)).toList();
    return new Result(report, alreadyPresent, excluded, stillMissing);
  }

  /** The organization name of a HubSpot company id, once the phase has read its company. */
  Optional<String> nameOfCompany(String companyId) {
    return Optional.ofNullable(nameByCompanyId.get(companyId));
  }

  /** Reads the companies the filter keeps into {@code out}; returns how many it left out. */
  private long read(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Set<String> contactNames,
      List<Candidate> out) {
    Set<String> seen = new HashSet<>();
    long excluded = 0;
    for (SourceRecord<HubSpotCompany> r : companies) {
      if (!(r instanceof SourceRecord.Parsed<HubSpotCompany> p)) {
        out.add(new Candidate(r, Optional.empty()));
        continue;
      }
      p.value().name().ifPresent(n -> seen.add(lower(n)));
      if (!filter.test(p.value())) {
        excluded++;
        continue;
      }
      Optional<String> name = mapper.map(p.value()).name();
      name.ifPresent(
          n -> {
            if (!p.value().id().isEmpty()) {
              nameByCompanyId.put(p.value().id(), n);
            }
          });
      out.add(new Candidate(trimmed(p.value()), name));
    }
    long n = 0;
    for (String name : contactNames) {
      if (seen.add(lower(name))) {
        out.add(new Candidate(fromContacts(name, ++n), Optional.of(name)));
      }
    }
    return excluded;
  }

  /** The company with only the properties the mapping reads, to hold less while looking up. */
  private SourceRecord<HubSpotCompany> trimmed(HubSpotCompany c) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String property : keptProperties) {
      String v = c.properties().get(property);
      if (v != null) {
        kept.put(property, v);
      }
    }
    return new SourceRecord.Parsed<>(new HubSpotCompany(c.id(), kept, c.archived(), c.position()));
  }

  private SourceRecord<HubSpotCompany> fromContacts(String name, long number) {
    return new SourceRecord.Parsed<>(
        new HubSpotCompany(
            "",
            Map.of(mapper.mapping().organizationNameProperty(), name),
            false,
            new SourcePosition("contacts' company names", 0, number)));
  }

  /** Called by the engine for each company to import. */
  private OrganizationProfileOperation operation(SourceRecord<HubSpotCompany> record) {
    MappedCompany mapped = mapper.map(((SourceRecord.Parsed<HubSpotCompany>) record).value());
    warnings.add(record.position(), mapped.issues());
    OrganizationProfileOperation create =
        mapped
            .operation()
            .orElseThrow(
                () ->
                    new CsmValidationException(
                        record.position() + ": " + mapped.rejectionReason()));
    // UPSERT by name, not CREATE: a task a crashed run left in flight may create the same
    // organization meanwhile, and an upsert then updates it instead of failing or duplicating
    return OrganizationProfileOperation.upsert(create.payload());
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
