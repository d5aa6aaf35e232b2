package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-record rules: tasks run instantly on a manual clock, failures read from the task GET. */
class RecordRulesTest {
  final ManualClock clock = new ManualClock();
  final CsmSandbox sandbox =
      CsmSandbox.builder().clock(clock).runsFor(Duration.ZERO).taskLimit(100).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  /** Runs a bulk body to the end and returns its failures. */
  JsonNode run(String endpoint, String body) {
    String id = http.submit("/api/v1/" + endpoint, q(body));
    JsonNode task = http.task(id);
    assertThat(task.get("status").asText()).isEqualTo("FINISHED");
    return task.get("failures");
  }

  @BeforeEach
  void definitionsAndOneOrganization() {
    assertThat(
            run(
                "customer/details/definitions/bulk",
                "{'detailFields':[{'name':'Region','type':{'name':'SELECT','options':['EU','US']}},"
                    + "{'name':'Tags','type':{'name':'MULTISELECT','options':['a','b','c']}},{'name':'Phone','type':{'name':'PHONE'}}]}"))
        .isEmpty();
    assertThat(
            run(
                "organization/details/definitions/bulk",
                "{'detailFields':[{'name':'Tier','type':{'name':'TEXT'}}]}"))
        .isEmpty();
    assertThat(
            run(
                "organization/profile/bulk",
                "{'organizationProfiles':[{'operationType':'CREATE','payload':{'name':'Acme'}}]}"))
        .isEmpty();
  }

