package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.hubspot.migration.MigrationListener.Phase;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.SyncRun;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One run of a migration's phases, in order, into its report. Whatever ends the run — every phase
 * done, an import that stopped, an error in a phase, an interrupt — it ends with a report: of what
 * each phase did up to there, the {@link MigrationFailure} when there was one, and the phases not
 * reached. No phase's import report is lost to a later step of the same phase failing.
 */
final class PhaseSequence {
  private final CsmClient csm;
  private final MigrationSettings settings;
  private final Optional<SyncRun> syncRun;
  private final MigrationReport.Builder report;
  private final List<Phase> planned = new ArrayList<>();
  private final MappingWarnings warnings = new MappingWarnings();
  private Phase current;
  private DetailFieldsPhase fields;
  private OrganizationPhase organizations;
  private CustomerPhase customers;
  private boolean companiesComplete = true;
  private boolean contactsComplete = true;

  PhaseSequence(CsmClient csm, MigrationSettings settings, Optional<SyncRun> syncRun) {
    this.csm = csm;
    this.settings = settings;
    this.syncRun = syncRun;
    this.report = new MigrationReport.Builder(settings.jobId(), Instant.now(Clock.systemUTC()));
    if (settings.createDetailFields()) {
      planned.add(Phase.DETAIL_FIELDS);
    }
    planned.add(Phase.ORGANIZATIONS);
    planned.add(Phase.CUSTOMERS);
    if (settings.verifySample() > 0) {
      planned.add(Phase.VERIFICATION);
    }
  }

  /**
   * Marks the sources as holding only what changed (an incremental sync) where they are not
   * complete: the state's records such a source lacks are not gone.
   */
  PhaseSequence complete(boolean companies, boolean contacts) {
    this.companiesComplete = companies;
    this.contactsComplete = contacts;
    return this;
  }

