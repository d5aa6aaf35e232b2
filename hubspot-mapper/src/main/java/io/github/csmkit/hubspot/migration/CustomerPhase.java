package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.DuplicateRecordException;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.SyncRun;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer phase: the selected contacts mapped to customer profiles, de-duplicated, joined to
 * the organizations of their companies, and imported with a journal when one is set. Unreadable
 * rows go to the engine as they are, which reports them at the SOURCE stage.
 *
 * <p>With a sync state, the contacts go through a {@link DeltaFeed}: a new contact is upserted by
 * email (so a resumed run that sends it in another batch updates rather than fails), a changed one
 * is updated by its CSM id with only what changed, and an unchanged one is not sent. The engine's
 * outcomes settle the state; cleared values are then deleted ({@link DetailClears}), the ids of
 * created customers fetched back, and contacts of the state that a complete source no longer has
 * reported as gone.
 */
final class CustomerPhase {
  /**
   * What the phase did.
   *
   * @param report the import
   * @param excluded contacts the filter left out
   * @param unknownOrganizations references to organizations CSM does not have
   * @param readToEnd whether the contacts were read to their end
   * @param lastRead where the last contact read came from
   * @param sync the counts by class, with a sync state
   */
  record Result(
      ImportReport<SourceRecord<HubSpotContact>> report,
      long excluded,
      long unknownOrganizations,
      boolean readToEnd,
      Optional<SourcePosition> lastRead,
      Optional<SyncSummary> sync) {}

  private final PhaseImporters importers;
  private final MigrationSettings settings;
  private final OrganizationPhase organizations;
  private final OrganizationDirectory directory;
  private final Deduplication deduplication;
  private final MappingWarnings warnings;
  private final VerificationSample sample;
  private final Optional<SyncRun> state;
  private DeltaFeed<HubSpotContact> feed;
  private long unknownOrganizations;
  private Result imported;
  private boolean completeSource = true;

  CustomerPhase(
      PhaseImporters importers,
      MigrationSettings settings,
      OrganizationPhase organizations,
      OrganizationDirectory directory,
      Deduplication deduplication,
      MappingWarnings warnings,
      VerificationSample sample,
      Optional<SyncRun> state) {
    this.state = state;
    this.importers = importers;
    this.settings = settings;
    this.organizations = organizations;
    this.directory = directory;
    this.deduplication = deduplication;
    this.warnings = warnings;
    this.sample = sample;
  }

  /**
   * Whether the contacts are every contact of the portal (the default) or only those changed since
   * the last sync, which reports nothing gone.
   */
  CustomerPhase completeSource(boolean complete) {
    this.completeSource = complete;
    return this;
  }

  /** Imports the contacts; closes them afterwards when they are closeable. */
  Result run(Iterable<SourceRecord<HubSpotContact>> contacts) {
    BulkImporter.Builder<CustomerProfileOperation, ?> importer =
        importers.importer(BulkTarget.CUSTOMER_PROFILES, "customers").noDedupe(); // done here
    // Only this phase is journaled: the earlier ones send what CSM lacks, so their input changes
    // as they progress, and a rerun finds what they did by looking at CSM itself.
    settings
        .journalDirectory()
        .filter(d -> state.isEmpty()) // the state replaces the journal
        .ifPresent(d -> importer.journal(d.resolve(safe(settings.jobId()) + ".customers.journal")));
    ContactSelection selection =
        new ContactSelection(settings.contactFilter(), settings.testBatch());
    try {
      Iterator<SourceRecord<HubSpotContact>> selected = selection.select(contacts);
      if (state.isPresent()) {
        return runWithState(importer, selected, selection, state.get());
      }
      return imported(importer.build().run(() -> selected, this::operation), selection);
    } finally {
      Sources.closeQuietly(contacts);
    }
  }

  private Result runWithState(
      BulkImporter.Builder<CustomerProfileOperation, ?> importer,
      Iterator<SourceRecord<HubSpotContact>> selected,
      ContactSelection selection,
      SyncRun run) {
    SyncTally tally = new SyncTally();
    feed =
        new DeltaFeed<>(
            selected,
            run,
            deduplication::prepare,
            c -> track(run, c),
            tally,
            settings.retryFailedOnly());
    Settler settler =
        new Settler(
            run,
            ObjectType.CONTACT,
            feed::take,
            tally,
            r -> ((SourceRecord<?>) r).position().toString());
    ImportReport<SourceRecord<HubSpotContact>> report;
    try {
      report = importer.build().run(() -> feed, this::operation, settler);
    } finally {
      settler.flush();
    }
    imported(report, selection);
    DetailClears.run(
        importers,
        BulkTarget.CUSTOMER_DETAILS,
        "customer-details",
        run,
        ObjectType.CONTACT,
        settler.pendingClears(),
        tally);
    StateIds.learnCustomers(importers.csm(), run);
    boolean complete = completeSource && selection.readToEnd() && settings.testBatch().isEmpty();
    if (complete && !report.stopped()) {
      StateIds.reportGone(run, ObjectType.CONTACT, tally);
    }
    return new Result(
        report,
        selection.excluded(),
        unknownOrganizations,
        selection.readToEnd(),
        selection.lastRead(),
        Optional.of(SyncSummary.of(tally)));
  }

