package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.BulkImporter;
import io.github.csmkit.client.bulk.BulkTarget;
import io.github.csmkit.client.bulk.DuplicateRecordException;
import io.github.csmkit.client.bulk.ImportReport;
import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.internal.Hashes;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.client.model.OrganizationRef;
import io.github.csmkit.hubspot.internal.LongLongMap;
import io.github.csmkit.hubspot.internal.RecordRefs;
import io.github.csmkit.hubspot.mapping.ContactDeduplicator;
import io.github.csmkit.hubspot.mapping.HubSpotMapping;
import io.github.csmkit.hubspot.mapping.MappedCompany;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.mapping.Mapper;
import io.github.csmkit.hubspot.mapping.MappingIssue;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The guide's whole migration, in its order: the detail fields the mapping needs, then
 * organizations (skipping those CSM already has), then customers with their organizations, then
 * verification. Each import phase runs on the bulk import engine, so every record is accounted for,
 * keys are deterministic per job, and journals make a crashed run resumable.
 *
 * <pre>{@code
 * MigrationReport report = HubSpotMigration.builder(csm)
 *     .jobId("hubspot-2026-11")
 *     .journalDirectory(Path.of("journals"))
 *     .build()
 *     .run(CsvExportSource.companies(companiesCsv), () -> CsvExportSource.contacts(contactsCsv));
 * }</pre>
 */
public final class HubSpotMigration {
  private static final System.Logger LOG = System.getLogger("io.github.csmkit.hubspot.migration");
  private static final int LOOKUP_CHUNK = 50;

  private final CsmClient csm;
  private final Mapper mapper;
  private final String jobId;
  private final Optional<Path> journalDirectory;
  private final RecordFilter contactFilter;
  private final RecordFilter companyFilter;
  private final OptionalLong testBatch;
  private final int maxInFlight;
  private final double failureThreshold;
  private final boolean stopOnFailureThreshold;
  private final MigrationListener listener;
  private final boolean createDetailFields;
  private final boolean organizationsFromContacts;
  private final int verifySample;
  private final Duration maxTaskWait;
  private final DuplicatePolicy duplicatePolicy;
  private final Membership membership;

  private HubSpotMigration(Builder b) {
    this.csm = b.csm;
    this.mapper = b.mapper;
    this.jobId = b.jobId;
    this.journalDirectory = Optional.ofNullable(b.journalDirectory);
    this.contactFilter = b.contactFilter;
    this.companyFilter = b.companyFilter;
    this.testBatch = b.testBatch;
    this.maxInFlight = b.maxInFlight;
    this.failureThreshold = b.failureThreshold;
    this.stopOnFailureThreshold = b.stopOnFailureThreshold;
    this.listener = b.listener;
    this.createDetailFields = b.createDetailFields;
    this.organizationsFromContacts = b.organizationsFromContacts;
    this.verifySample = b.verifySample;
    this.maxTaskWait = b.maxTaskWait;
    this.duplicatePolicy = b.duplicatePolicy;
    this.membership = b.membership;
  }

  /** A builder for a migration into the CSM site (or sandbox) {@code csm} points at. */
  public static Builder builder(CsmClient csm) {
    return new Builder(csm);
  }

