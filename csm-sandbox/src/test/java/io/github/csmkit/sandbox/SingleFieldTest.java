package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The single-field create, and a sandbox that plays a site without the bulk definitions. */
class SingleFieldTest {
  private static final String REGION =
      q("{'name':'Region','type':{'name':'SELECT','options':['AU','EU']}}");

  @Test
  void aFieldIsCreatedAtOnceAndANameInUseIs400() {
    try (CsmSandbox sandbox = CsmSandbox.builder().clock(new ManualClock()).start()) {
      Http http = new Http(sandbox);
      var created = http.post("/api/v1/organization/details", REGION);
      assertThat(created.status).isEqualTo(201);
      assertThat(created.body).isEqualTo(REGION);
      assertThat(sandbox.definitions(EntityKind.ORGANIZATION))
          .singleElement()
          .satisfies(d -> assertThat(d.options()).containsExactly("AU", "EU"));
      assertThat(sandbox.tasks()).isEmpty();

      var again =
          http.post(
              "/api/v1/organization/details", q("{'name':' region ','type':{'name':'TEXT'}}"));
      assertThat(again.status).isEqualTo(400);
      assertThat(again.message()).contains("already in use");
      assertThat(
              http.post("/api/v1/customer/details", q("{'name':'','type':{'name':'TEXT'}}")).status)
          .isEqualTo(400);
      // the same path still lists
      assertThat(http.get("/api/v1/organization/details").body).contains("\"Region\"");
      assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_DETAIL_FIELD_CREATE)).isEqualTo(2);
      assertThat(sandbox.requestCount(Endpoint.ORGANIZATION_DETAIL_FIELDS)).isEqualTo(1);
    }
  }

  @Test
  void withoutTheBulkDefinitionsTheyAre404AndTheSingleCreateStillWorks() {
    try (CsmSandbox sandbox =
        CsmSandbox.builder().clock(new ManualClock()).definitionsBulk(false).start()) {
      Http http = new Http(sandbox);
      var bulk =
          http.post(
              "/api/v1/customer/details/definitions/bulk", q("{'detailFields':[" + REGION + "]}"));
      assertThat(bulk.status).isEqualTo(404);
      assertThat(
              http.post("/api/v1/organization/details/definitions/bulk", q("{'detailFields':[]}"))
                  .status)
          .isEqualTo(404);
      assertThat(http.post("/api/v1/customer/details", REGION).status).isEqualTo(201);
      assertThat(sandbox.definitions(EntityKind.CUSTOMER)).hasSize(1);
    }
  }
}
