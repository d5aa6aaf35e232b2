package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.bulk.DeadLetterCsv;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.hubspot.migration.MigrationListener.Phase;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.HubSpotRecord;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a migration did, phase by phase. Each import phase's {@link ImportReport} accounts for every
 * record it read; the counts here add what never reached an import: records the filters excluded
 * and organizations CSM already had.
 */
public final class MigrationReport {
  private final String jobId;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final Optional<ImportReport<DetailFieldDefinition>> customerFields;
  private final Optional<ImportReport<DetailFieldDefinition>> organizationFields;
  private final Optional<ImportReport<SourceRecord<HubSpotCompany>>> organizations;
  private final long organizationsAlreadyPresent;
  private final long companiesExcluded;
  private final Optional<ImportReport<SourceRecord<HubSpotContact>>> customers;
  private final long contactsExcluded;
  private final long unknownOrganizationReferences;
  private final boolean contactsReadToEnd;
  private final Optional<SourcePosition> contactsReadUpTo;
  private final Verification verification;
  private final long mappingWarningCount;
  private final List<String> mappingWarnings;
  private final Optional<SyncSection> sync;
  private final List<String> notes;
  private final Optional<MigrationFailure> failure;
  private final List<Phase> phasesNotReached;

  private MigrationReport(Builder b, Verification verification) {
    this.jobId = b.jobId;
    this.startedAt = b.startedAt;
    this.finishedAt = Instant.now();
    this.customerFields = Optional.ofNullable(b.customerFields);
    this.organizationFields = Optional.ofNullable(b.organizationFields);
    this.organizations = Optional.ofNullable(b.organizations);
    this.organizationsAlreadyPresent = b.organizationsAlreadyPresent;
    this.companiesExcluded = b.companiesExcluded;
    this.customers = Optional.ofNullable(b.customers);
    this.contactsExcluded = b.contactsExcluded;
    this.unknownOrganizationReferences = b.unknownOrganizationReferences;
    this.contactsReadToEnd = b.contactsReadToEnd;
    this.contactsReadUpTo = b.contactsReadUpTo;
    this.verification = verification;
    this.mappingWarningCount = b.mappingWarningCount;
    this.mappingWarnings = List.copyOf(b.mappingWarnings);
    this.sync = Optional.ofNullable(b.sync);
    this.notes = List.copyOf(b.notes);
    this.failure = Optional.ofNullable(b.failure);
    this.phasesNotReached = List.copyOf(b.phasesNotReached);
  }

  /** How the run went about its work where that is not the usual way (a fallback it took). */
  public List<String> notes() {
    return notes;
  }

  /**
   * The error or interrupt that ended the run before its end, when one did; the report still holds
   * what every phase before it did. Empty when the run ended by itself (an import that stopped on
   * its own, at the failure threshold say, gives its {@link #stopReason()} without a failure).
   */
  public Optional<MigrationFailure> failure() {
    return failure;
  }

  /**
   * The phases the run never began, in order: nothing of them was read or sent (a contact of a
   * customer phase not reached appears nowhere else in this report). Empty for a run that went to
   * its end; verification turned off ({@code verifySample(0)}) is not listed.
   */
  public List<Phase> phasesNotReached() {
    return phasesNotReached;
  }

  /** With a sync state: the run and what happened to every record by class; else empty. */
  public Optional<SyncSection> sync() {
    return sync;
  }

  /**
   * Values the mapping left out or changed (an option outside a field's list, an unreadable date or
   * number, a fallback name), over every record: the first thousand, each with its record's
   * position.
   */
  public List<String> mappingWarnings() {
    return mappingWarnings;
  }

  /** How many mapping warnings there were in all. */
  public long mappingWarningCount() {
    return mappingWarningCount;
  }

  /** The migration's job id: the one given, or a random one. */
  public String jobId() {
    return jobId;
  }