  /**
   * Runs the migration.
   *
   * @param companies the companies, read once; may be empty
   * @param contacts opens the contacts; called twice when organizations are also taken from the
   *     contacts' company names (once to collect the names, once to import), else once
   * @return what every phase did with every record
   * @throws io.github.csmkit.client.bulk.JournalMismatchException when a journal belongs to another
   *     job or input
   */
  public MigrationReport run(
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    Instant started = Instant.now(Clock.systemUTC());
    MigrationReport.Builder report = new MigrationReport.Builder(jobId, started);

    if (createDetailFields) {
      listener.phaseStarted(MigrationListener.Phase.DETAIL_FIELDS, OptionalLong.empty());
      report.customerFields(
          createMissing(
              BulkTarget.CUSTOMER_DETAIL_FIELDS,
              mapper.mapping().customerFieldDefinitions(),
              csm.customerDetailFields().list(),
              "customer-fields"));
      report.organizationFields(
          createMissing(
              BulkTarget.ORGANIZATION_DETAIL_FIELDS,
              mapper.mapping().organizationFieldDefinitions(),
              csm.organizationDetailFields().list(),
              "organization-fields"));
      listener.phaseFinished(MigrationListener.Phase.DETAIL_FIELDS, report.fieldsSummary());
      if (report.stopped()) {
        return report.build(Verification.SKIPPED);
      }
    }

    ContactScan scan =
        organizationsFromContacts || duplicatePolicy == DuplicatePolicy.LATEST
            ? scan(contacts)
            : new ContactScan();
    Warnings warnings = new Warnings();
    Organizations orgs = new Organizations(warnings);
    listener.phaseStarted(MigrationListener.Phase.ORGANIZATIONS, OptionalLong.empty());
    ImportReport<SourceRecord<HubSpotCompany>> orgReport =
        importer(BulkTarget.ORGANIZATION_PROFILES, "organizations")
            .build()
            .run(
                () ->
                    orgs.newOnly(
                        companies, organizationsFromContacts ? scan.companyNames : Set.of()),
                record -> orgs.operation(record));
    report.organizations(orgReport, orgs.alreadyPresent, orgs.excluded);
    List<String> missingOrgs = orgs.resolveIds();
    listener.phaseFinished(MigrationListener.Phase.ORGANIZATIONS, orgReport.summary());
    if (orgReport.stopped()) {
      return report.build(new Verification(0, 0, List.of(), missingOrgs));
    }

    Customers customers = new Customers(orgs, scan, warnings);
    listener.phaseStarted(MigrationListener.Phase.CUSTOMERS, OptionalLong.empty());
    BulkImporter.Builder<CustomerProfileOperation, ?> customerImporter =
        importer(BulkTarget.CUSTOMER_PROFILES, "customers").noDedupe(); // done here, naming both
    // Only this phase is journaled: the earlier ones send what CSM lacks, so their input changes
    // as they progress, and a rerun finds what they did by looking at CSM itself.
    journalDirectory.ifPresent(
        d -> customerImporter.journal(d.resolve(safe(jobId) + ".customers.journal")));
    ImportReport<SourceRecord<HubSpotContact>> customerReport =
        customerImporter
            .build()
            .run(() -> customers.selected(contacts.get()), customers::operation);
    report.customers(customerReport, customers.excluded, customers.unknownOrganizations);
    report.warnings(warnings.count, warnings.examples);
    listener.phaseFinished(MigrationListener.Phase.CUSTOMERS, customerReport.summary());

    Verification verification = Verification.SKIPPED;
    if (verifySample > 0 && !customerReport.stopped()) {
      listener.phaseStarted(MigrationListener.Phase.VERIFICATION, OptionalLong.empty());
      verification = customers.verify(customerReport, missingOrgs);
      listener.phaseFinished(
          MigrationListener.Phase.VERIFICATION,
          verification.passed()
              ? "verified " + verification.customersChecked() + " customers"
              : verification.problems().size()
                  + verification.organizationsMissing().size()
                  + " problems");
    }
    return report.build(verification);
  }

  private <
          O extends io.github.csmkit.client.model.BatchItem,
          B extends io.github.csmkit.client.model.Batch<O>>
      BulkImporter.Builder<O, B> importer(BulkTarget<O, B> target, String phase) {
    BulkImporter.Builder<O, B> b =
        csm.importer(target)
            .jobId(jobId + "/" + phase)
            .maxInFlight(maxInFlight)
            .failureThreshold(failureThreshold)
            .stopOnFailureThreshold(stopOnFailureThreshold)
            .maxTaskWait(maxTaskWait)
            .listener(listener);
    return b;
  }

  private ImportReport<DetailFieldDefinition> createMissing(
      BulkTarget<DetailFieldDefinition, ?> target,
      List<DetailFieldDefinition> wanted,
      List<DetailFieldDefinition> existing,
      String phase) {
    Set<String> have = new HashSet<>();
    existing.forEach(d -> have.add(d.name().toLowerCase(Locale.ROOT)));
    List<DetailFieldDefinition> missing =
        wanted.stream().filter(d -> !have.contains(d.name().toLowerCase(Locale.ROOT))).toList();
    return importer(target, phase).build().run(missing);
  }

