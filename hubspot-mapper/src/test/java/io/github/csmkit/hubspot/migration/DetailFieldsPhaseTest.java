package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.model.DetailFieldDefinition;
import io.github.csmkit.client.model.DetailFieldType;
import io.github.csmkit.sandbox.EntityKind;
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
}
