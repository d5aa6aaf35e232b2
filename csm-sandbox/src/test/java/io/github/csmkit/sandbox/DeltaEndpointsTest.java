package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a delta run sends, over raw HTTP: updates by CSM id (renames, email changes, new
 * memberships), detail-value DELETE and PATCH, and fetching profiles back by id.
 */
class DeltaEndpointsTest {
  final CsmSandbox sandbox =
      CsmSandbox.builder().clock(new ManualClock()).runsFor(Duration.ZERO).taskLimit(100).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  JsonNode run(String endpoint, String body) {
    JsonNode task = http.task(http.submit("/api/v1/" + endpoint, q(body)));
    assertThat(task.get("status").asText()).isEqualTo("FINISHED");
    return task.get("failures");
  }

  @BeforeEach
  void oneOrganizationAndOneCustomer() {
    run(
        "organization/details/definitions/bulk",
        "{'detailFields':[{'name':'Tier','type':{'name':'TEXT'}},{'name':'Seats','type':{'name':'NUMBER'}}]}");
    run(
        "customer/details/definitions/bulk",
        "{'detailFields':[{'name':'Phone','type':{'name':'PHONE'}},{'name':'Stage','type':{'name':'TEXT'}}]}");
    assertThat(
            run(
                "organization/profile/bulk",
                "{'organizationProfiles':[{'operationType':'CREATE','payload':{'name':'Acme','details':[{'name':'Tier','values':['gold']}]}},"
                    + "{'operationType':'CREATE','payload':{'name':'Globex'}}]}"))
        .isEmpty();
    assertThat(
            run(
                "customer/profile/bulk",
                "{'customerProfiles':[{'operationType':'CREATE','payload':{'email':'jo@example.com','displayName':'Jo',"
                    + "'details':[{'name':'Phone','values':['1']},{'name':'Stage','values':['lead']}],"
                    + "'associateOrganizations':{'organizationIds':['10001']}}}]}"))
        .isEmpty();
  }

  @Test
  void anOrganizationIsRenamedByIdNotDuplicated() {
    assertThat(
            run(
                "organization/profile/bulk",
                "{'organizationProfiles':[{'operationType':'UPDATE','payload':{'id':'10001','name':'Acme Corporation'}}]}"))
        .isEmpty();
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::id, OrganizationSnapshot::name)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("10001", "Acme Corporation"),
            org.assertj.core.api.Assertions.tuple("10002", "Globex"));
    assertThat(sandbox.organizations().get(0).details()).isEqualTo(Map.of("Tier", List.of("gold")));
    assertThat(sandbox.organizationCreationCount("Acme Corporation")).isZero();
    // the old name is free again, the new one is taken
    var byName =
        http.post("/api/v1/organization/fetch", q("{'names':['Acme','acme corporation']}"), null);
    assertThat(byName.json().get("results").toString())
        .isEqualTo(q("[{'id':'10001','name':'Acme Corporation'}]"));

    JsonNode clash =
        run(
            "organization/profile/bulk",
            "{'organizationProfiles':[{'operationType':'UPDATE','payload':{'id':'10002','name':'ACME corporation'}}]}");
    assertThat(clash).hasSize(1);
    assertThat(clash.get(0).get("entityId").asText()).isEqualTo("10002");
    assertThat(clash.get(0).get("error").asText()).contains("already exists");
    assertThat(sandbox.organizations().get(1).name()).isEqualTo("Globex");
  }

  @Test
  void aCustomerIsUpdatedByIdEmailDetailsAndANewMembership() {
    String id = sandbox.customers().get(0).id();
    assertThat(
            run(
                "customer/profile/bulk",
                "{'customerProfiles':[{'operationType':'UPDATE','payload':{'customerId':'"
                    + id
                    + "','email':'joanna@example.com','details':[{'name':'Stage','values':['customer']}],"
                    + "'associateOrganizations':{'organizationIds':['10002']}}}]}"))
        .isEmpty();
    CustomerSnapshot jo = sandbox.customers().get(0);
    assertThat(sandbox.customers()).hasSize(1);
    assertThat(jo.email()).isEqualTo("joanna@example.com");
    assertThat(jo.displayName()).as("absent fields are left alone").isEqualTo("Jo");
    assertThat(jo.details())
        .as("a profile update sets the details it names and leaves the others")
        .isEqualTo(Map.of("Phone", List.of("1"), "Stage", List.of("customer")));
    assertThat(jo.organizationIds()).containsExactlyInAnyOrder("10001", "10002");
    assertThat(sandbox.creationCount("joanna@example.com")).isZero();
  }

  @Test
  void aClearedValueIsDeletedWithoutValuesAndPatchAdds() {
    String id = sandbox.customers().get(0).id();
    assertThat(
            run(
                "customer/details/bulk",
                "{'customers':[{'customerId':'"
                    + id
                    + "','operations':[{'operationType':'DELETE','payload':{'name':'Phone'}},"
                    + "{'operationType':'PATCH','payload':{'name':'Stage','values':['customer']}}]}]}"))
        .isEmpty();
    assertThat(sandbox.customers().get(0).details())
        .isEqualTo(Map.of("Stage", List.of("lead", "customer")));
    assertThat(
            run(
                "organization/details/bulk",
                "{'organizations':[{'organizationId':'10001','operations':[{'operationType':'DELETE','payload':{'name':'Tier','values':['gold']}},"
                    + "{'operationType':'UPDATE','payload':{'name':'Seats','values':['12']}}]}]}"))
        .isEmpty();
    assertThat(sandbox.organizations().get(0).details()).isEqualTo(Map.of("Seats", List.of("12")));
    JsonNode undefined =
        run(
            "organization/details/bulk",
            "{'organizations':[{'organizationId':'10001','operations':[{'operationType':'DELETE','payload':{'name':'Colour'}}]}]}");
    assertThat(undefined.get(0).get("error").asText()).contains("\"Colour\" not defined");
  }

  @Test
  void organizationProfilesAreFetchedByIdOrNameWithTheirDetails() {
    var r =
        http.post(
            "/api/v1/organization/profile/fetch",
            q("{'organizationIds':['10002','404'],'names':['ACME','Globex','Nobody']}"),
            null);
    assertThat(r.status).isEqualTo(200);
    assertThat(r.json().get("results").toString())
        .isEqualTo(
            q(
                "[{'id':'10002','name':'Globex','details':[]},"
                    + "{'id':'10001','name':'Acme','details':[{'name':'Tier','values':['gold']}]}]"));
  }

  @Test
  void anOrganizationProfileFetchIsCheckedStrictly() {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      ids.append(i == 0 ? "" : ",").append("\"").append(i).append("\"");
    }
    var tooMany =
        http.post(
            "/api/v1/organization/profile/fetch", "{\"organizationIds\":[" + ids + "]}", null);
    assertThat(tooMany.status).isEqualTo(400);
    assertThat(tooMany.json().get("message").asText()).contains("at most 25");
    var wrongKey = http.post("/api/v1/organization/profile/fetch", q("{'ids':['10001']}"), null);
    assertThat(wrongKey.status).isEqualTo(400);
    assertThat(wrongKey.json().get("message").asText())
        .contains("Unknown key \"ids\": expected \"organizationIds\" or \"names\"");
    assertThat(http.get("/api/v1/organization/profile/fetch").status).isEqualTo(405);
  }
}