  /** What a first read of the contacts finds: company names, and each email's latest contact. */
  private static final class ContactScan {
    final Set<String> companyNames = new LinkedHashSet<>();
    final LongLongMap latestRecord = new LongLongMap();
    final LongLongMap latestModified = new LongLongMap();
  }

  private ContactScan scan(Supplier<? extends Iterable<SourceRecord<HubSpotContact>>> contacts) {
    String property = mapper.mapping().organizationProperty();
    ContactScan scan = new ContactScan();
    Iterable<SourceRecord<HubSpotContact>> source = contacts.get();
    try {
      Iterator<SourceRecord<HubSpotContact>> it = new Customers(null, scan, null).selected(source);
      for (long index = 0; it.hasNext(); index++) {
        if (!(it.next() instanceof SourceRecord.Parsed<HubSpotContact> p)) {
          continue;
        }
        HubSpotContact c = p.value();
        if (property != null) {
          c.property(property)
              .map(String::trim)
              .filter(v -> !v.isEmpty())
              .ifPresent(scan.companyNames::add);
        }
        Optional<String> email =
            c.property(mapper.mapping().emailProperty()).map(HubSpotMigration::lower);
        if (email.isPresent() && !email.get().isEmpty()) {
          long key = Hashes.hash64(email.get());
          long modified = modifiedAt(c);
          if (scan.latestRecord.get(key, Long.MIN_VALUE) == Long.MIN_VALUE
              || modified > scan.latestModified.get(key, Long.MIN_VALUE)) {
            scan.latestRecord.put(key, RecordRefs.of(c.id(), index));
            scan.latestModified.put(key, modified);
          }
        }
      }
    } finally {
      closeQuietly(source);
    }
    return scan;
  }

