package io.github.csmkit.hubspot.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.hubspot.state.FieldHashes;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.Settlement;
import io.github.csmkit.hubspot.state.StateReader;
import io.github.csmkit.hubspot.state.StoredRecord;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification against the sandbox and a SQLite state: no mocks. */
class StateVerificationTest {
  private static final String JOB = "portal-1";
  private static final String SITE = "sandbox";

  @TempDir Path dir;
  private CsmSandbox sandbox;
  private CsmClient csm;
  private SyncState state;

  @BeforeEach
  void start() {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(2)).start();
    csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .build();
    state = SyncState.open(dir.resolve("state.db").toString());
    await(
        csm.customerDetailFields()
            .submit(
                DetailFieldBatch.of(
                    List.of(
                        DetailFieldDefinition.of("Phone", DetailFieldType.text()),
                        DetailFieldDefinition.of("Lifecycle", DetailFieldType.text())))));
    await(
        csm.organizationDetailFields()
            .submit(
                DetailFieldBatch.of(
                    List.of(DetailFieldDefinition.of("Region", DetailFieldType.text())))));
  }

  @AfterEach
  void stop() {
    state.close();
    csm.close();
    sandbox.close();
  }

  private void await(io.github.csmkit.client.model.SubmittedTask task) {
    assertThat(csm.tasks().await(task).state()).isEqualTo(TaskState.FINISHED);
  }

  private Map<String, String> organizations(Map<String, String> regionByName) {
    OrganizationProfileBatch.Builder b = OrganizationProfileBatch.builder();
    regionByName.forEach(
        (name, region) ->
            b.addOperations(
                OrganizationProfileOperation.create(
                    OrganizationProfile.builder()
                        .name(name)
                        .addDetails(Detail.of("Region", region))
                        .build())));
    await(csm.organizationProfiles().submit(b.build()));
    return sandbox.organizations().stream()
        .collect(Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::id));
  }

  /** Customers cN@example.com, "Customer N", Phone +1-555-N, in the organization given. */
  private Map<String, String> customers(int count, String organizationId) {
    for (int from = 0; from < count; from += 50) {
      CustomerProfileBatch.Builder b = CustomerProfileBatch.builder();
      for (int i = from; i < Math.min(count, from + 50); i++) {
        b.addOperations(
            CustomerProfileOperation.create(
                CustomerProfile.builder()
                    .email(email(i))
                    .displayName("Customer " + i)
                    .addDetails(Detail.of("Phone", phone(i)))
                    .addAssociateOrganizations(organizationId)
                    .build()));
      }
      await(csm.customerProfiles().submit(b.build()));
    }
    return sandbox.customers().stream()
        .collect(Collectors.toMap(CustomerSnapshot::email, CustomerSnapshot::id));
  }

  private static String email(int i) {
    return "c" + i + "@example.com";
  }

  private static String phone(int i) {
    return "+1-555-" + i;
  }

  private static Map<String, String> hashes(String... nameValuePairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      out.put(nameValuePairs[i], FieldHashes.hash(List.of(nameValuePairs[i + 1])));
    }
    return out;
  }

  private static Settlement contact(
      String hubSpotId, String csmId, String email, Map<String, String> hashes, String company) {
    return Settlement.imported(
        ObjectType.CONTACT, hubSpotId, csmId, email, hashes, Set.of(company));
  }

  private void settle(List<Settlement> all) {
    try (SyncRun run = state.beginRun(JOB, SITE, false)) {
      for (int from = 0; from < all.size(); from += 50) {
        run.settle(all.subList(from, Math.min(all.size(), from + 50)));
      }
    }
  }

  private VerificationReport verify(DifferenceSink sink) {
    return StateVerification.builder()
        .client(csm)
        .state(state.reader(JOB, SITE))
        .sink(sink)
        .build()
        .run();
  }

  private static Difference diff(
      ObjectType type,
      String hubSpotId,
      String csmId,
      Difference.Kind kind,
      String field,
      String expected,
      String actual) {
    return new Difference(
        type,
        hubSpotId,
        Optional.ofNullable(csmId),
        kind,
        Optional.ofNullable(field),
        Optional.ofNullable(expected),
        Optional.ofNullable(actual));
  }

  @Test
  void everyDifferenceIsReportedExactlyAndFetchesGo25AtATime() throws Exception {
    Map<String, String> orgs =
        organizations(Map.of("Acme", "EMEA", "Globex", "AMER", "Initech Corp", "APAC"));
    Map<String, String> ids = customers(30, orgs.get("Acme"));
    String dn = StateVerification.DISPLAY_NAME_FIELD;
    List<Settlement> all = new ArrayList<>();
    all.add(
        Settlement.imported(
            ObjectType.COMPANY,
            "co-acme",
            orgs.get("Acme"),
            "Acme",
            hashes("Region", "EMEA"),
            Set.of()));
    all.add(
        Settlement.imported(
            ObjectType.COMPANY,
            "co-globex",
            orgs.get("Globex"),
            "Globex",
            hashes("Region", "AMER"),
            Set.of()));
    // renamed in CSM (or never renamed there): the state says Initech
    all.add(
        Settlement.imported(
            ObjectType.COMPANY,
            "co-initech",
            orgs.get("Initech Corp"),
            "Initech",
            hashes("Region", "APAC"),
            Set.of()));
    for (int i = 0; i < 30; i++) {
      String hs = "h" + i;
      String csmId = ids.get(email(i));
      String email = email(i);
      String company = "co-acme";
      Map<String, String> h = hashes(dn, "Customer " + i, "Phone", phone(i));
      switch (i) {
        case 1 -> h = hashes(dn, "Customer 1", "Phone", "+1-555-999"); // a changed detail
        case 2 -> csmId = "999999"; // a customer missing from CSM
        case 3 -> company = "co-globex"; // a wrong membership
        case 4 -> h = hashes(dn, "Customer Four", "Phone", phone(4));
        case 5 -> h = hashes(dn, "Customer 5", "Phone", phone(5), "Lifecycle", "customer");
        case 6 -> email = "C6.OLD@example.com";
        case 7 -> email = "C7@EXAMPLE.COM"; // the same email, another case: no difference
        default -> {}
      }
      all.add(contact(hs, csmId, email, h, company));
    }
    all.add(contact("h30", null, "c30@example.com", hashes("Phone", "1"), "co-acme"));
    all.add(Settlement.failed(ObjectType.CONTACT, "h31", "Invalid detail field"));
    all.add(contact("h32", ids.get(email(8)), email(8), hashes(dn, "Customer 8"), "co-gone"));
    settle(all);

    long customerFetches = sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH);
    long orgFetches = sandbox.requestCount(Endpoint.ORGANIZATION_PROFILE_FETCH);
    Path file = dir.resolve("out/verify.json");
    List<Difference> streamed = new ArrayList<>();
    VerificationReport report;
    try (DifferenceFile out = DifferenceFile.create(file)) {
      report =
          verify(
              d -> {
                streamed.add(d);
                out.accept(d);
              });
      out.finish(report);
    }

    String acme = orgs.get("Acme");
    ObjectType c = ObjectType.CONTACT;
    assertThat(streamed)
        .containsExactly(
            diff(
                ObjectType.COMPANY,
                "co-initech",
                orgs.get("Initech Corp"),
                Difference.Kind.IDENTITY,
                null,
                "Initech",
                "Initech Corp"),
            diff(
                c,
                "h1",
                ids.get(email(1)),
                Difference.Kind.FIELD_DIFFERENT,
                "Phone",
                "hash " + FieldHashes.hash(List.of("+1-555-999")),
                "+1-555-1"),
            diff(c, "h2", "999999", Difference.Kind.NOT_FOUND, null, "999999", null),
            diff(
                c,
                "h3",
                ids.get(email(3)),
                Difference.Kind.MEMBERSHIP_MISSING,
                "co-globex",
                orgs.get("Globex"),
                null),
            diff(
                c,
                "h3",
                ids.get(email(3)),
                Difference.Kind.MEMBERSHIP_EXTRA,
                null,
                null,
                acme + " (Acme)"),
            diff(
                c,
                "h4",
                ids.get(email(4)),
                Difference.Kind.DISPLAY_NAME,
                null,
                "hash " + FieldHashes.hash(List.of("Customer Four")),
                "Customer 4"),
            diff(
                c,
                "h5",
                ids.get(email(5)),
                Difference.Kind.FIELD_MISSING,
                "Lifecycle",
                "hash " + FieldHashes.hash(List.of("customer")),
                null),
            diff(
                c,
                "h6",
                ids.get(email(6)),
                Difference.Kind.IDENTITY,
                null,
                "C6.OLD@example.com",
                email(6)),
            diff(c, "h30", null, Difference.Kind.CSM_ID_UNKNOWN, null, null, null),
            diff(
                c,
                "h31",
                null,
                Difference.Kind.NOT_IMPORTED,
                null,
                "FAILED: Invalid detail field",
                null),
            // the contact's company is not in the state: unchecked, and Acme is not claimed extra
            diff(
                c,
                "h32",
                ids.get(email(8)),
                Difference.Kind.MEMBERSHIP_UNKNOWN,
                "co-gone",
                null,
                null))
        .hasSize((int) report.differences());

    assertThat(report.counts().get(ObjectType.COMPANY))
        .isEqualTo(new VerificationReport.Counts(3, 2, 1, 0, 0, 0));
    // 33 contacts: 31 with an id (h0-h29, h32), of which h2 is not found, 6 differ
    assertThat(report.counts().get(c)).isEqualTo(new VerificationReport.Counts(33, 24, 6, 1, 1, 1));
    assertThat(report.checked()).isEqualTo(34);
    assertThat(report.passed()).isFalse();
    assertThat(report.differencesByKind().get(Difference.Kind.IDENTITY)).isEqualTo(2);
    // 31 customers with an id: two fetches (25 + 6); 3 organizations: one
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH) - customerFetches)
        .isEqualTo(2);
    assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_PROFILE_FETCH) - orgFetches).isEqualTo(1);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("differences")).hasSize(11);
    assertThat(json.get("differences").get(1).get("field").asText()).isEqualTo("Phone");
    assertThat(json.get("differences").get(1).get("actual").asText()).isEqualTo("+1-555-1");
    assertThat(json.at("/summary/passed").asBoolean()).isFalse();
    assertThat(json.at("/summary/customers/notFound").asLong()).isEqualTo(1);
    assertThat(json.at("/summary/differencesByKind/NOT_FOUND").asLong()).isEqualTo(1);
  }

  @Test
  void aStateThatMatchesPasses() {
    Map<String, String> orgs = organizations(Map.of("Acme", "EMEA"));
    Map<String, String> ids = customers(3, orgs.get("Acme"));
    List<Settlement> all = new ArrayList<>();
    all.add(
        Settlement.imported(
            ObjectType.COMPANY,
            "co-acme",
            orgs.get("Acme"),
            "Acme",
            hashes("Region", "EMEA"),
            Set.of()));
    for (int i = 0; i < 3; i++) {
      all.add(
          contact(
              "h" + i,
              ids.get(email(i)),
              email(i),
              hashes(StateVerification.DISPLAY_NAME_FIELD, "Customer " + i, "Phone", phone(i)),
              "co-acme"));
    }
    settle(all);

    VerificationReport report = verify(DifferenceSink.NONE);

    assertThat(report.differences()).isZero();
    assertThat(report.counts().get(ObjectType.CONTACT).matched()).isEqualTo(3);
    assertThat(report.passed()).isTrue();
  }

  @Test
  void checkingNothingNeverPasses() {
    VerificationReport empty = verify(DifferenceSink.NONE);
    assertThat(empty.checked()).isZero();
    assertThat(empty.differences()).isZero();
    assertThat(empty.passed()).isFalse();

    settle(List.of(Settlement.rejected(ObjectType.CONTACT, "h1", "email: not an email")));
    VerificationReport onlyRejected = verify(DifferenceSink.NONE);
    assertThat(onlyRejected.counts().get(ObjectType.CONTACT).notImported()).isEqualTo(1);
    assertThat(onlyRejected.passed()).isFalse();
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH)).isZero();
  }

  /**
   * 2,000 contacts: the state is read while CSM is fetched, never more than one batch ahead of the
   * fetches, and the report keeps 50 examples of the 1,000 differences streamed.
   */
  @Test
  void twoThousandRecordsStreamWithBoundedMemory() {
    int n = 2000;
    Map<String, String> orgs = organizations(Map.of("Acme", "EMEA"));
    Map<String, String> ids = customers(n, orgs.get("Acme"));
    List<Settlement> all = new ArrayList<>();
    all.add(
        Settlement.imported(
            ObjectType.COMPANY,
            "co-acme",
            orgs.get("Acme"),
            "Acme",
            hashes("Region", "EMEA"),
            Set.of()));
    for (int i = 0; i < n; i++) {
      // every other contact's phone was sent differently
      String sent = i % 2 == 0 ? phone(i) : "changed";
      all.add(contact("h" + i, ids.get(email(i)), email(i), hashes("Phone", sent), "co-acme"));
    }
    settle(all);

    long before = sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH);
    AtomicInteger read = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    StateReader reader = state.reader(JOB, SITE);
    StateReader counting =
        new ForwardingReader(reader) {
          @Override
          public void forEachRecord(ObjectType type, Consumer<StoredRecord> action) {
            reader.forEachRecord(
                type,
                r -> {
                  if (type == ObjectType.CONTACT) {
                    long fetched =
                        (sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH) - before) * 25;
                    maxAhead.accumulateAndGet((int) (read.incrementAndGet() - fetched), Math::max);
                  }
                  action.accept(r);
                });
          }
        };
    AtomicInteger streamed = new AtomicInteger();
    VerificationReport report =
        StateVerification.builder()
            .client(csm)
            .state(counting)
            .sink(d -> streamed.incrementAndGet())
            .build()
            .run();

    assertThat(read).hasValue(n);
    assertThat(maxAhead.get()).isBetween(1, 25);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_PROFILE_FETCH) - before).isEqualTo(n / 25);
    assertThat(report.counts().get(ObjectType.CONTACT))
        .isEqualTo(new VerificationReport.Counts(n, n / 2, n / 2, 0, 0, 0));
    assertThat(streamed).hasValue(n / 2);
    assertThat(report.differences()).isEqualTo(n / 2);
    assertThat(report.examples()).hasSize(StateVerification.EXAMPLES);
  }

  /** Passes every call on; a test overrides the one it watches. */
  private static class ForwardingReader implements StateReader {
    private final StateReader to;

    ForwardingReader(StateReader to) {
      this.to = to;
    }

    @Override
    public Map<String, StoredRecord> records(ObjectType type, Collection<String> hubSpotIds) {
      return to.records(type, hubSpotIds);
    }

    @Override
    public void forEachRecord(ObjectType type, Consumer<StoredRecord> action) {
      to.forEachRecord(type, action);
    }

    @Override
    public void forEachRetry(ObjectType type, Consumer<StoredRecord> action) {
      to.forEachRetry(type, action);
    }

    @Override
    public long count(ObjectType type) {
      return to.count(type);
    }

    @Override
    public Optional<java.time.Instant> watermark(ObjectType type) {
      return to.watermark(type);
    }
  }
}