  /** Records what the import did, before any later step can fail, and returns it. */
  private Result imported(
      ImportReport<SourceRecord<HubSpotContact>> report, ContactSelection selection) {
    imported =
        new Result(
            report,
            selection.excluded(),
            unknownOrganizations,
            selection.readToEnd(),
            selection.lastRead(),
            Optional.empty());
    return imported;
  }

  /**
   * What the import did, once it has ended: for a report of a phase whose later steps (cleared
   * values, the state's ids) failed. Empty before the import ended.
   */
  Optional<Result> imported() {
    return Optional.ofNullable(imported);
  }

  /** The snapshot of a contact, for the delta; empty when the engine is to refuse it. */
  private Optional<DeltaFeed.Tracked> track(SyncRun run, HubSpotContact contact) {
    if (contact.id().isEmpty()) {
      return Optional.empty();
    }
    MappedContact m = settings.mapper().map(contact);
    if (m.rejected()) {
      run.markRead(ObjectType.CONTACT, contact.id()); // read, though not classified
      return Optional.empty(); // operation(...) maps it again and refuses it
    }
    try {
      deduplication.check(contact); // here, as a skipped first contact must still count
    } catch (DuplicateRecordException e) {
      run.markRead(ObjectType.CONTACT, contact.id());
      return Optional.empty(); // and operation(...) refuses it again, as the same duplicate
    }
    Map<String, String> names = organizationNames(contact, m);
    Map<String, String> links = new LinkedHashMap<>();
    names.forEach((key, name) -> directory.idOf(name).ifPresent(id -> links.put(key, id)));
    return Optional.of(
        new DeltaFeed.Tracked(Snapshots.contact(contact, m, names.keySet()), links, m));
  }

  /** The operation of a planned contact: an upsert when CSM has none, else an update by id. */
  private CustomerProfileOperation planned(SourceRecord<HubSpotContact> record, Planned plan) {
    MappedContact m = (MappedContact) plan.mapped();
    warnings.add(record.position(), m.issues());
    warnUnknownCompanies(record.position(), m);
    CustomerProfile full = m.operation().orElseThrow().payload();
    unknownOrganizations += plan.heldBack().size();
    List<String> joined = List.copyOf(plan.organizationIdsToAdd());
    sample.offer(
        record.position(),
        m.operationWithOrganizations(List.copyOf(new TreeSet<>(plan.links().values()))),
        new TreeSet<>(plan.links().values()));
    if (plan.delta().needsCreate()) {
      return CustomerProfileOperation.upsert(
          CustomerProfile.builder().from(full).associateOrganizations(joined).build());
    }
    Set<String> changed = plan.delta().changedFields();
    CustomerProfile.Builder update =
        CustomerProfile.builder()
            .customerId(plan.delta().csmId().orElseThrow())
            .associateOrganizations(joined);
    if (plan.delta().identityChange().isPresent()) {
      full.email().ifPresent(update::email); // updates the same customer, by id
    }
    if (changed.contains(Planned.DISPLAY_NAME)) {
      full.displayName().ifPresent(update::displayName);
    }
    full.details().stream().filter(d -> changed.contains(d.name())).forEach(update::addDetails);
    return CustomerProfileOperation.update(update.build());
  }

  /** Called by the engine once per readable contact, in input order. */
  CustomerProfileOperation operation(SourceRecord<HubSpotContact> record) {
    Optional<Planned> plan = feed == null ? Optional.empty() : feed.plan(record);
    if (plan.isPresent()) {
      return planned(record, plan.get());
    }
    HubSpotContact contact = ((SourceRecord.Parsed<HubSpotContact>) record).value();
    MappedContact m = settings.mapper().map(contact);
    warnings.add(record.position(), m.issues());
    warnUnknownCompanies(record.position(), m);
    if (m.rejected()) {
      throw new CsmValidationException(record.position() + ": " + m.rejectionReason());
    }
    deduplication.check(contact);
    Set<String> ids = new TreeSet<>();
    for (String name : organizationNames(contact, m).values()) {
      Optional<String> id = directory.idOf(name);
      if (id.isPresent()) {
        ids.add(id.get());
      } else {
        unknownOrganizations++;
      }
    }
    CustomerProfileOperation op = m.operationWithOrganizations(List.copyOf(ids));
    sample.offer(record.position(), op, ids);
    return op;
  }

  /** A warning for each Associated Company ID the companies input does not have. */
  private void warnUnknownCompanies(SourcePosition position, MappedContact m) {
    for (String id : m.hubSpotCompanyIds()) {
      if (organizations.unknownCompany(id)) {
        warnings.add(
            position,
            "Associated Company IDs",
            "company " + id + " is not in the companies input: no organization for it");
      }
    }
  }

  private Map<String, String> organizationNames(HubSpotContact contact, MappedContact m) {
    return Snapshots.memberships(contact, m, settings.membership(), organizations::nameOfCompany);
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