  /**
   * {@code lastmodifieddate} as epoch milliseconds: epoch ms, ISO-8601 or "YYYY-MM-DD HH:MM"; else
   * 0.
   */
  private static long modifiedAt(HubSpotContact c) {
    Optional<String> v = c.property("lastmodifieddate").or(() -> c.property("hs_lastmodifieddate"));
    if (v.isEmpty()) {
      return 0;
    }
    String s = v.get().trim();
    try {
      if (s.matches("\\d{10,16}")) {
        return Long.parseLong(s);
      }
      if (s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?")) {
        return java.time.LocalDateTime.parse(s.replace(' ', 'T'))
            .toInstant(java.time.ZoneOffset.UTC)
            .toEpochMilli();
      }
      return Instant.parse(s).toEpochMilli();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** Mapping warnings of every record: all counted, the first thousand kept as examples. */
  private static final class Warnings {
    static final int KEPT = 1000;
    final List<String> examples = new ArrayList<>();
    long count;

    void add(SourcePosition position, List<MappingIssue> issues) {
      for (MappingIssue i : issues) {
        if (i.severity() == MappingIssue.Severity.WARNING) {
          count++;
          if (examples.size() < KEPT) {
            examples.add(position + ": " + i.property() + ": " + i.message());
          }
        }
      }
    }
  }

  private static void closeQuietly(Object source) {
    if (source instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, "closing a source failed", e);
      }
    }
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** The organization phase's state: which names exist, and the ids by name afterwards. */
  private final class Organizations {
    private final Warnings warnings;
    final Map<String, String> idByName = new HashMap<>();
    final Map<String, String> nameByCompanyId = new HashMap<>();
    final Set<String> names = new LinkedHashSet<>();
    long alreadyPresent;
    long excluded;

    Organizations(Warnings warnings) {
      this.warnings = warnings;
    }

    /**
     * The companies (and contact company names without a company) that CSM does not have yet,
     * looked up 50 at a time so the input is never held whole.
     */
    Iterator<SourceRecord<HubSpotCompany>> newOnly(
        Iterable<SourceRecord<HubSpotCompany>> companies, Set<String> contactNames) {
      Iterator<SourceRecord<HubSpotCompany>> upstream = concat(companies.iterator(), contactNames);
      return new Iterator<>() {
        private final List<SourceRecord<HubSpotCompany>> buffer = new ArrayList<>();
        private int next;

        @Override
        public boolean hasNext() {
          while (next >= buffer.size()) {
            if (!upstream.hasNext()) {
              return false;
            }
            fill();
          }
          return true;
        }

        @Override
        public SourceRecord<HubSpotCompany> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return buffer.get(next++);
        }

        private void fill() {
          buffer.clear();
          next = 0;
          List<SourceRecord<HubSpotCompany>> chunk = new ArrayList<>();
          List<Optional<String>> chunkNames = new ArrayList<>();
          Set<String> lookup = new LinkedHashSet<>();
          while (upstream.hasNext() && chunk.size() < LOOKUP_CHUNK) {
            SourceRecord<HubSpotCompany> r = upstream.next();
            Optional<String> name = Optional.empty();
            if (r instanceof SourceRecord.Parsed<HubSpotCompany> p) {
              if (!companyFilter.test(p.value())) {
                excluded++;
                continue;
              }
              name = mapper.map(p.value()).name();
              name.ifPresent(
                  n -> {
                    if (!p.value().id().isEmpty()) {
                      nameByCompanyId.put(p.value().id(), n);
                    }
                    names.add(n);
                    lookup.add(n);
                  });
            }
            chunk.add(r);
            chunkNames.add(name);
          }
          if (!lookup.isEmpty()) {
            for (OrganizationRef o : csm.organizationProfiles().fetchByNames(lookup)) {
              o.name().ifPresent(n -> idByName.putIfAbsent(lower(n), o.id()));
            }
          }
          // idByName holds only what CSM had before this phase: our own creations are looked up
          // after it, so a name found here was there already
          for (int i = 0; i < chunk.size(); i++) {
            if (chunkNames.get(i).map(n -> idByName.containsKey(lower(n))).orElse(false)) {
              alreadyPresent++;
            } else {
              buffer.add(chunk.get(i));
            }
          }
        }
      };
    }

    private Iterator<SourceRecord<HubSpotCompany>> concat(
        Iterator<SourceRecord<HubSpotCompany>> companies, Set<String> contactNames) {
      Iterator<String> extra = contactNames.iterator();
      Set<String> seen = new HashSet<>();
      return new Iterator<>() {
        private SourceRecord<HubSpotCompany> pending;
        private long n;

        @Override
        public boolean hasNext() {
          if (pending != null) {
            return true;
          }
          if (companies.hasNext()) {
            pending = companies.next();
            if (pending instanceof SourceRecord.Parsed<HubSpotCompany> p) {
              p.value().name().ifPresent(name -> seen.add(lower(name)));
            }
            return true;
          }
          while (extra.hasNext()) {
            String name = extra.next();
            if (seen.add(lower(name))) {
              pending =
                  new SourceRecord.Parsed<>(
                      new HubSpotCompany(
                          "",
                          Map.of(mapper.mapping().organizationNameProperty(), name),
                          false,
                          new SourcePosition("contacts' company names", 0, ++n)));
              return true;
            }
          }
          return false;
        }

        @Override
        public SourceRecord<HubSpotCompany> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          SourceRecord<HubSpotCompany> r = pending;
          pending = null;
          return r;
        }
      };
    }

