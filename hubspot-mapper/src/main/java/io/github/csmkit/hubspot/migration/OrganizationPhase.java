package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.DuplicateRecordException;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.hubspot.mapping.MappedCompany;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.SyncRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
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
   * @param sync with a sync state, the companies by class
   */
  record Result(
      ImportReport<SourceRecord<HubSpotCompany>> report,
      long alreadyPresent,
      long excluded,
      List<String> missing,
      Optional<SyncSummary> sync) {}

  /** A company read, with the organization name its mapping gives (none when it gives none). */
  private record Candidate(SourceRecord<HubSpotCompany> record, Optional<String> name) {}

  private final PhaseImporters importers;
  private final Mapper mapper;
  private final RecordFilter filter;
  private final OrganizationDirectory directory;
  private final MappingWarnings warnings;
  private final Map<String, String> nameByCompanyId = new HashMap<>();
  // every company Record ID read (kept or not), at its first position
  private final Map<String, SourcePosition> firstById = new HashMap<>();
  // a later company with an id read before: refused as a duplicate with both positions
  private final Map<HubSpotCompany, String> duplicates = new IdentityHashMap<>();
  // company ids the companies input lacks, by whether the state holds them (one look-up each)
  private final Map<String, Boolean> knownToState = new HashMap<>();
  private final Set<String> keptProperties = new LinkedHashSet<>();
  private final Optional<SyncRun> state;
  private final boolean retryFailedOnly;
  private DeltaFeed<HubSpotCompany> feed;
  private Result imported;
  private boolean completeSource = true;

  OrganizationPhase(
      PhaseImporters importers,
      Mapper mapper,
      RecordFilter filter,
      OrganizationDirectory directory,
      MappingWarnings warnings) {
    this(importers, mapper, filter, directory, warnings, Optional.empty(), false);
  }

  /**
   * @param state with a sync state, companies are classified against it: a new one is upserted by
   *     name, a changed or renamed one updated by its CSM id, an unchanged one not sent
   */
  OrganizationPhase(
      PhaseImporters importers,
      Mapper mapper,
      RecordFilter filter,
      OrganizationDirectory directory,
      MappingWarnings warnings,
      Optional<SyncRun> state,
      boolean retryFailedOnly) {
    this.state = state;
    this.retryFailedOnly = retryFailedOnly;
    this.importers = importers;
    this.mapper = mapper;
    this.filter = filter;
    this.directory = directory;
    this.warnings = warnings;
    keptProperties.add("name"); // HubSpotCompany.name(), which reports describe records by
    keptProperties.addAll(mapper.mapping().companyProperties());
    keptProperties.add(Modified.COMPANY); // the version the state settles
  }

  /**
   * Whether the companies are every company of the portal (the default) or only those changed since
   * the last sync: an incomplete source reports nothing gone, and the companies it lacks are known
   * to the contacts from the state (their names and CSM ids).
   */
  OrganizationPhase completeSource(boolean complete) {
    this.completeSource = complete;
    return this;
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
    Map<SourceRecord<HubSpotCompany>, Optional<String>> nameOf = new IdentityHashMap<>();
    candidates.forEach(c -> nameOf.put(c.record(), c.name()));
    SyncTally tally = new SyncTally();
    Iterator<SourceRecord<HubSpotCompany>> records =
        candidates.stream().map(Candidate::record).iterator();
    if (state.isPresent()) {
      feed = new DeltaFeed<>(records, state.get(), this::track, tally, retryFailedOnly);
      records = feed;
    }
    List<SourceRecord<HubSpotCompany>> missing = new ArrayList<>();
    long alreadyPresent = 0;
    while (records.hasNext()) {
      SourceRecord<HubSpotCompany> r = records.next();
      boolean planned = feed != null && feed.plan(r).isPresent();
      if (!planned && nameOf.get(r).map(directory::has).orElse(false)) {
        alreadyPresent++;
      } else {
        missing.add(r);
      }
    }
    candidates.clear();
    nameOf.clear();
    ImportReport<SourceRecord<HubSpotCompany>> report = importOrganizations(missing, tally);
    imported = new Result(report, alreadyPresent, excluded, List.of(), Optional.empty());
    directory.lookUp(names); // and now the ids of what this phase made
    List<String> stillMissing = names.stream().filter(n -> !directory.has(n)).toList();
    Optional<SyncSummary> sync = Optional.empty();
    if (state.isPresent()) {
      StateIds.learnOrganizations(directory, state.get());
      if (!completeSource) {
        rememberFromState(state.get());
      }
      if (completeSource && !report.stopped()) {
        StateIds.reportGone(state.get(), ObjectType.COMPANY, tally);
      }
      sync = Optional.of(SyncSummary.of(tally));
    }
    return new Result(report, alreadyPresent, excluded, stillMissing, sync);
  }

  private ImportReport<SourceRecord<HubSpotCompany>> importOrganizations(
      List<SourceRecord<HubSpotCompany>> missing, SyncTally tally) {
    var importer = importers.importer(BulkTarget.ORGANIZATION_PROFILES, "organizations").build();
    if (state.isEmpty()) {
      return importer.run(missing, this::operation);
    }
    Settler settler =
        new Settler(
            state.get(),
            ObjectType.COMPANY,
            feed::take,
            tally,
            r -> ((SourceRecord<?>) r).position().toString());
    ImportReport<SourceRecord<HubSpotCompany>> report;
    try {
      report = importer.run(missing, this::operation, settler);
    } finally {
      settler.flush();
    }
    DetailClears.run(
        importers,
        BulkTarget.ORGANIZATION_DETAILS,
        "organization-details",
        state.get(),
        ObjectType.COMPANY,
        settler.pendingClears(),
        tally);
    return report;
  }

  /**
   * The snapshot of a company, for the delta; empty when it has no id or the mapping refuses it.
   */
  private Optional<DeltaFeed.Tracked> track(HubSpotCompany company) {
    if (company.id().isEmpty() || duplicates.containsKey(company)) {
      return Optional.empty(); // a duplicate is refused by operation(...), not tracked
    }
    MappedCompany m = mapper.map(company);
    if (m.rejected() || m.name().isEmpty()) {
      state.orElseThrow().markRead(ObjectType.COMPANY, company.id()); // read, though not classified
      return Optional.empty();
    }
    return Optional.of(new DeltaFeed.Tracked(Snapshots.company(company, m), Map.of(), m));
  }

  /**
   * What the import did, once it has ended: for a report of a phase whose later steps (the look-up
   * of what was made, the state's ids) failed. Empty before the import ended.
   */
  Optional<Result> imported() {
    return Optional.ofNullable(imported);
  }

  /**
   * The companies this run did not read, as the state knows them: a changed contact of an unchanged
   * company finds its organization by the company's id, as in a full run.
   */
  private void rememberFromState(SyncRun run) {
    List<String> unknown = new ArrayList<>();
    run.forEachRecord(
        ObjectType.COMPANY,
        r -> {
          if (r.identity().isEmpty() || nameByCompanyId.containsKey(r.hubSpotId())) {
            return;
          }
          String name = r.identity().get();
          nameByCompanyId.put(r.hubSpotId(), name);
          r.csmId().ifPresentOrElse(id -> directory.remember(name, id), () -> unknown.add(name));
        });
    directory.lookUp(unknown);
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
      String id = p.value().id();
      SourcePosition first = id.isEmpty() ? null : firstById.putIfAbsent(id, p.value().position());
      if (first != null) { // the first wins, as with contacts' duplicate emails
        HubSpotCompany again = trimmed(p.value()).value();
        duplicates.put(
            again,
            "company Record ID "
                + id
                + " at "
                + p.value().position()
                + " repeats the one at "
                + first
                + ": the first is kept");
        out.add(new Candidate(new SourceRecord.Parsed<>(again), Optional.empty()));
        continue;
      }
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

  /**
   * True when the companies input had no company with this Record ID (and had companies at all:
   * without a companies input, no id is known and none is reported) and the state does not know it
   * either: an incremental read holds only the changed companies, the others settled in earlier
   * runs.
   */
  boolean unknownCompany(String companyId) {
    if (firstById.isEmpty() || firstById.containsKey(companyId)) {
      return false;
    }
    return state.isEmpty()
        || !knownToState.computeIfAbsent(
            companyId, id -> state.get().records(ObjectType.COMPANY, List.of(id)).containsKey(id));
  }

  /** The company with only the properties the mapping reads, to hold less while looking up. */
  private SourceRecord.Parsed<HubSpotCompany> trimmed(HubSpotCompany c) {
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
    String duplicate = duplicates.get(((SourceRecord.Parsed<HubSpotCompany>) record).value());
    if (duplicate != null) {
      throw new DuplicateRecordException(duplicate);
    }
    Optional<Planned> plan = feed == null ? Optional.empty() : feed.plan(record);
    if (plan.isPresent() && !plan.get().delta().needsCreate()) {
      return update(record, plan.get());
    }
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

  /** A changed company, updated by its CSM id: renamed when its name changed, and what changed. */
  private OrganizationProfileOperation update(SourceRecord<HubSpotCompany> record, Planned plan) {
    MappedCompany m = (MappedCompany) plan.mapped();
    warnings.add(record.position(), m.issues());
    OrganizationProfile full = m.operation().orElseThrow().payload();
    Set<String> changed = plan.delta().changedFields();
    OrganizationProfile.Builder update =
        OrganizationProfile.builder().id(plan.delta().csmId().orElseThrow());
    if (plan.delta().identityChange().isPresent()) {
      update.name(plan.snapshot().identity()); // a rename, in place
    }
    full.details().stream().filter(d -> changed.contains(d.name())).forEach(update::addDetails);
    return OrganizationProfileOperation.update(update.build());
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