  /** Runs the phases; never throws for what happens in them (the report says). */
  MigrationReport run(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    try {
      return phases(companies, contacts);
    } catch (Interrupted e) {
      return end(MigrationFailure.interruptedBefore(e.next), Verification.SKIPPED);
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  private MigrationReport phases(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    MigrationListener listener = settings.listener();
    // with a state, the keys derive from the run id: unique to the run, stable across its resume
    PhaseImporters importers =
        new PhaseImporters(csm, settings, syncRun.map(SyncRun::runId).orElse(settings.jobId()));
    SyncParts sync = new SyncParts(settings, syncRun);

    if (settings.createDetailFields()) {
      enter(Phase.DETAIL_FIELDS);
      listener.phaseStarted(Phase.DETAIL_FIELDS, OptionalLong.empty());
      fields = new DetailFieldsPhase(csm, importers, settings.mapper().mapping());
      DetailFieldsPhase.Result result = fields.run();
      report.customerFields(result.customerFields());
      report.organizationFields(result.organizationFields());
      result.notes().forEach(report::note);
      listener.phaseFinished(Phase.DETAIL_FIELDS, report.fieldsSummary());
      if (report.stopped()) {
        return end(null, Verification.SKIPPED);
      }
    }

    enter(Phase.ORGANIZATIONS);
    ContactScan scan = scan(contacts);
    OrganizationDirectory directory = new OrganizationDirectory(csm);
    organizations =
        new OrganizationPhase(
                importers,
                settings.mapper(),
                settings.companyFilter(),
                directory,
                warnings,
                syncRun,
                settings.retryFailedOnly())
            .completeSource(companiesComplete);
    listener.phaseStarted(Phase.ORGANIZATIONS, OptionalLong.empty());
    OrganizationPhase.Result orgs = organizations.run(companies, scan.companyNames());
    report.organizations(orgs.report(), orgs.alreadyPresent(), orgs.excluded());
    sync.organizations(orgs.sync(), report);
    listener.phaseFinished(Phase.ORGANIZATIONS, orgs.report().summary());
    if (orgs.report().stopped()) {
      return end(null, new Verification(0, 0, List.of(), orgs.missing()));
    }

    enter(Phase.CUSTOMERS);
    VerificationSample sample = new VerificationSample(settings.verifySample());
    Deduplication deduplication =
        new Deduplication(
            settings.duplicatePolicy(), new EmailKey(settings.emailProperty()), scan, syncRun);
    listener.phaseStarted(Phase.CUSTOMERS, OptionalLong.empty());
    customers =
        new CustomerPhase(
                importers,
                settings,
                organizations,
                directory,
                deduplication,
                warnings,
                sample,
                syncRun)
            .completeSource(contactsComplete);
    CustomerPhase.Result result = customers.run(contacts.get());
    sync.customers(result.sync(), report);
    customers(result);
    listener.phaseFinished(Phase.CUSTOMERS, result.report().summary());

    if (settings.verifySample() == 0 || result.report().stopped()) {
      return end(null, Verification.SKIPPED);
    }
    enter(Phase.VERIFICATION);
    listener.phaseStarted(Phase.VERIFICATION, OptionalLong.empty());
    Verification verification =
        new VerificationPhase(csm).run(sample, result.report(), orgs.missing());
    listener.phaseFinished(
        Phase.VERIFICATION,
        verification.passed()
            ? "verified " + verification.customersChecked() + " customers"
            : verification.customersChecked() == 0
                ? "0 of " + verification.customersImported() + " imported customers checked"
                : verification.problems().size()
                    + verification.organizationsMissing().size()
                    + " problems");
    return end(null, verification);
  }

  /** The phase begins, unless the thread was interrupted meanwhile (Ctrl-C between phases). */
  private void enter(Phase phase) {
    if (Thread.currentThread().isInterrupted()) {
      throw new Interrupted(phase);
    }
    current = phase;
  }

  private void customers(CustomerPhase.Result result) {
    report.customers(result.report(), result.excluded(), result.unknownOrganizations());
    report.contactsRead(result.readToEnd(), result.lastRead());
  }

  /** A phase threw: what it had imported before goes into the report, with the failure. */
  private MigrationReport failed(RuntimeException e) {
    Phase phase = current != null ? current : planned.get(0);
    if (phase == Phase.DETAIL_FIELDS && fields != null && !report.hasCustomerFields()) {
      fields.customerFields().ifPresent(report::customerFields);
    }
    if (phase == Phase.ORGANIZATIONS && organizations != null && !report.hasOrganizations()) {
      organizations
          .imported()
          .ifPresent(r -> report.organizations(r.report(), r.alreadyPresent(), r.excluded()));
    }
    if (phase == Phase.CUSTOMERS && customers != null && !report.hasCustomers()) {
      customers.imported().ifPresent(this::customers);
    }
    MigrationFailure failure = MigrationFailure.in(phase, e);
    Verification verification = Verification.SKIPPED;
    if (phase == Phase.VERIFICATION) {
      // it ran and did not finish: no pass, whatever it had checked
      long imported = report.customersImported();
      verification =
          new Verification(0, imported, List.of("verification did not finish"), List.of());
    }
    return end(failure, verification);
  }

  /**
   * The report, with the failure (null for none) and the phases after the last one begun (an
   * interrupt between phases comes before the next one begins: it is not reached either).
   */
  private MigrationReport end(MigrationFailure failure, Verification verification) {
    int from = current == null ? 0 : planned.indexOf(current) + 1;
    report.phasesNotReached(List.copyOf(planned.subList(from, planned.size())));
    report.warnings(warnings.count(), warnings.examples());
    if (failure != null) {
      report.failure(failure);
    }
    return report.build(verification);
  }

  /** The first read of the contacts, when a phase needs it; else an empty scan. */
  private ContactScan scan(Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    if (!settings.organizationsFromContacts()
        && settings.duplicatePolicy() != DuplicatePolicy.LATEST) {
      return new ContactScan();
    }
    Iterable<SourceRecord<HubSpotContact>> source = contacts.get();
    try {
      return ContactScan.read(
          new ContactSelection(settings.contactFilter(), settings.testBatch()).select(source),
          settings.organizationsFromContacts()
              ? settings.mapper().mapping().organizationProperty()
              : null,
          // only LATEST asks which contact of an email is the latest: 32 bytes an email otherwise
          settings.duplicatePolicy() == DuplicatePolicy.LATEST
              ? new EmailKey(settings.emailProperty())
              : null);
    } finally {
      Sources.closeQuietly(source);
    }
  }

  /** The thread was interrupted between phases, before {@link #next} began. */
  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Phase next;

    Interrupted(Phase next) {
      super("interrupted before " + next, null, false, false);
      this.next = next;
    }
  }
}
