package io.github.csmkit.client;

import static io.github.csmkit.client.ClientTestSupport.TOKEN;
import static io.github.csmkit.client.ClientTestSupport.body;
import static io.github.csmkit.client.ClientTestSupport.call;
import static io.github.csmkit.client.ClientTestSupport.json;
import static io.github.csmkit.client.ClientTestSupport.submitted;
import static io.github.csmkit.client.ClientTestSupport.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.client.model.IdempotencyKey;
import io.github.csmkit.client.model.OrganizationDetailBatch;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.client.model.OrganizationRef;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint: the path, every header and the exact body sent; the answer read. Sync and async.
 */
class EndpointWireTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private CsmClient csm;

  @BeforeEach
  void setUp() {
    csm = ClientTestSupport.client(server, time).userAgentSuffix("wire-test/1").build();
  }

  @AfterEach
  void tearDown() {
    csm.close();
  }

  private static final CustomerProfileBatch JOHN_AND_JANE =
      CustomerProfileBatch.builder()
          .addOperations(
              CustomerProfileOperation.create(
                  CustomerProfile.builder()
                      .email("john.doe@example.com")
                      .displayName("John Doe")
                      .addDetails(
                          Detail.of("Phone", "+1-555-0123"),
                          Detail.of("Company", "Acme Corporation"))
                      .addAssociateOrganizations("1", "4")
                      .build()),
              CustomerProfileOperation.create(
                  CustomerProfile.builder()
                      .email("jane.smith@example.com")
                      .displayName("Jane Smith")
                      .addDetails(
                          Detail.of("Phone", "+1-555-0124"),
                          Detail.of("Company", "Tech Innovators"))
                      .addAssociateOrganizations("2")
                      .build()))
          .build();

  private void assertBulkHeaders(RecordedRequest r, String path) {
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo(path);
    assertCommonHeaders(r);
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Idempotency-Key"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  private void assertCommonHeaders(RecordedRequest r) {
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("X-ExperimentalApi")).isEqualTo("opt-in");
    assertThat(r.getHeaders().get("User-Agent")).matches("csmkit/[^ ]+ Java/[^ ]+ wire-test/1");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void customerProfilesSendsTheReferenceShape(boolean async) throws Exception {
    server.enqueue(submitted("3858a61a-d337-42e6-993e-e13e1c366d4f"));

    SubmittedTask task =
        call(
            async,
            () -> csm.customerProfiles().submit(JOHN_AND_JANE),
            () -> csm.customerProfiles().submitAsync(JOHN_AND_JANE));

    RecordedRequest r = server.takeRequest();
    assertBulkHeaders(r, "/api/v1/customer/profile/bulk");
    assertThat(r.getBody().utf8())
        .isEqualTo(
            "{\"customerProfiles\":["
                + "{\"operationType\":\"CREATE\",\"payload\":{\"email\":\"john.doe@example.com\",\"displayName\":\"John Doe\","
                + "\"details\":[{\"name\":\"Phone\",\"values\":[\"+1-555-0123\"]},{\"name\":\"Company\",\"values\":[\"Acme Corporation\"]}],"
                + "\"associateOrganizations\":{\"organizationIds\":[\"1\",\"4\"]}}},"
                + "{\"operationType\":\"CREATE\",\"payload\":{\"email\":\"jane.smith@example.com\",\"displayName\":\"Jane Smith\","
                + "\"details\":[{\"name\":\"Phone\",\"values\":[\"+1-555-0124\"]},{\"name\":\"Company\",\"values\":[\"Tech Innovators\"]}],"
                + "\"associateOrganizations\":{\"organizationIds\":[\"2\"]}}}]}");
    assertThat(task.id()).isEqualTo("3858a61a-d337-42e6-993e-e13e1c366d4f");
    assertThat(task.statusUrl()).contains("/api/v1/tasks/3858a61a-d337-42e6-993e-e13e1c366d4f");
    assertThat(task.idempotencyKey().value()).isEqualTo(r.getHeaders().get("Idempotency-Key"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void organizationProfilesSendsTheReferenceShape(boolean async) throws Exception {
    server.enqueue(submitted("t-org"));
    OrganizationProfileBatch batch =
        OrganizationProfileBatch.builder()
            .addOperations(
                OrganizationProfileOperation.create(
                    OrganizationProfile.builder()
                        .name("Acme Corporation")
                        .addDetails(
                            Detail.of("Industry", "Manufacturing"),
                            Detail.of("Website", "https://acme.example.com"),
                            Detail.of("Employee Count", "500"))
                        .build()),
                OrganizationProfileOperation.upsert(
                    OrganizationProfile.builder()
                        .name("Tech Innovators")
                        .addAssociateCustomers("qm:1:2")
                        .build()))
            .build();

    call(
        async,
        () -> csm.organizationProfiles().submit(batch),
        () -> csm.organizationProfiles().submitAsync(batch));

    RecordedRequest r = server.takeRequest();
    assertBulkHeaders(r, "/api/v1/organization/profile/bulk");
    assertThat(body(r))
        .isEqualTo(
            tree(
                """
        {"organizationProfiles":[
          {"operationType":"CREATE","payload":{"name":"Acme Corporation","details":[
            {"name":"Industry","values":["Manufacturing"]},
            {"name":"Website","values":["https://acme.example.com"]},
            {"name":"Employee Count","values":["500"]}]}},
          {"operationType":"UPSERT","payload":{"name":"Tech Innovators",
            "associateCustomers":{"customerIds":["qm:1:2"]}}}]}"""));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void customerAccountsSendsTheGuideShape(boolean async) throws Exception {
    server.enqueue(
        json(
            200,
            "{\"taskId\":\"t-acc\",\"statusUrl\":\"https://example.invalid/api/v1/tasks/t-acc\"}"));
    CustomerAccountBatch batch =
        CustomerAccountBatch.of(
            List.of(
                CustomerAccount.of("alice.johnson@example.com", "Alice Johnson"),
                CustomerAccount.of("bob.wilson@example.com", "Bob Wilson"),
                CustomerAccount.of("carol.brown@example.com")));

    SubmittedTask task =
        call(
            async,
            () -> csm.customerAccounts().submit(batch),
            () -> csm.customerAccounts().submitAsync(batch));

    RecordedRequest r = server.takeRequest();
    assertBulkHeaders(r, "/api/v1/customer/bulk");
    assertThat(body(r))
        .isEqualTo(
            tree(
                """
        {"customers":[
          {"email":"alice.johnson@example.com","displayName":"Alice Johnson"},
          {"email":"bob.wilson@example.com","displayName":"Bob Wilson"},
          {"email":"carol.brown@example.com"}]}"""));
    assertThat(task.id()).isEqualTo("t-acc");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void customerAndOrganizationDetails(boolean async) throws Exception {
    server.enqueue(submitted("t-cd"));
    server.enqueue(submitted("t-od"));
    CustomerDetailBatch customers =
        CustomerDetailBatch.of(
            List.of(
                DetailUpdate.of(
                    "customer-123",
                    DetailOperation.update("Support Tier", "Premium"),
                    DetailOperation.update("Health Score", "95")),
                DetailUpdate.of(
                    "customer-456",
                    DetailOperation.patch("Support Tier", "Standard"),
                    DetailOperation.delete("Health Score"))));
    OrganizationDetailBatch orgs =
        OrganizationDetailBatch.of(
            List.of(DetailUpdate.of("10001", DetailOperation.update("Region", "EMEA"))));

    call(
        async,
        () -> csm.customerDetails().submit(customers),
        () -> csm.customerDetails().submitAsync(customers));
    call(
        async,
        () -> csm.organizationDetails().submit(orgs),
        () -> csm.organizationDetails().submitAsync(orgs));

    RecordedRequest c = server.takeRequest();
    assertBulkHeaders(c, "/api/v1/customer/details/bulk");
    assertThat(body(c))
        .isEqualTo(
            tree(
                """
        {"customers":[
          {"customerId":"customer-123","operations":[
            {"operationType":"UPDATE","payload":{"name":"Support Tier","values":["Premium"]}},
            {"operationType":"UPDATE","payload":{"name":"Health Score","values":["95"]}}]},
          {"customerId":"customer-456","operations":[
            {"operationType":"PATCH","payload":{"name":"Support Tier","values":["Standard"]}},
            {"operationType":"DELETE","payload":{"name":"Health Score","values":[]}}]}]}"""));
    RecordedRequest o = server.takeRequest();
    assertBulkHeaders(o, "/api/v1/organization/details/bulk");
    assertThat(body(o))
        .isEqualTo(
            tree(
                """
        {"organizations":[{"organizationId":"10001","operations":[
          {"operationType":"UPDATE","payload":{"name":"Region","values":["EMEA"]}}]}]}"""));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void detailFieldDefinitionsCreateAndList(boolean async) throws Exception {
    server.enqueue(submitted("t-def"));
    server.enqueue(
        json(
            200,
            """
        {"results":[{"name":"Region","type":{"name":"SELECT","options":["AU","EU","US"]},"configuration":{"position":1}},
                    {"name":"Phone","type":{"name":"PHONE"}}]}"""));
    DetailFieldBatch batch =
        DetailFieldBatch.of(
            List.of(
                DetailFieldDefinition.of("Region", DetailFieldType.select("AMER", "EMEA", "APAC")),
                DetailFieldDefinition.of("lifecycle", DetailFieldType.text())));

    call(
        async,
        () -> csm.organizationDetailFields().submit(batch),
        () -> csm.organizationDetailFields().submitAsync(batch));
    List<DetailFieldDefinition> listed =
        call(
            async,
            () -> csm.customerDetailFields().list(),
            () -> csm.customerDetailFields().listAsync());

    RecordedRequest create = server.takeRequest();
    assertBulkHeaders(create, "/api/v1/organization/details/definitions/bulk");
    assertThat(body(create))
        .isEqualTo(
            tree(
                """
        {"detailFields":[{"name":"Region","type":{"name":"SELECT","options":["AMER","EMEA","APAC"]}},
                         {"name":"lifecycle","type":{"name":"TEXT"}}]}"""));
    RecordedRequest list = server.takeRequest();
    assertThat(list.getMethod()).isEqualTo("GET");
    assertThat(list.getUrl().encodedPath()).isEqualTo("/api/v1/customer/details");
    assertCommonHeaders(list);
    assertThat(list.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(list.getHeaders().get("Content-Type")).isNull();
    assertThat(listed)
        .containsExactly(
            DetailFieldDefinition.of("Region", DetailFieldType.select("AU", "EU", "US")),
            DetailFieldDefinition.of("Phone", DetailFieldType.phone()));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aSingleDetailFieldIsCreatedWithItsOwnEndpoint(boolean async) throws Exception {
    server.enqueue(
        json(
            201,
            "{\"name\":\"Region\",\"type\":{\"name\":\"SELECT\",\"options\":[\"AU\",\"EU\"]}}"));
    server.enqueue(json(200, ""));
    DetailFieldDefinition region =
        DetailFieldDefinition.of("Region", DetailFieldType.select("AU", "EU"));
    DetailFieldDefinition tier = DetailFieldDefinition.of("Tier", DetailFieldType.text());

    DetailFieldDefinition created =
        call(
            async,
            () -> csm.customerDetailFields().create(region),
            () -> csm.customerDetailFields().createAsync(region));
    DetailFieldDefinition silent =
        call(
            async,
            () -> csm.organizationDetailFields().create(tier),
            () -> csm.organizationDetailFields().createAsync(tier));

    RecordedRequest first = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/customer/details");
    assertCommonHeaders(first);
    assertThat(first.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(first.getHeaders().get("Idempotency-Key")).isNull(); // not a bulk endpoint
    assertThat(first.getBody().utf8())
        .isEqualTo(
            "{\"name\":\"Region\",\"type\":{\"name\":\"SELECT\",\"options\":[\"AU\",\"EU\"]}}");
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().encodedPath()).isEqualTo("/api/v1/organization/details");
    assertThat(second.getBody().utf8())
        .isEqualTo("{\"name\":\"Tier\",\"type\":{\"name\":\"TEXT\"}}");
    assertThat(created).isEqualTo(region);
    assertThat(silent).isEqualTo(tier); // an empty answer: the field as sent
    assertThat(csm.customerDetailFields().singlePath()).isEqualTo("/api/v1/customer/details");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void organizationFetchByNamesSplitsIntoChunksOf50(boolean async) throws Exception {
    List<String> names = IntStream.range(0, 60).mapToObj(i -> "Org " + i).toList();
    server.enqueue(json(200, "{\"results\":[{\"id\":\"10001\",\"name\":\"Org 0\"}]}"));
    server.enqueue(json(200, "{\"results\":[{\"id\":\"10060\",\"name\":\"Org 59\"}]}"));

    List<OrganizationRef> found =
        call(
            async,
            () -> csm.organizationProfiles().fetchByNames(names),
            () -> csm.organizationProfiles().fetchByNamesAsync(names));

    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/organization/fetch");
    assertCommonHeaders(first);
    assertThat(first.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(first.getHeaders().get("Idempotency-Key")).isNull();
    assertThat(body(first).get("names")).hasSize(50);
    assertThat(body(first).has("ids")).isFalse();
    assertThat(body(server.takeRequest()).get("names")).hasSize(10);
    assertThat(found)
        .containsExactly(
            OrganizationRef.of("10001", "Org 0"), OrganizationRef.of("10060", "Org 59"));
  }

  @Test
  void idsByNameMapsNamesToIds() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"results\":[{\"id\":\"2\",\"name\":\"Tech Innovators\"},{\"id\":\"1\",\"name\":\"Acme Corporation\"}]}"));
    Map<String, String> ids =
        csm.organizationProfiles()
            .idsByName(List.of("Acme Corporation", "Tech Innovators", "Nobody"));
    assertThat(ids)
        .containsOnly(Map.entry("Tech Innovators", "2"), Map.entry("Acme Corporation", "1"));
    assertThat(body(server.takeRequest()))
        .isEqualTo(tree("{\"names\":[\"Acme Corporation\",\"Tech Innovators\",\"Nobody\"]}"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void customerProfileFetchByEmailsAndIds(boolean async) throws Exception {
    List<String> emails = IntStream.range(0, 30).mapToObj(i -> "c" + i + "@example.com").toList();
    server.enqueue(
        json(
            200,
            """
        {"results":[{"id":"qm:a:b","email":"c0@example.com","displayName":"C Zero",
          "details":[{"name":"Phone","values":["1"]}],"organizations":[{"id":"1","name":"Acme"}]}]}"""));
    server.enqueue(json(200, "{\"results\":[]}"));
    server.enqueue(
        json(200, "{\"results\":[{\"customerId\":\"qm:x:y\",\"organizations\":[\"7\"]}]}"));

    List<CustomerRecord> byEmail =
        call(
            async,
            () -> csm.customerProfiles().fetchByEmails(emails),
            () -> csm.customerProfiles().fetchByEmailsAsync(emails));
    List<CustomerRecord> byId =
        call(
            async,
            () -> csm.customerProfiles().fetchByIds(List.of("qm:x:y")),
            () -> csm.customerProfiles().fetchByIdsAsync(List.of("qm:x:y")));

    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/customer/profile/fetch");
    assertThat(body(first).get("emails")).hasSize(25);
    assertThat(body(server.takeRequest()).get("emails")).hasSize(5);
    assertThat(body(server.takeRequest())).isEqualTo(tree("{\"customerIds\":[\"qm:x:y\"]}"));
    assertThat(byEmail)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("qm:a:b");
              assertThat(c.email()).contains("c0@example.com");
              assertThat(c.detail("Phone")).containsExactly("1");
              assertThat(c.organizations()).containsExactly(OrganizationRef.of("1", "Acme"));
            });
    assertThat(byId)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("qm:x:y");
              assertThat(c.organizations()).containsExactly(OrganizationRef.of("7", null));
            });
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void taskGetReadsTheReferenceShape(boolean async) throws Exception {
    server.enqueue(
        json(
            200,
            """
        { "id": "3858a61a-d337-42e6-993e-e13e1c366d4f",
          "type": "BULK_CUSTOMER_PROFILE_CREATE_UPDATE",
          "status": "IN_PROGRESS",
          "failures": [ { "entity": "CUSTOMER",
                          "entityId": "qm:9edf598a-85d4-4db9-bf2e-7245922b4ea8:0000e9d8-a22e-4220-ac63-412ff9eec053",
                          "operation": "CREATE",
                          "operatedOn": "CUSTOMER_ACCOUNT",
                          "operatedOnIds": ["Region"],
                          "error": "Invalid detail field" } ],
          "createdAt": "2025-01-15T11:12:13Z",
          "updatedAt": "2025-01-15T11:12:13Z" }"""));

    TaskStatus status =
        call(
            async,
            () -> csm.tasks().get("3858a61a-d337-42e6-993e-e13e1c366d4f"),
            () -> csm.tasks().getAsync("3858a61a-d337-42e6-993e-e13e1c366d4f"));

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath())
        .isEqualTo("/api/v1/tasks/3858a61a-d337-42e6-993e-e13e1c366d4f");
    assertCommonHeaders(r);
    assertThat(status.state()).isEqualTo(TaskState.IN_PROGRESS);
    assertThat(status.isTerminal()).isFalse();
    assertThat(status.type()).contains("BULK_CUSTOMER_PROFILE_CREATE_UPDATE");
    assertThat(status.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.entityId())
                  .contains(
                      "qm:9edf598a-85d4-4db9-bf2e-7245922b4ea8:0000e9d8-a22e-4220-ac63-412ff9eec053");
              assertThat(f.operatedOnIds()).containsExactly("Region");
              assertThat(f.message()).isEqualTo("Invalid detail field");
              assertThat(f.index()).isEmpty();
            });
  }

  @Test
  void callerKeyIsSentAsGiven() throws Exception {
    server.enqueue(submitted("t1"));
    SubmittedTask task =
        csm.customerProfiles()
            .submit(JOHN_AND_JANE, IdempotencyKey.of("hubspot-2026-11:batch-0001"));
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo("hubspot-2026-11:batch-0001");
    assertThat(task.idempotencyKey().value()).isEqualTo("hubspot-2026-11:batch-0001");
  }

  @Test
  void everySubmitGetsAFreshKey() throws Exception {
    server.enqueue(submitted("t1"));
    server.enqueue(submitted("t2"));
    csm.customerProfiles().submit(JOHN_AND_JANE);
    csm.customerProfiles().submit(JOHN_AND_JANE);
    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isNotEqualTo(server.takeRequest().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void aBasePathPrefixIsKept() throws Exception {
    try (CsmClient prefixed =
        ClientTestSupport.client(server, time)
            .baseUri(server.url("/jsm/csm/cloudid/a436116f-1234/").uri())
            .build()) {
      server.enqueue(submitted("t1"));
      prefixed.customerProfiles().submit(JOHN_AND_JANE);
      assertThat(server.takeRequest().getUrl().encodedPath())
          .isEqualTo("/jsm/csm/cloudid/a436116f-1234/api/v1/customer/profile/bulk");
    }
  }

  @Test
  void basicCredentialsAreBase64OfEmailAndToken() throws Exception {
    try (CsmClient basic =
        ClientTestSupport.client(server, time)
            .credentials(Credentials.basic("admin@example.com", "api-token"))
            .build()) {
      server.enqueue(json(200, "{\"results\":[]}"));
      basic.customerDetailFields().list();
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Basic YWRtaW5AZXhhbXBsZS5jb206YXBpLXRva2Vu");
    }
  }

  @Test
  void cloudIdBuildsTheAtlassianBase() {
    try (CsmClient cloud =
        CsmClient.builder()
            .cloudId("a436116f-0000-4000-8000-000000000000")
            .credentials(Credentials.bearer("t"))
            .build()) {
      assertThat(cloud.baseUri())
          .hasToString(
              "https://api.atlassian.com/jsm/csm/cloudid/a436116f-0000-4000-8000-000000000000");
    }
  }

  @Test
  void requestBodyIsWhatSubmitSends() throws Exception {
    server.enqueue(submitted("t1"));
    csm.customerProfiles().submit(JOHN_AND_JANE);
    assertThat(server.takeRequest().getBody().toByteArray())
        .isEqualTo(csm.customerProfiles().requestBody(JOHN_AND_JANE));
    assertThat(csm.customerProfiles().path()).isEqualTo("/api/v1/customer/profile/bulk");
  }
}
