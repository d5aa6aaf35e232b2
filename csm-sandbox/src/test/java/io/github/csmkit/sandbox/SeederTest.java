package io.github.csmkit.sandbox;

import static io.github.csmkit.sandbox.Http.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeederTest {
  final CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ZERO).start();
  final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void seededDataIsThereBeforeTheFirstRequest() {
    Seeder seed = sandbox.seed();
    seed.customerDetailField("Plan", "SELECT", "Free", "Gold")
        .customerDetailField("Phone", "PHONE");
    seed.organizationDetailField("Tier", "TEXT");
    String acme = seed.organization("Acme", Map.of("Tier", List.of("1")));
    String ada = seed.customer("ada@example.com", "Ada", Map.of("Plan", List.of("Gold")), acme);

    assertThat(sandbox.organizations())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo(acme);
              assertThat(o.details()).containsEntry("Tier", List.of("1"));
              assertThat(o.customerIds()).containsExactly(ada);
            });
    assertThat(sandbox.customers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.email()).isEqualTo("ada@example.com");
              assertThat(c.displayName()).isEqualTo("Ada");
              assertThat(c.details()).containsEntry("Plan", List.of("Gold"));
              assertThat(c.organizationIds()).containsExactly(acme);
            });
    // seeded records are not creations by the client under test, nor requests
    assertThat(sandbox.creationCount("ada@example.com")).isZero();
    assertThat(sandbox.organizationCreationCount("Acme")).isZero();
    assertThat(sandbox.requestLog().all()).isEmpty();

    // and the API sees them: the field is defined, the email is taken
    assertThat(http.get("/api/v1/customer/details").body).contains("\"Plan\"").contains("Gold");
    String task =
        http.submit(
            "/api/v1/customer/profile/bulk",
            q(
                "{'customerProfiles':[{'operationType':'CREATE','payload':{'email':'ada@example.com'}}]}"));
    assertThat(http.task(task).get("failures").get(0).get("error").asText())
        .contains("already exists");
  }

  @Test
  void seedsOneTenantOnly() {
    sandbox.seed("cloud-a").organization("Acme");
    assertThat(sandbox.organizations())
        .extracting(OrganizationSnapshot::tenant)
        .containsExactly("cloud-a");
    assertThat(
            http.cloud("cloud-b").post("/api/v1/organization/fetch", q("{'names':['Acme']}")).body)
        .isEqualTo(q("{'results':[]}"));
    assertThatThrownBy(() -> sandbox.seed("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesWhatABulkRequestWouldRefuse() {
    Seeder seed = sandbox.seed();
    seed.customer("ada@example.com", null);
    assertThatThrownBy(() -> seed.customer("ADA@example.com", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> seed.customer("not-an-email", null))
        .hasMessageContaining("Invalid email");
    assertThatThrownBy(() -> seed.customer("b@example.com", null, Map.of("Nope", List.of("x"))))
        .hasMessageContaining("Nope");
    assertThatThrownBy(() -> seed.customer("c@example.com", null, Map.of(), "99999"))
        .hasMessageContaining("99999");
    assertThatThrownBy(() -> seed.customerDetailField("Size", "HUGE"))
        .hasMessageStartingWith("cannot seed: ");
    assertThat(sandbox.customers()).hasSize(1);
  }
}