    OrganizationProfileOperation operation(SourceRecord<HubSpotCompany> record) {
      if (record instanceof SourceRecord.Rejected<HubSpotCompany> r) {
        throw new CsmValidationException(r.position() + ": " + r.reason());
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

    /** Looks up the ids of every name the phase saw; returns the names CSM does not have. */
    List<String> resolveIds() {
      List<String> unknown = names.stream().filter(n -> !idByName.containsKey(lower(n))).toList();
      for (int i = 0; i < unknown.size(); i += LOOKUP_CHUNK) {
        for (OrganizationRef o :
            csm.organizationProfiles()
                .fetchByNames(unknown.subList(i, Math.min(i + LOOKUP_CHUNK, unknown.size())))) {
          o.name().ifPresent(n -> idByName.putIfAbsent(lower(n), o.id()));
        }
      }
      return names.stream().filter(n -> !idByName.containsKey(lower(n))).toList();
    }

    Optional<String> idOf(String name) {
      return Optional.ofNullable(idByName.get(lower(name)));
    }
  }

  /** The customer phase's state: selection, organization ids, and a sample for verification. */
  private final class Customers {
    private final Organizations orgs;
    private final ContactScan scan;
    private final Warnings warnings;
    private final ContactDeduplicator firstSeen = new ContactDeduplicator();
    private final Random random = new Random(42);
    private final List<Expected> sample = new ArrayList<>();
    private long mapped;
    long excluded;
    long unknownOrganizations;

    /** What a customer should look like in CSM. */
    private record Expected(
        long index,
        String email,
        String displayName,
        Set<String> organizationIds,
        Map<String, Set<String>> details) {}

    Customers(Organizations orgs, ContactScan scan, Warnings warnings) {
      this.orgs = orgs;
      this.scan = scan;
      this.warnings = warnings;
    }

    /** The contacts the filter keeps, at most the test batch; counts the rest as excluded. */
    Iterator<SourceRecord<HubSpotContact>> selected(Iterable<SourceRecord<HubSpotContact>> source) {
      Iterator<SourceRecord<HubSpotContact>> upstream = source.iterator();
      return new Iterator<>() {
        private SourceRecord<HubSpotContact> pending;
        private long taken;

        @Override
        public boolean hasNext() {
          while (pending == null) {
            if ((testBatch.isPresent() && taken >= testBatch.getAsLong()) || !upstream.hasNext()) {
              return false;
            }
            SourceRecord<HubSpotContact> r = upstream.next();
            if (r instanceof SourceRecord.Parsed<HubSpotContact> p
                && !contactFilter.test(p.value())) {
              excluded++;
            } else {
              pending = r;
              taken++;
            }
          }
          return true;
        }

        @Override
        public SourceRecord<HubSpotContact> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          SourceRecord<HubSpotContact> r = pending;
          pending = null;
          return r;
        }
      };
    }

    /** Called by the engine once per record, in input order. */
    CustomerProfileOperation operation(SourceRecord<HubSpotContact> record) {
      long index = mapped++;
      if (record instanceof SourceRecord.Rejected<HubSpotContact> r) {
        throw new CsmValidationException(r.position() + ": " + r.reason());
      }
      HubSpotContact contact = ((SourceRecord.Parsed<HubSpotContact>) record).value();
      MappedContact m = mapper.map(contact);
      warnings.add(record.position(), m.issues());
      if (m.rejected()) {
        throw new CsmValidationException(record.position() + ": " + m.rejectionReason());
      }
      String email = m.operation().orElseThrow().payload().email().orElseThrow();
      checkDuplicate(contact, lower(email), index);
      Set<String> ids = new TreeSet<>();
      for (String name : organizationNames(contact, m)) {
        Optional<String> id = orgs.idOf(name);
        if (id.isPresent()) {
          ids.add(id.get());
        } else {
          unknownOrganizations++;
        }
      }
      CustomerProfileOperation op = m.operationWithOrganizations(List.copyOf(ids));
      Map<String, Set<String>> details = new HashMap<>();
      op.payload().details().forEach(d -> details.put(d.name(), new TreeSet<>(d.values())));
      keepForVerification(
          new Expected(index, email, op.payload().displayName().orElse(null), ids, details));
      return op;
    }

    /** The associated companies' organizations (all, or the primary), else the company property. */
    private List<String> organizationNames(HubSpotContact contact, MappedContact m) {
      List<String> companyIds = m.hubSpotCompanyIds();
      if (membership == Membership.PRIMARY && companyIds.size() > 1) {
        String primary =
            contact
                .property("associatedcompanyid")
                .filter(companyIds::contains)
                .orElse(companyIds.get(0));
        companyIds = List.of(primary);
      }
      List<String> names = new ArrayList<>();
      for (String companyId : companyIds) {
        String name = orgs.nameByCompanyId.get(companyId);
        if (name != null) {
          names.add(name);
        }
      }
      return names.isEmpty() ? m.organizationNames() : names;
    }

    private void checkDuplicate(HubSpotContact contact, String email, long index) {
      if (duplicatePolicy == DuplicatePolicy.LATEST) {
        long self = RecordRefs.of(contact.id(), index);
        long latest = scan.latestRecord.get(Hashes.hash64(email), self);
        if (latest != self) {
          throw new DuplicateRecordException(
              "contact "
                  + contact.id()
                  + " has the same email as "
                  + RecordRefs.describe(latest)
                  + ", which HubSpot modified more recently and is imported instead");
        }
        return;
      }
      Optional<ContactDeduplicator.Duplicate> duplicate = firstSeen.check(contact);
      if (duplicate.isPresent()) {
        throw new DuplicateRecordException(
            "contact "
                + contact.id()
                + " has the same email as "
                + duplicate.get().kept()
                + ", which comes first and is imported instead");
      }
    }

    /** Reservoir sampling: a uniform sample of at most {@code verifySample}, in bounded memory. */
    private void keepForVerification(Expected e) {
      if (sample.size() < verifySample) {
        sample.add(e);
      } else {
        long slot = (long) (random.nextDouble() * (mapped));
        if (slot < verifySample) {
          sample.set((int) slot, e);
        }
      }
    }

    Verification verify(
        ImportReport<SourceRecord<HubSpotContact>> report, List<String> missingOrgs) {
      Set<Long> notImported = new HashSet<>();
      report.failures().forEach(f -> notImported.add(f.index()));
      Map<String, Expected> byEmail = new LinkedHashMap<>();
      sample.stream()
          .filter(e -> !notImported.contains(e.index()))
          .forEach(e -> byEmail.put(lower(e.email()), e));
      List<String> emails = byEmail.values().stream().map(Expected::email).toList();
      Map<String, CustomerRecord> found = new HashMap<>();
      for (CustomerRecord c : csm.customerProfiles().fetchByEmails(emails)) {
        c.email().ifPresent(e -> found.put(lower(e), c));
      }
      List<String> problems = new ArrayList<>();
      for (Expected e : byEmail.values()) {
        CustomerRecord c = found.get(lower(e.email()));
        if (c == null) {
          problems.add("record " + e.index() + ": customer " + e.email() + " is not in CSM");
          continue;
        }
        if (e.displayName() != null && !e.displayName().equals(c.displayName().orElse(null))) {
          problems.add(
              "record "
                  + e.index()
                  + ": customer "
                  + e.email()
                  + " has display name '"
                  + c.displayName().orElse("")
                  + "', expected '"
                  + e.displayName()
                  + "'");
        }
        Set<String> actual = new TreeSet<>();
        c.organizations().forEach(o -> actual.add(o.id()));
        if (!actual.containsAll(e.organizationIds())) {
          problems.add(
              "record "
                  + e.index()
                  + ": customer "
                  + e.email()
                  + " belongs to organizations "
                  + actual
                  + ", expected "
                  + e.organizationIds());
        }
        Map<String, Set<String>> details = new HashMap<>();
        c.details().forEach(d -> details.put(d.name(), new TreeSet<>(d.values())));
        e.details()
            .forEach(
                (name, values) -> {
                  if (!values.equals(details.get(name))) {
                    problems.add(
                        "record "
                            + e.index()
                            + ": customer "
                            + e.email()
                            + " has "
                            + name
                            + " = "
                            + details.getOrDefault(name, Set.of())
                            + ", expected "
                            + values);
                  }
                });
      }
      return new Verification(byEmail.size(), report.counts().succeeded(), problems, missingOrgs);
    }
  }

