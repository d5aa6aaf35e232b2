package io.github.csmkit.cli;

import static io.github.csmkit.cli.MigrateCommandTest.COMPANIES;
import static io.github.csmkit.cli.MigrateCommandTest.CONTACTS;
import static io.github.csmkit.cli.MigrateCommandTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.sandbox.CsmSandbox;
import io.github.csmkit.sandbox.Endpoint;
import io.github.csmkit.sandbox.Fault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, items 9 and 11: what the operator sees for an older site and for bad inputs. */
class HostileInputsTest {
  @TempDir Path dir;

  private Result migrate(CsmSandbox sandbox, Path contacts, Path companies, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "migrate",
                "--contacts",
                contacts.toString(),
                "--companies",
                companies.toString(),
                "--base-url",
                sandbox.baseUri().toString(),
                "--failure-threshold",
                "50%"));
    args.addAll(java.util.List.of(extra));
    return CliRunner.run(Map.of("CSM_TOKEN", TOKEN), dir, args.toArray(String[]::new));
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private CsmSandbox sandbox(boolean definitionsBulk) {
    return CsmSandbox.builder()
        .runsFor(Duration.ofMillis(5))
        .token(TOKEN)
        .definitionsBulk(definitionsBulk)
        .start();
  }

  @Test
  void aSiteWithoutTheBulkDefinitionsEndpointIsMigratedFieldByFieldAndTheSummarySaysSo()
      throws Exception {
    try (CsmSandbox old = sandbox(false)) {
      Result r = migrate(old, file("contacts.csv", CONTACTS), file("companies.csv", COMPANIES));

      assertThat(r.code()).as(r.all()).isEqualTo(0);
      assertThat(r.out())
          .contains("note: this site has no POST /api/v1/customer/details/definitions/bulk (404): ")
          .contains("fields sent one at a time with POST /api/v1/customer/details")
          .contains("customers: 5 read, 4 imported");
      assertThat(old.requestCount(Endpoint.CUSTOMER_DETAIL_FIELD_CREATE)).isPositive();
    }
  }

  @Test
  void whenTheSingleFieldEndpointIsMissingTooTheMessageNamesBothEndpoints() throws Exception {
    try (CsmSandbox old = sandbox(false)) {
      old.faults().on(Endpoint.CUSTOMER_DETAIL_FIELD_CREATE).times(100, Fault.status(404));
      Result r = migrate(old, file("contacts.csv", CONTACTS), file("companies.csv", COMPANIES));

      assertThat(r.code()).as(r.all()).isNotEqualTo(0);
      assertThat(r.all())
          .contains(
              "neither POST /api/v1/customer/details/definitions/bulk nor POST"
                  + " /api/v1/customer/details (both answered 404)")
          .contains("create the detail fields in CSM's settings");
      assertThat(old.customers()).isEmpty();
    }
  }

  private static byte[] withBadByte(String csv, int line) {
    String[] lines = csv.split("\n", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.length; i++) {
      byte[] b = lines[i].getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
      if (i + 1 == line) {
        out.write(0xC3); // a lead byte without its continuation: not UTF-8
        out.write('x');
      }
      if (i < lines.length - 1) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  @Test
  void aBadByteInCompaniesNamesTheFileAndLineAndExitsAsInContacts() throws Exception {
    Path goodContacts = file("contacts.csv", CONTACTS);
    Path goodCompanies = file("companies.csv", COMPANIES);
    Path badContacts = Files.write(dir.resolve("bad-contacts.csv"), withBadByte(CONTACTS, 3));
    Path badCompanies = Files.write(dir.resolve("bad-companies.csv"), withBadByte(COMPANIES, 3));
    Result contacts;
    Result companies;
    try (CsmSandbox sandbox = sandbox(true)) {
      contacts = migrate(sandbox, badContacts, goodCompanies, "--no-state");
    }
    try (CsmSandbox sandbox = sandbox(true)) {
      companies = migrate(sandbox, goodContacts, badCompanies, "--no-state");
    }
    assertThat(companies.code()).as(companies.all()).isEqualTo(contacts.code());
    assertThat(companies.code()).isNotEqualTo(4);
    assertThat(companies.all()).contains("bad-companies.csv:3");
    assertThat(companies.all()).doesNotContain("after 0 records");
    assertThat(contacts.all()).contains("bad-contacts.csv:3");
  }

  @Test
  void anUnknownAssociatedCompanyIdWarnsAndADuplicateCompanyRecordIdIsRefusedWithBothLines()
      throws Exception {
    // Jane (line 3) names company 999, which the companies input lacks
    Path contacts = file("contacts.csv", CONTACTS.replace("\"New\",\"102\"", "\"New\",\"999\""));
    // line 4 repeats company 101 under another name
    Path companies =
        file(
            "companies.csv",
            COMPANIES
                + "\"101\",\"Acme Again\",\"acme2.com\",\"Manufacturing\",\"3\",\"https://acme2.com\"\n");
    Path report = dir.resolve("report.json");
    try (CsmSandbox sandbox = sandbox(true)) {
      Result r = migrate(sandbox, contacts, companies, "--report", report.toString());

      JsonNode json = new ObjectMapper().readTree(report.toFile());
      assertThat(json.at("/mappingWarnings/count").asLong()).as(r.all()).isEqualTo(1);
      assertThat(json.at("/mappingWarnings/examples/0").asText())
          .isEqualTo(
              contacts
                  + ":3 (record 2): Associated Company IDs: company 999 is not in the companies"
                  + " input: no organization for it");
      JsonNode orgs = json.at("/phases/organizations");
      assertThat(orgs.path("duplicates").asLong()).isEqualTo(1);
      assertThat(orgs.path("failures"))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.path("stage").asText()).isEqualTo("DUPLICATE");
                assertThat(f.path("message").asText())
                    .isEqualTo(
                        "company Record ID 101 at "
                            + companies
                            + ":4 (record 3) repeats the one at "
                            + companies
                            + ":2 (record 1): the first is kept");
              });
      assertThat(sandbox.organizations())
          .extracting(o -> o.name())
          .contains("Acme Corporation")
          .doesNotContain("Acme Again");
      assertThat(r.out()).contains("mapping warnings: 1");
    }
  }
}
