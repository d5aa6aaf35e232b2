package io.github.csmkit.client.model;

import static io.github.csmkit.client.model.ModelAssertions.assertJson;
import static io.github.csmkit.client.model.ModelAssertions.assertViolation;
import static io.github.csmkit.client.model.ModelAssertions.single;
import static io.github.csmkit.client.model.ModelAssertions.violations;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import io.github.csmkit.client.internal.WireWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Organization-profile operations and batches: the request JSON and every rule. */
class OrganizationProfileBatchTest {
  private static OrganizationProfile named(String name) {
    return OrganizationProfile.builder().name(name).build();
  }

  @Test
  void everyOperationTypeIsSentInTheReferenceShape() {
    OrganizationProfileBatch batch =
        OrganizationProfileBatch.of(
            List.of(
                OrganizationProfileOperation.create(
                    OrganizationProfile.builder()
                        .name("Acme Corporation")
                        .addDetails(Detail.of("Support Tier", "Gold"))
                        .addAssociateCustomers("qm:1", "qm:2")
                        .build()),
                OrganizationProfileOperation.update(
                    OrganizationProfile.builder().id("10001").build()),
                OrganizationProfileOperation.upsert(
                    OrganizationProfile.builder().id("10002").name("Globex").build())));

    assertJson(
        WireWriter.write(batch),
        """
        {"organizationProfiles":[
          {"operationType":"CREATE","payload":{"name":"Acme Corporation",
            "details":[{"name":"Support Tier","values":["Gold"]}],
            "associateCustomers":{"customerIds":["qm:1","qm:2"]}}},
          {"operationType":"UPDATE","payload":{"id":"10001"}},
          {"operationType":"UPSERT","payload":{"id":"10002","name":"Globex"}}]}
        """);
    assertThat(batch.items()).isSameAs(batch.operations());
    assertThat(batch.operations().get(2).keys()).containsExactly("10002", "Globex");
    assertThat(batch.operations().get(0).keys()).containsExactly("Acme Corporation");
  }

  @Test
  void createAndUpsertNeedAName() {
    assertViolation(
        single(
            () ->
                OrganizationProfileBatch.of(
                    List.of(
                        OrganizationProfileOperation.create(
                            OrganizationProfile.builder().id("1").build())))),
        0,
        "payload.name",
        Rule.NAME_REQUIRED,
        "CREATE of an organization needs a name");
    assertViolation(
        single(
            () ->
                OrganizationProfileBatch.of(
                    List.of(
                        OrganizationProfileOperation.create(named("Acme")),
                        OrganizationProfileOperation.upsert(named(" "))))),
        1,
        "payload.name",
        Rule.NAME_REQUIRED,
        "UPSERT of an organization needs a name");
  }

  @Test
  void updateNeedsAnIdOrAName() {
    assertThat(
            OrganizationProfileBatch.of(
                    List.of(
                        OrganizationProfileOperation.update(named("Acme")),
                        OrganizationProfileOperation.update(
                            OrganizationProfile.builder().id("7").build())))
                .items())
        .hasSize(2);
    assertViolation(
        single(
            () ->
                OrganizationProfileBatch.of(
                    List.of(
                        OrganizationProfileOperation.update(
                            OrganizationProfile.builder()
                                .addDetails(Detail.of("Tier", "Gold"))
                                .build())))),
        0,
        "payload",
        Rule.IDENTIFIER_REQUIRED,
        "UPDATE of an organization needs an id or a name");
  }

  @Test
  void aDetailWithoutANameIsRefused() {
    assertViolation(
        single(
            () ->
                OrganizationProfileBatch.of(
                    List.of(
                        OrganizationProfileOperation.create(
                            OrganizationProfile.builder()
                                .name("Acme")
                                .addDetails(Detail.of("", "x"))
                                .build())))),
        0,
        "payload.details[0].name",
        Rule.VALUE_REQUIRED,
        "a detail needs a name");
  }

  @Test
  void namesAndIdsMustNotRepeat() {
    List<Violation> all =
        violations(
            () ->
                OrganizationProfileBatch.of(
                    List.of(
                        OrganizationProfileOperation.create(named("Acme Corporation")),
                        OrganizationProfileOperation.update(
                            OrganizationProfile.builder().id("10001").build()),
                        OrganizationProfileOperation.create(named(" acme corporation ")),
                        OrganizationProfileOperation.update(
                            OrganizationProfile.builder().id("10001").build()))));
    assertThat(all).hasSize(2);
    assertViolation(
        all.get(0),
        2,
        "payload.name",
        Rule.DUPLICATE_NAME,
        "' acme corporation ' is already used by item 0");
    assertViolation(
        all.get(1), 3, "payload.id", Rule.DUPLICATE_ID, "'10001' is already used by item 1");
  }

  @Test
  void fiftyOkFiftyOneNotNoneNot() {
    assertThat(
            OrganizationProfileBatch.of(
                    IntStream.range(0, 50)
                        .mapToObj(i -> OrganizationProfileOperation.create(named("Org " + i)))
                        .toList())
                .items())
        .hasSize(50);
    assertViolation(
        single(
            () ->
                OrganizationProfileBatch.of(
                    IntStream.range(0, 51)
                        .mapToObj(i -> OrganizationProfileOperation.create(named("Org " + i)))
                        .toList())),
        50,
        "items",
        Rule.MAX_ITEMS,
        "a batch holds at most 50 items, this one has 51");
    assertViolation(
        single(() -> OrganizationProfileBatch.of(List.of())),
        -1,
        "items",
        Rule.NOT_EMPTY,
        "a batch needs at least one item");
  }
}