  /**
   * The phase that created missing customer detail fields; empty when detail fields were not
   * created.
   */
  public Optional<ImportReport<DetailFieldDefinition>> customerFields() {
    return customerFields;
  }

  /**
   * The phase that created missing organization detail fields; empty when detail fields were not
   * created.
   */
  public Optional<ImportReport<DetailFieldDefinition>> organizationFields() {
    return organizationFields;
  }

  /** The organization phase; empty when an earlier phase stopped the migration. */
  public Optional<ImportReport<SourceRecord<HubSpotCompany>>> organizations() {
    return organizations;
  }

  /** Companies skipped because CSM already had an organization of that name. */
  public long organizationsAlreadyPresent() {
    return organizationsAlreadyPresent;
  }

  /** Companies the filter left out (archived ones by default). */
  public long companiesExcluded() {
    return companiesExcluded;
  }

  /** The customer phase; empty when an earlier phase stopped the migration. */
  public Optional<ImportReport<SourceRecord<HubSpotContact>>> customers() {
    return customers;
  }

  /** Contacts the filter left out (archived ones by default), and those past a test batch. */
  public long contactsExcluded() {
    return contactsExcluded;
  }

  /** Contact-to-organization references whose organization CSM does not have. */
  public long unknownOrganizationReferences() {
    return unknownOrganizationReferences;
  }

  /**
   * True when the customer phase read the contacts to their end. False after a test batch, when the
   * import stopped early (failure threshold, close, refused credentials), or when the phase did not
   * run: the records after {@link #contactsReadUpTo()} appear nowhere else in this report.
   */
  public boolean contactsReadToEnd() {
    return contactsReadToEnd;
  }

  /** The position of the last contact the customer phase read; empty when it read none. */
  public Optional<SourcePosition> contactsReadUpTo() {
    return contactsReadUpTo;
  }

  /** What verification found; {@link Verification#SKIPPED} when it did not run. */
  public Verification verification() {
    return verification;
  }

  /** The time from the migration's start to this report. */
  public Duration elapsed() {
    return Duration.between(startedAt, finishedAt);
  }

  private List<ImportReport<?>> phases() {
    List<ImportReport<?>> all = new ArrayList<>();
    customerFields.ifPresent(all::add);
    organizationFields.ifPresent(all::add);
    organizations.ifPresent(all::add);
    customers.ifPresent(all::add);
    return all;
  }

  /**
   * Why the migration stopped early, if it did: the first phase's import that stopped (the failure
   * threshold, an interrupt, refused credentials), else the {@link #failure() failure}'s message.
   */
  public Optional<String> stopReason() {
    return phases().stream()
        .flatMap(r -> r.stopReason().stream())
        .findFirst()
        .or(() -> failure.map(MigrationFailure::message));
  }

  /** Records that did not succeed, over every phase (rejected, failed, unresolved, not sent). */
  public long recordsNotImported() {
    return phases().stream()
        .mapToLong(r -> r.counts().read() - r.counts().succeeded() - r.counts().duplicates())
        .sum();
  }

  /** Records skipped as duplicates of an earlier one, over every phase. */
  public long duplicatesSkipped() {
    return phases().stream().mapToLong(r -> r.counts().duplicates()).sum();
  }

  /** The share of customers and organizations that did not import, among those read. */
  public double failureRate() {
    long read =
        organizations.map(r -> r.counts().read() - r.counts().duplicates()).orElse(0L)
            + customers.map(r -> r.counts().read() - r.counts().duplicates()).orElse(0L)
            // with a state, records not sent are part of the run: the rate is over all it read
            + sync.map(x -> x.total().unchanged() + x.total().skipped()).orElse(0L);
    long bad =
        organizations.map(MigrationReport::notImported).orElse(0L)
            + customers.map(MigrationReport::notImported).orElse(0L);
    return read == 0 ? 0 : (double) bad / read;
  }

  private static long notImported(ImportReport<?> r) {
    return r.counts().read() - r.counts().succeeded() - r.counts().duplicates();
  }

