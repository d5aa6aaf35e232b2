package io.github.csmkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.internal.WireWriter;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.CustomerDetailBatch;
import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileBatch;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.DetailOperation;
import io.github.csmkit.client.model.DetailUpdate;
import io.github.csmkit.client.model.OrganizationDetailBatch;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of every request body, against golden files written from csm-api.md's Decisions
 * table with the guide's own examples (its data, the reference's shapes).
 */
class GoldenBodyTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenBodyTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String utf8(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void customerProfiles() throws IOException {
    CustomerProfileBatch batch =
        CustomerProfileBatch.of(
            List.of(
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
                        .build())));
    assertThat(utf8(WireWriter.write(batch))).isEqualTo(golden("customer-profiles.json"));
  }

  @Test
  void organizationProfiles() throws IOException {
    OrganizationProfileBatch batch =
        OrganizationProfileBatch.of(
            List.of(
                OrganizationProfileOperation.create(
                    OrganizationProfile.builder()
                        .name("Acme Corporation")
                        .addDetails(
                            Detail.of("Industry", "Manufacturing"),
                            Detail.of("Website", "https://acme.example.com"),
                            Detail.of("Employee Count", "500"))
                        .build()),
                OrganizationProfileOperation.create(
                    OrganizationProfile.builder()
                        .name("Tech Innovators")
                        .addDetails(
                            Detail.of("Industry", "Software"),
                            Detail.of("Website", "https://techinnovators.example.com"),
                            Detail.of("Employee Count", "150"))
                        .build())));
    assertThat(utf8(WireWriter.write(batch))).isEqualTo(golden("organization-profiles.json"));
  }

  @Test
  void customerDetails() throws IOException {
    CustomerDetailBatch batch =
        CustomerDetailBatch.of(
            List.of(
                DetailUpdate.of(
                    "customer-123",
                    DetailOperation.update("Support Tier", "Premium"),
                    DetailOperation.update("Health Score", "95")),
                DetailUpdate.of(
                    "customer-456",
                    DetailOperation.update("Support Tier", "Standard"),
                    DetailOperation.update("Health Score", "78"))));
    assertThat(utf8(WireWriter.write(batch))).isEqualTo(golden("customer-details.json"));
  }

  @Test
  void organizationDetails() throws IOException {
    OrganizationDetailBatch batch =
        OrganizationDetailBatch.of(
            List.of(
                DetailUpdate.of(
                    "10001",
                    DetailOperation.patch("Tags", "vip"),
                    DetailOperation.delete("Legacy Id"))));
    assertThat(utf8(WireWriter.write(batch))).isEqualTo(golden("organization-details.json"));
  }

  @Test
  void customerAccounts() throws IOException {
    CustomerAccountBatch batch =
        CustomerAccountBatch.of(
            List.of(
                CustomerAccount.of("alice.johnson@example.com", "Alice Johnson"),
                CustomerAccount.of("bob.wilson@example.com", "Bob Wilson"),
                CustomerAccount.of("carol.brown@example.com")));
    assertThat(utf8(WireWriter.write(batch))).isEqualTo(golden("customer-accounts.json"));
  }

  @Test
  void detailFieldDefinitions() throws IOException {
    DetailFieldBatch batch =
        DetailFieldBatch.of(
            List.of(
                DetailFieldDefinition.of(
                    "support-tier", DetailFieldType.select("Premium", "Standard")),
                DetailFieldDefinition.of("lifecycle", DetailFieldType.text())));
    assertThat(utf8(WireWriter.write(batch))).isEqualTo(golden("detail-fields.json"));
  }

  @Test
  void lookups() throws IOException {
    assertThat(
            utf8(
                WireWriter.organizationLookup(
                    List.of(), List.of("Acme Corporation", "Tech Innovators"))))
        .isEqualTo(golden("organization-fetch.json"));
    assertThat(utf8(WireWriter.customerLookup(List.of(), List.of("john.doe@example.com"))))
        .isEqualTo(golden("customer-profile-fetch.json"));
    assertThat(utf8(WireWriter.organizationProfileLookup(List.of("10001", "10002"), List.of())))
        .isEqualTo(golden("organization-profile-fetch.json"));
  }
}