  /**
   * Configures a {@link HubSpotMigration}. Defaults: the guide's mapping, a random job id, no
   * journals, archived records skipped, 5 tasks in flight, failure threshold 5% (alert only),
   * missing detail fields created, organizations also made from contacts' company names, and up to
   * 10,000 imported customers verified.
   */
  public static final class Builder {
    private final CsmClient csm;
    private Mapper mapper = Mapper.of(HubSpotMapping.defaults());
    private String jobId = "migration-" + java.util.UUID.randomUUID();
    private boolean jobIdGiven;
    private Path journalDirectory;
    private RecordFilter contactFilter = RecordFilter.notArchived();
    private RecordFilter companyFilter = RecordFilter.notArchived();
    private OptionalLong testBatch = OptionalLong.empty();
    private int maxInFlight = 5;
    private double failureThreshold = 0.05;
    private boolean stopOnFailureThreshold;
    private MigrationListener listener = MigrationListener.NONE;
    private boolean createDetailFields = true;
    private boolean organizationsFromContacts = true;
    private int verifySample = 10_000;
    private Duration maxTaskWait = Duration.ofMinutes(15);
    private DuplicatePolicy duplicatePolicy = DuplicatePolicy.FIRST;
    private Membership membership = Membership.ALL;

    private Builder(CsmClient csm) {
      this.csm = Objects.requireNonNull(csm, "csm");
    }

