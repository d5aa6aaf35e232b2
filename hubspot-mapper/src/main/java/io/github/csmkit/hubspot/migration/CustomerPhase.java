package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer phase: the selected contacts mapped to customer profiles, de-duplicated, joined to
 * the organizations of their companies, and imported with a journal when one is set. Unreadable
 * rows go to the engine as they are, which reports them at the SOURCE stage.
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
   */
  record Result(
      ImportReport<SourceRecord<HubSpotContact>> report,
      long excluded,
      long unknownOrganizations,
      boolean readToEnd,
      Optional<SourcePosition> lastRead) {}

  private final PhaseImporters importers;
  private final MigrationSettings settings;
  private final OrganizationPhase organizations;
  private final OrganizationDirectory directory;
  private final Deduplication deduplication;
  private final MappingWarnings warnings;
  private final VerificationSample sample;
  private long unknownOrganizations;

  CustomerPhase(
      PhaseImporters importers,
      MigrationSettings settings,
      OrganizationPhase organizations,
      OrganizationDirectory directory,
      Deduplication deduplication,
      MappingWarnings warnings,
      VerificationSample sample) {
    this.importers = importers;
    this.settings = settings;
    this.organizations = organizations;
    this.directory = directory;
    this.deduplication = deduplication;
    this.warnings = warnings;
    this.sample = sample;
  }

  /** Imports the contacts; closes them afterwards when they are closeable. */
  Result run(Iterable<SourceRecord<HubSpotContact>> contacts) {
    BulkImporter.Builder<CustomerProfileOperation, ?> importer =
        importers.importer(BulkTarget.CUSTOMER_PROFILES, "customers").noDedupe(); // done here
    // Only this phase is journaled: the earlier ones send what CSM lacks, so their input changes
    // as they progress, and a rerun finds what they did by looking at CSM itself.
    settings
        .journalDirectory()
        .ifPresent(d -> importer.journal(d.resolve(safe(settings.jobId()) + ".customers.journal")));
    ContactSelection selection =
        new ContactSelection(settings.contactFilter(), settings.testBatch());
    try {
      Iterator<SourceRecord<HubSpotContact>> selected = selection.select(contacts);
      ImportReport<SourceRecord<HubSpotContact>> report =
          importer.build().run(() -> selected, this::operation);
      return new Result(
          report,
          selection.excluded(),
          unknownOrganizations,
          selection.readToEnd(),
          selection.lastRead());
    } finally {
      Sources.closeQuietly(contacts);
    }
  }

  /** Called by the engine once per readable contact, in input order. */
  CustomerProfileOperation operation(SourceRecord<HubSpotContact> record) {
    HubSpotContact contact = ((SourceRecord.Parsed<HubSpotContact>) record).value();
    MappedContact m = settings.mapper().map(contact);
    warnings.add(record.position(), m.issues());
    if (m.rejected()) {
      throw new CsmValidationException(record.position() + ": " + m.rejectionReason());
    }
    deduplication.check(contact);
    Set<String> ids = new TreeSet<>();
    for (String name : organizationNames(contact, m)) {
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

  /** The associated companies' organizations (all, or the primary), else the company property. */
  private List<String> organizationNames(HubSpotContact contact, MappedContact m) {
    List<String> companyIds = m.hubSpotCompanyIds();
    if (settings.membership() == Membership.PRIMARY && companyIds.size() > 1) {
      String primary =
          contact
              .property("associatedcompanyid")
              .filter(companyIds::contains)
              .orElse(companyIds.get(0));
      companyIds = List.of(primary);
    }
    List<String> names = new ArrayList<>();
    for (String companyId : companyIds) {
      organizations.nameOfCompany(companyId).ifPresent(names::add);
    }
    return names.isEmpty() ? m.organizationNames() : names;
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