  /**
   * True when every phase ran to the end, the contacts were read to their end, everything read was
   * imported, and verification passed.
   */
  public boolean complete() {
    return stopReason().isEmpty()
        && contactsReadToEnd
        && recordsNotImported() == 0
        && verification.passed()
        && phases().stream().allMatch(r -> r.unattributed().isEmpty());
  }

  /** A few lines for a console or a log. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append("Migration ")
        .append(jobId)
        .append(" in ")
        .append(elapsed().toMillis())
        .append(" ms\n");
    customerFields.ifPresent(
        r -> s.append("  customer detail fields: ").append(line(r)).append('\n'));
    organizationFields.ifPresent(
        r -> s.append("  organization detail fields: ").append(line(r)).append('\n'));
    organizations.ifPresent(
        r ->
            s.append("  organizations: ")
                .append(line(r))
                .append(", ")
                .append(organizationsAlreadyPresent)
                .append(" already in CSM, ")
                .append(companiesExcluded)
                .append(" excluded\n"));
    customers.ifPresent(
        r ->
            s.append("  customers: ")
                .append(line(r))
                .append(", ")
                .append(contactsExcluded)
                .append(" excluded, ")
                .append(unknownOrganizationReferences)
                .append(" unknown organization references\n"));
    if (customers.isPresent() && !contactsReadToEnd) {
      s.append("  contacts not read to their end: read up to ")
          .append(contactsReadUpTo.map(String::valueOf).orElse("the first record"))
          .append('\n');
    }
    if (mappingWarningCount > 0) {
      s.append("  mapping warnings: ")
          .append(mappingWarningCount)
          .append(" (values left out or changed)\n");
    }
    if (verification != Verification.SKIPPED) {
      s.append("  verification: ")
          .append(verification.customersChecked())
          .append(" customers checked, ")
          .append(verification.problems().size())
          .append(" problems, ")
          .append(verification.organizationsMissing().size())
          .append(" organizations missing\n");
    }
    sync.ifPresent(x -> s.append(x.summary()));
    notes.forEach(n -> s.append("  note: ").append(n).append('\n'));
    stopReason().ifPresent(r -> s.append("  STOPPED: ").append(r).append('\n'));
    if (!phasesNotReached.isEmpty()) {
      s.append("  not reached: ")
          .append(String.join(", ", phasesNotReached.stream().map(MigrationFailure::name).toList()))
          .append(" (nothing of them was read or sent)\n");
    }
    return s.toString();
  }

  private static String line(ImportReport<?> r) {
    ImportReport.Counts c = r.counts();
    return c.read()
        + " read, "
        + c.succeeded()
        + " imported, "
        + c.failed()
        + " failed, "
        + c.rejected()
        + " rejected, "
        + c.duplicates()
        + " duplicates, "
        + c.unresolved()
        + " unresolved, "
        + c.notSubmitted()
        + " not sent"
        + (c.unattributed() > 0 ? ", " + c.unattributed() + " unattributed server failures" : "");
  }

  @Override
  public String toString() {
    return "MigrationReport[" + summary().strip().replace('\n', ';') + "]";
  }

  /**
   * How a record is named in reports and dead letters: its source position, id and email or name.
   */
  public static String describe(SourceRecord<?> record) {
    if (record instanceof SourceRecord.Rejected<?> r) {
      return r.position() + ": " + r.excerpt();
    }
    HubSpotRecord v = (HubSpotRecord) ((SourceRecord.Parsed<?>) record).value();
    String what =
        v instanceof HubSpotContact c
            ? "contact " + v.id() + " " + c.email().orElse("(no email)")
            : "company " + v.id() + " " + ((HubSpotCompany) v).name().orElse("(no name)");
    return what.replace("company  ", "company ") + " at " + v.position();
  }

