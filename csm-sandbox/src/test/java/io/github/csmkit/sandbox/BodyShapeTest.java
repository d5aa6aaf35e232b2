package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyShapeTest {
  static final CsmSandbox SANDBOX = CsmSandbox.builder().taskLimit(1000).start();
  static final Http HTTP = new Http(SANDBOX);

  @AfterAll
  static void close() {
    SANDBOX.close();
  }

  static String items(String key, int n, String item) {
    return "{\""
        + key
        + "\":["
        + IntStream.range(0, n)
            .mapToObj(i -> q(item.replace("#", Integer.toString(i))))
            .collect(Collectors.joining(","))
        + "]}";
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      customer/profile/bulk | {'customers':[{'email':'a@example.com'}]} | Unknown top-level key "customers": expected "customerProfiles"
      customer/profile/bulk | {} | Missing top-level key: expected "customerProfiles"
      customer/profile/bulk | {'customerProfiles':[]} | "customerProfiles" must not be empty
      customer/profile/bulk | {'customerProfiles':{}} | "customerProfiles" must be an array
      customer/profile/bulk | {'customerProfiles':null} | customerProfiles must not be null
      customer/profile/bulk | [] | must be a JSON object
      customer/profile/bulk | {'customerProfiles':[{'operationType':'DELETE','payload':{}}]} | customerProfiles[0].operationType is "DELETE"
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE'}]} | customerProfiles[0]: missing "payload"
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com','phone':'1'}}]} | customerProfiles[0].payload: unknown field "phone"
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':null}}]} | customerProfiles[0].payload.email must not be null
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':5}}]} | customerProfiles[0].payload.email must be a string
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com','details':[{'name':'R','values':'x'}]}}]} | payload.details[0].values must be an array
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com','details':[{'name':'R','values':[1]}]}}]} | payload.details[0].values[0] must be a string
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com','associateOrganizations':['1']}}]} | associateOrganizations must be an object
      customer/profile/bulk | {'customerProfiles':[{'operationType':'CREATE','payload':{'email':'a@example.com','associateOrganizations':{'organizationIds':[1]}}}]} | organizationIds[0] must be a string
      customer/profile/bulk | {'customerProfiles': | Malformed JSON
      customer/profile/bulk | {'customerProfiles':[]} {} | Malformed JSON
      organization/profile/bulk | {'organizationProfiles':[{'operationType':'CREATE','payload':{'name':'A','email':'x'}}]} | organizationProfiles[0].payload: unknown field "email"
      organization/profile/bulk | {'customerProfiles':[]} | expected "organizationProfiles"
      customer/bulk | {'customers':[{'operationType':'CREATE','payload':{}}]} | customers[0]: unknown field "operationType"
      customer/details/bulk | {'customers':[{'customerId':'1','operations':[]}]} | customers[0].operations must not be empty
      customer/details/bulk | {'customers':[{'customerId':1,'operations':[{'operationType':'UPDATE','payload':{'name':'R','values':['x']}}]}]} | customers[0].customerId must be a string
      customer/details/bulk | {'customers':[{'customerId':'1','operations':[{'operationType':'UPSERT','payload':{'name':'R','values':['x']}}]}]} | operationType is "UPSERT"
      customer/details/bulk | {'customers':[{'customerId':'1','operations':[{'operationType':'UPDATE','payload':{'name':'R'}}]}]} | payload: missing "values"
      organization/details/bulk | {'organizations':[{'customerId':'1','operations':[]}]} | organizations[0]: unknown field "customerId"
      customer/details/definitions/bulk | {'detailFields':[{'name':'R','type':{'name':'COLOR'}}]} | detailFields[0].type.name is "COLOR"
      customer/details/definitions/bulk | {'detailFields':[{'name':' ','type':{'name':'TEXT'}}]} | detailFields[0].name must not be blank
      customer/details/definitions/bulk | {'detailFields':[{'name':'R','type':'TEXT'}]} | detailFields[0].type must be an object
      organization/fetch | {'ids':['1'],'emails':['x']} | Unknown key "emails": expected "ids" or "names"
      organization/fetch | {'ids':'1'} | body.ids must be an array
      customer/profile/fetch | {'customerIds':[null]} | body.customerIds[0] must not be null
      """)
  void refusesBodiesThatDoNotFitTheShape(String path, String body, String message) {
    var r = HTTP.post("/api/v1/" + path, q(body));
    assertThat(r.status).as(r.toString()).isEqualTo(400);
    assertThat(r.message()).contains(message);
  }

  @Test
  void enforcesItemLimitsPerEndpoint() {
    String account = "{'email':'u#@example.com'}";
    assertThat(HTTP.post("/api/v1/customer/bulk", items("customers", 50, account)).status)
        .isEqualTo(201);
    var tooMany = HTTP.post("/api/v1/customer/bulk", items("customers", 51, account));
    assertThat(tooMany.status).isEqualTo(400);
    assertThat(tooMany.message()).contains("51 items; at most 50");

    String profile = "{'operationType':'UPSERT','payload':{'email':'p#@example.com'}}";
    assertThat(
            HTTP.post("/api/v1/customer/profile/bulk", items("customerProfiles", 100, profile))
                .status)
        .isEqualTo(201);
    assertThat(
            HTTP.post("/api/v1/customer/profile/bulk", items("customerProfiles", 101, profile))
                .status)
        .isEqualTo(400);
    String org = "{'operationType':'CREATE','payload':{'name':'O#'}}";
    assertThat(
            HTTP.post("/api/v1/organization/profile/bulk", items("organizationProfiles", 101, org))
                .status)
        .isEqualTo(400);

    String field = "{'name':'F#','type':{'name':'TEXT'}}";
    assertThat(
            HTTP.post("/api/v1/customer/details/definitions/bulk", items("detailFields", 51, field))
                .status)
        .isEqualTo(400);
    assertThat(
            HTTP.post(
                    "/api/v1/organization/details/definitions/bulk",
                    items("detailFields", 50, field))
                .status)
        .isEqualTo(201);

    String op = "{'operationType':'PATCH','payload':{'name':'F','values':['v']}}";
    String fiveHundredOps =
        "[" + IntStream.range(0, 500).mapToObj(i -> q(op)).collect(Collectors.joining(",")) + "]";
    String twoCustomers =
        "{\"customers\":[{\"customerId\":\"1\",\"operations\":"
            + fiveHundredOps
            + "},{\"customerId\":\"2\",\"operations\":"
            + fiveHundredOps
            + "}]}";
    assertThat(HTTP.post("/api/v1/customer/details/bulk", twoCustomers).status).isEqualTo(201);
    var over =
        HTTP.post(
            "/api/v1/customer/details/bulk",
            "{\"customers\":[{\"customerId\":\"1\",\"operations\":"
                + fiveHundredOps
                + "},{\"customerId\":\"2\",\"operations\":"
                + fiveHundredOps
                + "},{\"customerId\":\"3\",\"operations\":["
                + q(op)
                + "]}]}");
    assertThat(over.status).isEqualTo(400);
    assertThat(over.message()).contains("1001 detail-field operations; at most 1000");

    String ids =
        IntStream.range(0, 26).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
    assertThat(
            HTTP.post("/api/v1/customer/profile/fetch", "{\"customerIds\":[" + ids + "]}").status)
        .isEqualTo(400);
    assertThat(
            HTTP.post(
                    "/api/v1/organization/fetch", "{\"ids\":[" + ids + "],\"names\":[" + ids + "]}")
                .status)
        .isEqualTo(400);
    assertThat(
            HTTP.post("/api/v1/organization/fetch", "{\"ids\":[" + ids + "],\"names\":[\"x\"]}")
                .status)
        .isEqualTo(200);
  }

  @Test
  void acceptsTheShapesTheClientSends() {
    assertThat(
            HTTP.post(
                    "/api/v1/customer/details/bulk",
                    q(
                        "{'customers':[{'customerId':'1','operations':[{'operationType':'DELETE','payload':{'name':'R','values':[]}}]}]}"))
                .status)
        .isEqualTo(201);
    assertThat(
            HTTP.post(
                    "/api/v1/organization/details/bulk",
                    q(
                        "{'organizations':[{'organizationId':'1','operations':[{'operationType':'UPDATE','payload':{'name':'R','values':['x']}}]}]}"))
                .status)
        .isEqualTo(201);
    assertThat(
            HTTP.post(
                    "/api/v1/customer/profile/bulk",
                    q(
                        "{'customerProfiles':[{'operationType':'UPSERT','payload':{'email':'j@example.com','customerId':'9','displayName':'J',"
                            + "'details':[{'name':'R','values':['x']}],'associateOrganizations':{'organizationIds':['1','4']}}}]}"))
                .status)
        .isEqualTo(201);
    assertThat(
            HTTP.post(
                    "/api/v1/organization/profile/bulk",
                    q(
                        "{'organizationProfiles':[{'operationType':'UPSERT','payload':{'id':'1','name':'Acme',"
                            + "'details':[{'name':'R','values':['x']}],'associateCustomers':{'customerIds':['2']}}}]}"))
                .status)
        .isEqualTo(201);
    assertThat(
            HTTP.post(
                    "/api/v1/customer/details/definitions/bulk",
                    q(
                        "{'detailFields':[{'name':'Region','type':{'name':'SELECT','options':['EU','US']}},{'name':'Phone','type':{'name':'PHONE'}}]}"))
                .status)
        .isEqualTo(201);
    assertThat(HTTP.post("/api/v1/customer/profile/fetch", "{}").status).isEqualTo(200);
  }
}
