package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.BatchLog;
import io.github.csmkit.client.bulk.ImportReport.Counts;
import io.github.csmkit.client.bulk.ImportReport.RecordFailure;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.Batch;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.CustomerSnapshot;
import io.github.csmkit.sandbox.DefinitionSnapshot;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.EntityKind;
import io.github.csmkit.sandbox.OrganizationSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bulk target end to end against the embedded sandbox, with its de-duplication key. */
class BulkTargetSandboxTest {
  private final CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).start();
  private final CsmClient csm = SandboxImports.client(sandbox);

  @AfterEach
  void close() {
    csm.close();
    sandbox.close();
  }

  private <O extends BatchItem, B extends Batch<O>> BulkImporter.Builder<O, B> importer(
      BulkTarget<O, B> target) {
    return BulkImporter.builder(csm, target)
        .jobId("target-" + target.name())
        .initialTaskEstimate(Duration.ofMillis(10))
        .pollInterval(Duration.ofMillis(2), Duration.ofMillis(50));
  }

  private long tasksOf(Endpoint endpoint) {
    return sandbox.tasks().stream().filter(t -> t.endpoint() == endpoint).count();
  }

  @Test
  void theTargetsNameTheirEndpointsAndDedupeKeys() {
    assertThat(
            List.of(
                    BulkTarget.CUSTOMER_PROFILES,
                    BulkTarget.ORGANIZATION_PROFILES,
                    BulkTarget.CUSTOMER_ACCOUNTS,
                    BulkTarget.CUSTOMER_DETAILS,
                    BulkTarget.ORGANIZATION_DETAILS,
                    BulkTarget.CUSTOMER_DETAIL_FIELDS,
                    BulkTarget.ORGANIZATION_DETAIL_FIELDS)
                .stream()
                .map(t -> t.name() + " " + t.endpoint(csm).path())
                .toList())
        .containsExactly(
            "customer profiles /api/v1/customer/profile/bulk",
            "organization profiles /api/v1/organization/profile/bulk",
            "customer accounts /api/v1/customer/bulk",
            "customer details /api/v1/customer/details/bulk",
            "organization details /api/v1/organization/details/bulk",
            "customer detail fields /api/v1/customer/details/definitions/bulk",
            "organization detail fields /api/v1/organization/details/definitions/bulk");
    assertThat(BulkTarget.CUSTOMER_DETAILS).hasToString("BulkTarget[customer details]");

    assertThat(
            BulkTarget.CUSTOMER_PROFILES.dedupeKey(
                CustomerProfileOperation.update(
                    CustomerProfile.builder()
                        .email(" John@Example.COM ")
                        .customerId("qm:1")
                        .build())))
        .contains("john@example.com");
    assertThat(
            BulkTarget.CUSTOMER_PROFILES.dedupeKey(
                CustomerProfileOperation.update(
                    CustomerProfile.builder().customerId("QM:Abc").build())))
        .contains("qm:abc");
    assertThat(
            BulkTarget.CUSTOMER_PROFILES.dedupeKey(
                CustomerProfileOperation.update(CustomerProfile.builder().email("  ").build())))
        .isEmpty();
    assertThat(
            BulkTarget.ORGANIZATION_PROFILES.dedupeKey(
                OrganizationProfileOperation.upsert(
                    OrganizationProfile.builder().id("10001").name(" Acme Corporation").build())))
        .contains("acme corporation");
    assertThat(
            BulkTarget.ORGANIZATION_PROFILES.dedupeKey(
                OrganizationProfileOperation.update(
                    OrganizationProfile.builder().id("10001").build())))
        .contains("10001");
    assertThat(BulkTarget.CUSTOMER_ACCOUNTS.dedupeKey(CustomerAccount.of("Jane@Example.com")))
        .contains("jane@example.com");
    assertThat(
            BulkTarget.CUSTOMER_DETAILS.dedupeKey(
                DetailUpdate.of("qm:AbC", DetailOperation.delete("x"))))
        .as("ids are compared exactly")
        .contains("qm:AbC");
    assertThat(
            BulkTarget.ORGANIZATION_DETAILS.dedupeKey(
                DetailUpdate.of("10001", DetailOperation.delete("x"))))
        .contains("10001");
    assertThat(
            BulkTarget.CUSTOMER_DETAIL_FIELDS.dedupeKey(
                DetailFieldDefinition.of(" Tier ", DetailFieldType.text())))
        .contains("tier");
    assertThat(
            BulkTarget.ORGANIZATION_DETAIL_FIELDS.dedupeKey(
                DetailFieldDefinition.of("TIER", DetailFieldType.text())))
        .contains("tier");
    assertThat(
            BulkTarget.CUSTOMER_DETAILS.weight(
                DetailUpdate.of("1", DetailOperation.delete("a"), DetailOperation.delete("b"))))
        .isEqualTo(2);
    assertThat(BulkTarget.CUSTOMER_DETAILS.maxWeight()).isEqualTo(1000);
    assertThat(BulkTarget.CUSTOMER_ACCOUNTS.weight(CustomerAccount.of("a@b.c"))).isEqualTo(1);
    assertThat(BulkTarget.CUSTOMER_ACCOUNTS.maxWeight()).isZero();
    assertThat(BulkTarget.CUSTOMER_ACCOUNTS.batch(List.of(CustomerAccount.of("a@b.c"))).accounts())
        .hasSize(1);
  }

  @Test
  void organizationsTheirFieldsAndTheirDetailValues() {
    ImportReport<DetailFieldDefinition> fields =
        importer(BulkTarget.ORGANIZATION_DETAIL_FIELDS)
            .build()
            .run(
                List.of(
                    DetailFieldDefinition.of(
                        "Support Tier", DetailFieldType.select("Gold", "Silver")),
                    DetailFieldDefinition.of("Seats", DetailFieldType.number()),
                    DetailFieldDefinition.of("support tier", DetailFieldType.text())));
    assertThat(fields.counts()).isEqualTo(new Counts(3, 0, 1, 0, 2, 2, 0, 0, 0));
    assertThat(fields.failures())
        .singleElement()
        .extracting(RecordFailure::index, RecordFailure::stage)
        .containsExactly(2L, Stage.DUPLICATE);
    assertThat(sandbox.definitions(EntityKind.ORGANIZATION))
        .extracting(DefinitionSnapshot::name, DefinitionSnapshot::type)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Support Tier", "SELECT"),
            org.assertj.core.groups.Tuple.tuple("Seats", "NUMBER"));
    assertThat(sandbox.definitions(EntityKind.CUSTOMER)).isEmpty();

    ImportReport<String> orgs =
        importer(BulkTarget.ORGANIZATION_PROFILES)
            .build()
            .run(
                List.of("Acme Corporation", "Globex", " ACME Corporation"),
                name ->
                    OrganizationProfileOperation.create(
                        OrganizationProfile.builder()
                            .name(name.trim())
                            .addDetails(Detail.of("Support Tier", "Gold"))
                            .build()));
    assertThat(orgs.counts()).isEqualTo(new Counts(3, 0, 1, 0, 2, 2, 0, 0, 0));
    Map<String, OrganizationSnapshot> byName =
        sandbox.organizations().stream()
            .collect(Collectors.toMap(OrganizationSnapshot::name, o -> o));
    assertThat(byName).containsOnlyKeys("Acme Corporation", "Globex");
    String acme = byName.get("Acme Corporation").id();
    String globex = byName.get("Globex").id();

    ImportReport<DetailUpdate> details =
        importer(BulkTarget.ORGANIZATION_DETAILS)
            .build()
            .run(
                List.of(
                    DetailUpdate.of(
                        acme,
                        DetailOperation.update("Seats", "250"),
                        DetailOperation.update("Support Tier", "Silver")),
                    DetailUpdate.of(
                        globex,
                        DetailOperation.delete("Support Tier"),
                        DetailOperation.patch("Seats", "5")),
                    DetailUpdate.of(acme, DetailOperation.update("Seats", "1"))));
    assertThat(details.counts()).isEqualTo(new Counts(3, 0, 1, 0, 2, 2, 0, 0, 0));
    assertThat(
            sandbox.organizations().stream()
                .collect(
                    Collectors.toMap(OrganizationSnapshot::name, OrganizationSnapshot::details)))
        .isEqualTo(
            Map.of(
                "Acme Corporation",
                    Map.of("Seats", List.of("250"), "Support Tier", List.of("Silver")),
                "Globex", Map.of("Seats", List.of("5"))));
    assertThat(tasksOf(Endpoint.ORGANIZATION_DETAIL_DEFINITIONS)).isEqualTo(1);
    assertThat(tasksOf(Endpoint.ORGANIZATION_PROFILES)).isEqualTo(1);
    assertThat(tasksOf(Endpoint.ORGANIZATION_DETAILS)).isEqualTo(1);
  }

  @Test
  void customerAccountsFieldsAndManyDetailOperationsPackedByWeight() {
    List<String> emails = new ArrayList<>(SandboxImports.emails(30));
    emails.add("CUSTOMER7@example.com");
    ImportReport<String> accounts =
        importer(BulkTarget.CUSTOMER_ACCOUNTS)
            .expectedRecords(31)
            .build()
            .run(emails.stream(), e -> CustomerAccount.of(e, "Name of " + e));
    assertThat(accounts.counts()).isEqualTo(new Counts(31, 0, 1, 0, 30, 30, 0, 0, 0));
    assertThat(accounts.failures()).singleElement().extracting(RecordFailure::index).isEqualTo(30L);
    assertThat(sandbox.customers()).hasSize(30);

    List<DetailFieldDefinition> definitions =
        IntStream.range(0, 40)
            .mapToObj(i -> DetailFieldDefinition.of("Field " + i, DetailFieldType.text()))
            .toList();
    ImportReport<DetailFieldDefinition> fields =
        importer(BulkTarget.CUSTOMER_DETAIL_FIELDS).build().run(definitions);
    assertThat(fields.counts().succeeded()).isEqualTo(40);
    assertThat(sandbox.definitions(EntityKind.CUSTOMER)).hasSize(40);

    List<String> ids = sandbox.customers().stream().map(CustomerSnapshot::id).toList();
    List<DetailUpdate> updates = new ArrayList<>();
    for (String id : ids) {
      updates.add(
          DetailUpdate.builder()
              .id(id)
              .operations(
                  IntStream.range(0, 40)
                      .mapToObj(i -> DetailOperation.update("Field " + i, id + "/" + i))
                      .toList())
              .build());
    }
    updates.add(DetailUpdate.of(ids.get(0), DetailOperation.update("Field 0", "duplicate")));
    updates.add(
        DetailUpdate.builder()
            .id("qm:too-many")
            .operations(
                IntStream.range(0, 1001)
                    .mapToObj(i -> DetailOperation.update("Field 1", "x"))
                    .toList())
            .build());

    ImportReport<DetailUpdate> details = importer(BulkTarget.CUSTOMER_DETAILS).build().run(updates);

    assertThat(details.counts()).isEqualTo(new Counts(32, 1, 1, 0, 30, 30, 0, 0, 0));
    assertThat(details.failures())
        .extracting(RecordFailure::index, RecordFailure::stage, f -> f.rule().orElse("-"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(30L, Stage.DUPLICATE, "-"),
            org.assertj.core.groups.Tuple.tuple(31L, Stage.VALIDATION, "MAX_OPERATIONS"));
    assertThat(details.failures())
        .filteredOn(f -> f.stage() == Stage.VALIDATION)
        .singleElement()
        .extracting(RecordFailure::message)
        .isEqualTo("it has 1001 operations, more than the 1000 a batch may hold");
    // 30 × 40 operations: no batch over 1000 operations, so 25 customers and then 5
    assertThat(details.batches()).extracting(BatchLog::recordCount).containsExactly(25, 5);
    assertThat(tasksOf(Endpoint.CUSTOMER_DETAILS)).isEqualTo(2);
    assertThat(sandbox.requestCount(Endpoint.CUSTOMER_DETAILS)).isEqualTo(2);
    assertThat(sandbox.tasks())
        .filteredOn(t -> t.endpoint() == Endpoint.CUSTOMER_DETAILS)
        .allSatisfy(t -> assertThat(t.failures()).isEmpty());
    assertThat(sandbox.customers())
        .hasSize(30)
        .allSatisfy(
            c -> {
              assertThat(c.details()).hasSize(40);
              assertThat(c.details().get("Field 39")).containsExactly(c.id() + "/39");
              assertThat(c.details().get("Field 0")).containsExactly(c.id() + "/0");
            });
    assertThat(Optional.ofNullable(sandbox.customers().get(0).displayName())).isPresent();
  }
}