  /** Writes every record that did not import, from every phase, as CSV (owner-only). */
  public void writeDeadLetters(Path file) {
    try (DeadLetterCsv csv = DeadLetterCsv.create(file)) {
      customerFields.ifPresent(
          r -> csv.add("customer detail fields", r, DetailFieldDefinition::name));
      organizationFields.ifPresent(
          r -> csv.add("organization detail fields", r, DetailFieldDefinition::name));
      organizations.ifPresent(r -> csv.add("organizations", r, MigrationReport::describe));
      customers.ifPresent(r -> csv.add("customers", r, MigrationReport::describe));
    }
  }

  /**
   * Writes the report as JSON (owner-only): counts, failures, batches, verification, and for a run
   * that ended early its {@code stopReason}, {@code failure} and {@code phasesNotReached}.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeJson(Path file) {
    ReportJson.write(this, file);
  }

  Instant startedAt() {
    return startedAt;
  }

  Instant finishedAt() {
    return finishedAt;
  }

  /** Collects a report as the phases run. */
  static final class Builder {
    private final String jobId;
    private final Instant startedAt;
    private ImportReport<DetailFieldDefinition> customerFields;
    private ImportReport<DetailFieldDefinition> organizationFields;
    private ImportReport<SourceRecord<HubSpotCompany>> organizations;
    private long organizationsAlreadyPresent;
    private long companiesExcluded;
    private ImportReport<SourceRecord<HubSpotContact>> customers;
    private long contactsExcluded;
    private long unknownOrganizationReferences;
    private boolean contactsReadToEnd;
    private Optional<SourcePosition> contactsReadUpTo = Optional.empty();
    private long mappingWarningCount;
    private List<String> mappingWarnings = List.of();
    private SyncSection sync;
    private final List<String> notes = new ArrayList<>();
    private MigrationFailure failure;
    private List<Phase> phasesNotReached = List.of();

    Builder(String jobId, Instant startedAt) {
      this.jobId = jobId;
      this.startedAt = startedAt;
    }

    void customerFields(ImportReport<DetailFieldDefinition> r) {
      customerFields = r;
    }

    void organizationFields(ImportReport<DetailFieldDefinition> r) {
      organizationFields = r;
    }

    void organizations(
        ImportReport<SourceRecord<HubSpotCompany>> r, long alreadyPresent, long excluded) {
      organizations = r;
      organizationsAlreadyPresent = alreadyPresent;
      companiesExcluded = excluded;
    }

    void customers(
        ImportReport<SourceRecord<HubSpotContact>> r, long excluded, long unknownOrganizations) {
      customers = r;
      contactsExcluded = excluded;
      unknownOrganizationReferences = unknownOrganizations;
    }

    void contactsRead(boolean toEnd, Optional<SourcePosition> upTo) {
      contactsReadToEnd = toEnd;
      contactsReadUpTo = upTo;
    }

    void warnings(long count, List<String> examples) {
      mappingWarningCount = count;
      mappingWarnings = examples;
    }

    void note(String note) {
      notes.add(note);
    }

    void sync(SyncSection section) {
      sync = section;
    }

    void failure(MigrationFailure f) {
      failure = f;
    }

    void phasesNotReached(List<Phase> phases) {
      phasesNotReached = phases;
    }

    boolean hasOrganizations() {
      return organizations != null;
    }

    boolean hasCustomers() {
      return customers != null;
    }

    long customersImported() {
      return customers == null ? 0 : customers.counts().succeeded();
    }

    boolean hasCustomerFields() {
      return customerFields != null;
    }

    boolean stopped() {
      return (customerFields != null && customerFields.stopped())
          || (organizationFields != null && organizationFields.stopped());
    }

    String fieldsSummary() {
      return (customerFields == null ? 0 : customerFields.counts().succeeded())
          + " customer and "
          + (organizationFields == null ? 0 : organizationFields.counts().succeeded())
          + " organization detail fields created";
    }

    MigrationReport build(Verification verification) {
      return new MigrationReport(this, verification);
    }
  }
}
