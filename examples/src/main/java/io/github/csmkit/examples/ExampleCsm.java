package io.github.csmkit.examples;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.DetailFields;
import io.github.csmkit.client.model.DetailFieldBatch;
import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.client.model.OrganizationProfile;
import io.github.csmkit.client.model.OrganizationProfileBatch;
import io.github.csmkit.client.model.OrganizationProfileOperation;
import io.github.csmkit.sandbox.CsmSandbox;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the examples send their requests: the CSM site of {@code CSM_CLOUD_ID} (or at {@code
 * CSM_BASE_URL}) with the token in {@code CSM_TOKEN} when they are set, else an embedded {@link
 * CsmSandbox} started for the run.
 */
final class ExampleCsm implements AutoCloseable {
  final CsmClient csm;
  final Optional<CsmSandbox> sandbox;

  private ExampleCsm(CsmClient csm, Optional<CsmSandbox> sandbox) {
    this.csm = csm;
    this.sandbox = sandbox;
  }

  static ExampleCsm connect() {
    String cloudId = System.getenv("CSM_CLOUD_ID");
    String base = System.getenv("CSM_BASE_URL");
    String token = System.getenv("CSM_TOKEN");
    if ((cloudId != null || base != null) && token != null) {
      CsmClient.Builder site = CsmClient.builder().credentials(Credentials.bearer(token));
      return new ExampleCsm(
          (cloudId != null ? site.cloudId(cloudId) : site.baseUri(URI.create(base))).build(),
          Optional.empty());
    }
    CsmSandbox sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(10)).start();
    CsmClient csm =
        CsmClient.builder()
            .baseUri(sandbox.baseUri())
            .credentials(Credentials.bearer(sandbox.token()))
            .build();
    return new ExampleCsm(csm, Optional.of(sandbox));
  }

  /**
   * Creates TEXT customer detail fields that do not exist yet (CSM refuses values of unknown
   * fields).
   */
  void customerFields(String... names) {
    textFields(csm.customerDetailFields(), names);
  }

  /** Creates TEXT organization detail fields that do not exist yet. */
  void organizationFields(String... names) {
    textFields(csm.organizationDetailFields(), names);
  }

  private void textFields(DetailFields fields, String... names) {
    List<String> have = fields.list().stream().map(DetailFieldDefinition::name).toList();
    List<DetailFieldDefinition> missing =
        Arrays.stream(names)
            .filter(n -> !have.contains(n))
            .map(n -> DetailFieldDefinition.of(n, DetailFieldType.text()))
            .toList();
    if (!missing.isEmpty()) {
      csm.tasks().await(fields.submit(DetailFieldBatch.of(missing)));
    }
  }

  /** Creates the organizations that do not exist yet; returns every id by name. */
  Map<String, String> organizations(String... names) {
    Map<String, String> have = csm.organizationProfiles().idsByName(List.of(names));
    List<OrganizationProfileOperation> missing =
        Arrays.stream(names)
            .filter(n -> !have.containsKey(n))
            .map(
                n ->
                    OrganizationProfileOperation.create(
                        OrganizationProfile.builder().name(n).build()))
            .toList();
    if (!missing.isEmpty()) {
      csm.tasks().await(csm.organizationProfiles().submit(OrganizationProfileBatch.of(missing)));
    }
    return csm.organizationProfiles().idsByName(List.of(names));
  }

  @Override
  public void close() {
    csm.close();
    sandbox.ifPresent(CsmSandbox::close);
  }
}