  @Test
  void idsAreSequentialPerTenantAndCustomerIdsAreQmStyle() {
    run("customer/bulk", "{'customers':[{'email':'a@example.com'},{'email':'b@example.com'}]}");
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::id)
        .containsExactly("10001");
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::id)
        .containsExactly("qm:default:10002", "qm:default:10003");
  }

  @Test
  void customerAccountsNeedAnUnusedValidEmail() {
    JsonNode failures =
        run(
            "customer/bulk",
            "{'customers':[{'email':'a@example.com','displayName':'A'},{'displayName':'nobody'},{'email':'bad'},{'email':'A@EXAMPLE.com'}]}");
    assertThat(failures).hasSize(3);
    assertThat(failures.get(0).get("entity").asText()).isEqualTo("CUSTOMER");
    assertThat(failures.get(0).has("entityId")).isFalse();
    assertThat(failures.get(0).get("error").asText()).contains("email is required");
    assertThat(failures.get(1).get("entityId").asText()).isEqualTo("bad");
    assertThat(failures.get(1).get("error").asText()).contains("Invalid email");
    assertThat(failures.get(2).get("entityId").asText()).isEqualTo("A@EXAMPLE.com");
    assertThat(failures.get(2).get("operation").asText()).isEqualTo("CREATE");
    assertThat(failures.get(2).get("operatedOn").asText()).isEqualTo("CUSTOMER_ACCOUNT");
    assertThat(failures.get(2).get("operatedOnIds")).isEmpty();
    assertThat(failures.get(2).get("error").asText()).contains("already exists");
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email, CustomerSnapshot::displayName)
        .containsExactly(tuple("a@example.com", "A"));
    assertThat(sandbox.creationCount("a@example.com")).isEqualTo(1);
  }

  @Test
  void profileCreateUpdateAndUpsert() {
    JsonNode failures =
        run(
            "customer/profile/bulk",
            "{'customerProfiles':["
                + "{'operationType':'CREATE','payload':{'displayName':'no email'}},"
                + "{'operationType':'CREATE','payload':{'email':'x@y'}},"
                + "{'operationType':'CREATE','payload':{'email':'jo@example.com','displayName':'Jo','details':[{'name':'Region','values':['EU']}],"
                + "'associateOrganizations':{'organizationIds':['10001']}}},"
                + "{'operationType':'CREATE','payload':{'email':'jo@example.com'}},"
                + "{'operationType':'UPDATE','payload':{'customerId':'999'}},"
                + "{'operationType':'UPDATE','payload':{'email':'ghost@example.com'}},"
                + "{'operationType':'UPSERT','payload':{'customerId':'998'}},"
                + "{'operationType':'UPSERT','payload':{'email':'new@example.com','displayName':'New'}},"
                + "{'operationType':'UPSERT','payload':{'email':'jo@example.com','displayName':'Joanna'}}"
                + "]}");
    assertThat(failures)
        .extracting(f -> f.path("entityId").asText(), f -> f.get("operation").asText())
        .containsExactly(
            tuple("", "CREATE"),
            tuple("x@y", "CREATE"),
            tuple("jo@example.com", "CREATE"),
            tuple("999", "UPDATE"),
            tuple("ghost@example.com", "UPDATE"),
            tuple("998", "UPSERT"));
    assertThat(failures.get(3).get("error").asText()).contains("not found");
    assertThat(failures.get(5).get("error").asText()).contains("email is required");
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email, CustomerSnapshot::displayName)
        .containsExactly(tuple("jo@example.com", "Joanna"), tuple("new@example.com", "New"));
    CustomerSnapshot jo = sandbox.customers().get(0);
    assertThat(jo.details()).isEqualTo(Map.of("Region", List.of("EU")));
    assertThat(jo.organizationIds()).containsExactly("10001");
    assertThat(sandbox.organizations().get(0).customerIds()).containsExactly(jo.id());

    assertThat(
            run(
                "customer/profile/bulk",
                "{'customerProfiles':[{'operationType':'UPDATE','payload':{'customerId':'"
                    + jo.id()
                    + "','email':'joanna@example.com'}}]}"))
        .isEmpty();
    assertThat(sandbox.customers().get(0).email()).isEqualTo("joanna@example.com");
  }

  @Test
  void profileDetailsAndAssociationsAreChecked() {
    JsonNode failures =
        run(
            "customer/profile/bulk",
            "{'customerProfiles':["
                + "{'operationType':'CREATE','payload':{'email':'a@example.com','details':[{'name':'Colour','values':['red']},{'name':'Size','values':['L']}]}},"
                + "{'operationType':'CREATE','payload':{'email':'b@example.com','details':[{'name':'Region','values':['Mars']}]}},"
                + "{'operationType':'CREATE','payload':{'email':'c@example.com','details':[{'name':'Region','values':['EU','US']}]}},"
                + "{'operationType':'CREATE','payload':{'email':'d@example.com','details':[{'name':'Tags','values':['a','z']}]}},"
                + "{'operationType':'CREATE','payload':{'email':'e@example.com','associateOrganizations':{'organizationIds':['10001','42']}}},"
                + "{'operationType':'CREATE','payload':{'email':'f@example.com','details':[{'name':'region','values':['US']},{'name':'Tags','values':['a','c']}]}}"
                + "]}");
    assertThat(failures).hasSize(5);
    assertThat(failures.get(0).get("operatedOn").asText()).isEqualTo("DETAIL_FIELD");
    assertThat(failures.get(0).get("operatedOnIds"))
        .extracting(JsonNode::asText)
        .containsExactly("Colour", "Size");
    assertThat(failures.get(0).get("error").asText())
        .contains("Invalid detail field")
        .contains("\"Colour\"");
    assertThat(failures.get(1).get("error").asText())
        .contains("\"Mars\" is not an option of detail field \"Region\"");
    assertThat(failures.get(2).get("error").asText()).contains("takes one value");
    assertThat(failures.get(3).get("error").asText()).contains("\"z\" is not an option");
    assertThat(failures.get(4).get("operatedOn").asText()).isEqualTo("ORGANIZATION");
    assertThat(failures.get(4).get("operatedOnIds"))
        .extracting(JsonNode::asText)
        .containsExactly("42");
    assertThat(sandbox.customers())
        .extracting(CustomerSnapshot::email)
        .containsExactly("f@example.com");
    assertThat(sandbox.customers().get(0).details())
        .containsEntry("Region", List.of("US"))
        .containsEntry("Tags", List.of("a", "c"));
  }

  @Test
  void organizationProfiles() {
    run("customer/bulk", "{'customers':[{'email':'a@example.com'}]}");
    JsonNode failures =
        run(
            "organization/profile/bulk",
            "{'organizationProfiles':["
                + "{'operationType':'CREATE','payload':{'name':'acme'}},"
                + "{'operationType':'CREATE','payload':{'id':'5'}},"
                + "{'operationType':'UPDATE','payload':{'id':'777','name':'Nope'}},"
                + "{'operationType':'UPSERT','payload':{'name':'Globex','details':[{'name':'Tier','values':['gold']}],'associateCustomers':{'customerIds':['qm:default:10002']}}},"
                + "{'operationType':'UPSERT','payload':{'name':'Initech','associateCustomers':{'customerIds':['31337']}}},"
                + "{'operationType':'UPSERT','payload':{'name':'Acme','details':[{'name':'Region','values':['EU']}]}}"
                + "]}");
    assertThat(failures)
        .extracting(f -> f.get("entity").asText(), f -> f.get("entityId").asText())
        .containsExactly(
            tuple("ORGANIZATION", "acme"),
            tuple("ORGANIZATION", "5"),
            tuple("ORGANIZATION", "777"),
            tuple("ORGANIZATION", "Initech"),
            tuple("ORGANIZATION", "Acme"));
    assertThat(failures.get(0).get("error").asText()).contains("already exists");
    assertThat(failures.get(1).get("error").asText()).contains("name is required");
    assertThat(failures.get(3).get("operatedOn").asText()).isEqualTo("CUSTOMER");
    assertThat(failures.get(4).get("error").asText()).contains("\"Region\" not defined");
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::name)
        .containsExactly("Acme", "Globex");
    OrganizationSnapshot globex = sandbox.organizations().get(1);
    assertThat(globex.details()).isEqualTo(Map.of("Tier", List.of("gold")));
    assertThat(globex.customerIds()).containsExactly("qm:default:10002");
    assertThat(sandbox.organizationCreationCount("ACME")).isEqualTo(1);
  }

  @Test
  void detailValuesPatchUpdateDelete() {
    run("customer/bulk", "{'customers':[{'email':'a@example.com'}]}");
    String id = sandbox.customers().get(0).id();
    JsonNode failures =
        run(
            "customer/details/bulk",
            "{'customers':["
                + "{'customerId':'"
                + id
                + "','operations':["
                + "{'operationType':'UPDATE','payload':{'name':'Tags','values':['a']}},"
                + "{'operationType':'PATCH','payload':{'name':'Tags','values':['b','a']}},"
                + "{'operationType':'UPDATE','payload':{'name':'Phone','values':['1']}},"
                + "{'operationType':'UPDATE','payload':{'name':'Region','values':['EU']}},"
                + "{'operationType':'PATCH','payload':{'name':'Region','values':['US']}},"
                + "{'operationType':'UPDATE','payload':{'name':'Shoe','values':['42']}}]},"
                + "{'customerId':'404','operations':[{'operationType':'PATCH','payload':{'name':'Tags','values':['a']}}]}]}");
    assertThat(failures)
        .extracting(
            f -> f.get("entityId").asText(),
            f -> f.get("operation").asText(),
            f -> f.get("operatedOn").asText())
        .containsExactly(
            tuple(id, "PATCH", "DETAIL_FIELD"),
            tuple(id, "UPDATE", "DETAIL_FIELD"),
            tuple("404", "PATCH", "CUSTOMER_ACCOUNT"));
    assertThat(failures.get(1).get("operatedOnIds"))
        .extracting(JsonNode::asText)
        .containsExactly("Shoe");
    assertThat(sandbox.customers().get(0).details())
        .containsExactly(
            Map.entry("Tags", List.of("a", "b")),
            Map.entry("Phone", List.of("1")),
            Map.entry("Region", List.of("EU")));

    assertThat(
            run(
                "customer/details/bulk",
                "{'customers':[{'customerId':'"
                    + id
                    + "','operations':["
                    + "{'operationType':'UPDATE','payload':{'name':'Tags','values':['c']}},"
                    + "{'operationType':'DELETE','payload':{'name':'Phone','values':[]}}]}]}"))
        .isEmpty();
    assertThat(sandbox.customers().get(0).details())
        .containsExactly(Map.entry("Tags", List.of("c")), Map.entry("Region", List.of("EU")));

    JsonNode orgFailures =
        run(
            "organization/details/bulk",
            "{'organizations':["
                + "{'organizationId':'10001','operations':[{'operationType':'PATCH','payload':{'name':'Tier','values':['gold']}}]},"
                + "{'organizationId':'555','operations':[{'operationType':'PATCH','payload':{'name':'Tier','values':['gold']}}]}]}");
    assertThat(orgFailures)
        .extracting(f -> f.get("entity").asText(), f -> f.get("entityId").asText())
        .containsExactly(tuple("ORGANIZATION", "555"));
    assertThat(sandbox.organizations().get(0).details()).isEqualTo(Map.of("Tier", List.of("gold")));
  }

  @Test
  void definitionsRefuseDuplicateNamesAndSelectWithoutOptions() {
    JsonNode failures =
        run(
            "customer/details/definitions/bulk",
            "{'detailFields':["
                + "{'name':' region ','type':{'name':'TEXT'}},"
                + "{'name':'Plan','type':{'name':'TEXT'}},"
                + "{'name':'PLAN','type':{'name':'TEXT'}},"
                + "{'name':'Colour','type':{'name':'SELECT'}}]}");
    assertThat(failures)
        .extracting(f -> f.get("entity").asText(), f -> f.get("entityId").asText())
        .containsExactly(
            tuple("DETAIL_FIELD", "region"),
            tuple("DETAIL_FIELD", "PLAN"),
            tuple("DETAIL_FIELD", "Colour"));
    assertThat(failures.get(0).get("error").asText()).contains("already in use");
    assertThat(failures.get(2).get("error").asText()).contains("needs at least one option");
    assertThat(sandbox.definitions(EntityKind.CUSTOMER))
        .extracting(DefinitionSnapshot::name, DefinitionSnapshot::position)
        .containsExactly(tuple("Region", 1), tuple("Tags", 2), tuple("Phone", 3), tuple("Plan", 4));
    assertThat(sandbox.definitions(EntityKind.ORGANIZATION))
        .extracting(DefinitionSnapshot::name)
        .containsExactly("Tier");
  }

  @Test
  void readEndpoints() {
    var defs = http.get("/api/v1/customer/details").json().get("results");
    assertThat(defs).hasSize(3);
    assertThat(defs.get(0).toString())
        .isEqualTo(
            q(
                "{'name':'Region','type':{'name':'SELECT','options':['EU','US']},'configuration':{'position':1}}"));
    assertThat(
            http.get("/api/v1/organization/details")
                .json()
                .get("results")
                .get(0)
                .get("name")
                .asText())
        .isEqualTo("Tier");

    run(
        "organization/profile/bulk",
        "{'organizationProfiles':[{'operationType':'CREATE','payload':{'name':'Globex'}}]}");
    var orgs =
        http.post(
            "/api/v1/organization/fetch",
            q("{'ids':['10002','999'],'names':['acme','Globex','None']}"),
            null);
    assertThat(orgs.status).isEqualTo(200);
    assertThat(orgs.json().get("results").toString())
        .isEqualTo(q("[{'id':'10002','name':'Globex'},{'id':'10001','name':'Acme'}]"));

    run(
        "customer/profile/bulk",
        "{'customerProfiles':[{'operationType':'CREATE','payload':{'email':'jo@example.com','displayName':'Jo',"
            + "'details':[{'name':'Tags','values':['a','b']}],'associateOrganizations':{'organizationIds':['10001']}}},"
            + "{'operationType':'CREATE','payload':{'email':'al@example.com'}}]}");
    var customers =
        http.post(
            "/api/v1/customer/profile/fetch",
            q("{'customerIds':['qm:default:10004','1'],'emails':['JO@example.com']}"),
            null);
    assertThat(customers.json().get("results").toString())
        .isEqualTo(
            q(
                "[{'id':'qm:default:10004','email':'al@example.com','details':[],'organizations':[]},"
                    + "{'id':'qm:default:10003','email':'jo@example.com','displayName':'Jo','details':[{'name':'Tags','values':['a','b']}],"
                    + "'organizations':[{'id':'10001','name':'Acme'}]}]"));
  }
}
