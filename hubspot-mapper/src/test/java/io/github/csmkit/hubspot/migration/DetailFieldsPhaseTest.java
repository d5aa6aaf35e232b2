package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.EntityKind;
import io.github.csmkit.sandbox.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetailFieldsPhaseTest extends SandboxTest {
  @Test
  void missingIgnoresCase() {
    assertThat(
            DetailFieldsPhase.missing(
                List.of(
                    DetailFieldDefinition.of("Phone", DetailFieldType.text()),
                    DetailFieldDefinition.of("Tier", DetailFieldType.text())),
                List.of(DetailFieldDefinition.of("PHONE", DetailFieldType.number()))))
        .extracting(DetailFieldDefinition::name)
        .containsExactly("Tier");
  }

  @Test
  void createsWhatTheMappingNeedsOnceAndNothingOnARerun() {
    MigrationSettings s = settings("fields");
    DetailFieldsPhase phase =
        new DetailFieldsPhase(csm, new PhaseImporters(csm, s), s.mapper().mapping());
    int customerFields = s.mapper().mapping().customerFieldDefinitions().size();
    int organizationFields = s.mapper().mapping().organizationFieldDefinitions().size();

    DetailFieldsPhase.Result first = phase.run();
    assertThat(first.customerFields().counts().succeeded()).isEqualTo(customerFields);
    assertThat(first.organizationFields().counts().succeeded()).isEqualTo(organizationFields);
    assertThat(sandbox.definitions(EntityKind.CUSTOMER)).hasSize(customerFields);
    assertThat(sandbox.definitions(EntityKind.ORGANIZATION)).hasSize(organizationFields);

    DetailFieldsPhase.Result second = phase.run();
    assertThat(second.customerFields().counts().read()).isZero();
    assertThat(second.organizationFields().counts().read()).isZero();
  }

  /** A run of the phase against a sandbox that plays a site without the bulk definitions. */
  private static DetailFieldsPhase.Result withoutBulk(CsmSandbox old) {
    try (CsmClient client =
        CsmClient.builder()
            .baseUri(old.baseUri())
            .credentials(Credentials.bearer(old.token()))
            .build()) {
      MigrationSettings s = HubSpotMigration.builder(client).jobId("old").settings();
      return new DetailFieldsPhase(client, new PhaseImporters(client, s), s.mapper().mapping())
          .run();
    }
  }

  @Test
  void aSiteWithoutTheBulkEndpointGetsEachFieldByItselfAndTheReportSaysSo() {
    try (CsmSandbox old = CsmSandbox.builder().definitionsBulk(false).start()) {
      MigrationSettings s = settings("x");
      int customerFields = s.mapper().mapping().customerFieldDefinitions().size();
      int organizationFields = s.mapper().mapping().organizationFieldDefinitions().size();

      DetailFieldsPhase.Result r = withoutBulk(old);

      assertThat(r.customerFields().counts().succeeded()).isEqualTo(customerFields);
      assertThat(r.organizationFields().counts().succeeded()).isEqualTo(organizationFields);
      assertThat(r.customerFields().stopped()).isFalse();
      assertThat(old.definitions(EntityKind.CUSTOMER)).hasSize(customerFields);
      assertThat(old.definitions(EntityKind.ORGANIZATION)).hasSize(organizationFields);
      // one request a field; the bulk endpoint tried once (the organizations' is not tried again)
      assertThat(old.requestCount(Endpoint.CUSTOMER_DETAIL_FIELD_CREATE)).isEqualTo(customerFields);
      assertThat(old.requestCount(Endpoint.ORGANIZATION_DETAIL_FIELD_CREATE))
          .isEqualTo(organizationFields);
      assertThat(old.requestLog().all())
          .filteredOn(q -> q.path().endsWith("/definitions/bulk"))
          .singleElement()
          .satisfies(q -> assertThat(q.status()).isEqualTo(404));
      assertThat(r.notes())
          .containsExactly(
              "this site has no POST /api/v1/customer/details/definitions/bulk (404): "
                  + customerFields
                  + " fields sent one at a time with POST /api/v1/customer/details",
              "this site has no POST /api/v1/organization/details/definitions/bulk (404): "
                  + organizationFields
                  + " fields sent one at a time with POST /api/v1/organization/details");
      assertThat(withoutBulk(old).customerFields().counts().read()).isZero(); // a rerun: none
    }
  }

  @Test
  void whenTheSingleFieldEndpointIsMissingTooTheStopNamesBothAndWhatToDo() {
    try (CsmSandbox old = CsmSandbox.builder().definitionsBulk(false).start()) {
      old.faults().on(Endpoint.CUSTOMER_DETAIL_FIELD_CREATE).times(100, Fault.status(404));

      DetailFieldsPhase.Result r = withoutBulk(old);

      assertThat(r.customerFields().stopReason())
          .contains(
              "this site has neither POST /api/v1/customer/details/definitions/bulk nor POST"
                  + " /api/v1/customer/details (both answered 404): create the detail fields in"
                  + " CSM's settings by hand, then rerun (fields that exist are left alone)");
      assertThat(old.requestCount(Endpoint.CUSTOMER_DETAIL_FIELD_CREATE)).isEqualTo(1);
      assertThat(r.customerFields().counts().balanced()).isTrue();
      assertThat(r.customerFields().failures())
          .extracting(f -> f.stage())
          .first()
          .isEqualTo(Stage.SUBMIT);
      assertThat(r.customerFields().failures().subList(1, r.customerFields().failures().size()))
          .allSatisfy(f -> assertThat(f.stage()).isEqualTo(Stage.NOT_SUBMITTED));
    }
  }
}