    /** The mapping, as a mapper (which may carry HubSpot property catalogs for labels). */
    public Builder mapper(Mapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * The mapping, as plain HubSpot-to-CSM rules; default the guide's mapping ({@link
     * HubSpotMapping#defaults()}).
     */
    public Builder mapping(HubSpotMapping mapping) {
      return mapper(Mapper.of(mapping));
    }

    /**
     * Names the migration; each phase's idempotency keys derive from it. Reuse it to resume or
     * repeat a migration without duplicates; at most 80 characters.
     */
    public Builder jobId(String jobId) {
      if (jobId == null || jobId.isBlank() || jobId.length() > 80) {
        throw new IllegalArgumentException("jobId must be 1 to 80 characters, not blank");
      }
      this.jobId = jobId;
      this.jobIdGiven = true;
      return this;
    }

    /**
     * Journals the customer phase to {@code <jobId>.customers.journal} in this directory, and
     * resumes from it. The detail-field and organization phases need no journal: they send only
     * what CSM does not have yet, so a rerun skips what an earlier run created.
     */
    public Builder journalDirectory(Path directory) {
      this.journalDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Which contacts to migrate (the others are counted as excluded); default: not archived. */
    public Builder contactFilter(RecordFilter filter) {
      this.contactFilter = RecordFilter.notArchived().and(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Which companies to migrate; default: not archived. */
    public Builder companyFilter(RecordFilter filter) {
      this.companyFilter = RecordFilter.notArchived().and(Objects.requireNonNull(filter, "filter"));
      return this;
    }

    /** Migrates only the first {@code n} selected contacts: the guide's phase 1. */
    public Builder testBatch(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("testBatch must be at least 1: " + n);
      }
      this.testBatch = OptionalLong.of(n);
      return this;
    }

    /**
     * Tasks unfinished at once in each phase, 1 to 100; default 5. Checked when the migration runs,
     * which then throws {@link IllegalArgumentException}.
     */
    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * The failure rate of a phase above which the listener is alerted, 0 to 1; default 0.05.
     * Checked when the migration runs.
     */
    public Builder failureThreshold(double threshold) {
      this.failureThreshold = threshold;
      return this;
    }

    /**
     * Whether a phase also stops when it passes the failure threshold; default false (alert only).
     */
    public Builder stopOnFailureThreshold(boolean stop) {
      this.stopOnFailureThreshold = stop;
      return this;
    }

    /** Observes the phases and their imports; default {@link MigrationListener#NONE}. */
    public Builder listener(MigrationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Whether to create the detail fields the mapping needs and CSM lacks; default true. */
    public Builder createDetailFields(boolean create) {
      this.createDetailFields = create;
      return this;
    }

    /**
     * Whether a contact's company name with no company record becomes an organization too; default
     * true (the contacts are then read twice).
     */
    public Builder organizationsFromContacts(boolean create) {
      this.organizationsFromContacts = create;
      return this;
    }

    /** How many imported customers to fetch back and compare; 0 skips verification. */
    public Builder verifySample(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("verifySample must not be negative: " + n);
      }
      this.verifySample = n;
      return this;
    }

    /** Which of several contacts with one email is imported; default the first (the guide). */
    public Builder duplicates(DuplicatePolicy policy) {
      this.duplicatePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Which associated companies a customer joins; default all of them. */
    public Builder membership(Membership membership) {
      this.membership = Objects.requireNonNull(membership, "membership");
      return this;
    }

    /**
     * How long a task may stay unfinished before its batch is reported unresolved; default 15
     * minutes.
     */
    public Builder maxTaskWait(Duration wait) {
      this.maxTaskWait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /**
     * The migration.
     *
     * @throws IllegalStateException if a journal directory is set without a job id
     */
    public HubSpotMigration build() {
      if (journalDirectory != null && !jobIdGiven) {
        throw new IllegalStateException(
            "a journal directory needs a job id: set jobId(...) so that a rerun finds its journal"
                + " and sends the same idempotency keys");
      }
      return new HubSpotMigration(this);
    }
  }
}
