package io.github.csmkit.hubspot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeltaPlannerTest {
  static final Map<String, List<String>> FIELDS =
      Map.of("Phone", List.of("1"), "Tier", List.of("gold"), "Tags", List.of("a", "b"));

  static SourceSnapshot contact(
      String email, Map<String, List<String>> fields, Set<String> memberships) {
    return new SourceSnapshot(ObjectType.CONTACT, "7", email, fields, memberships);
  }

  static StoredRecord stored(
      ObjectType type, String csmId, String identity, Outcome outcome, Set<String> memberships) {
    return new StoredRecord(
        type,
        "7",
        Optional.ofNullable(csmId),
        Optional.of(identity),
        FieldHashes.of(FIELDS),
        memberships,
        outcome,
        outcome == Outcome.IMPORTED ? Optional.empty() : Optional.of("why"),
        "run-1",
        Instant.EPOCH,
        Optional.empty());
  }

  static StoredRecord imported() {
    return stored(ObjectType.CONTACT, "qm:7", "jo@example.com", Outcome.IMPORTED, Set.of("c1"));
  }

  @Test
  void aRecordTheStateDoesNotHoldIsNewWithEverything() {
    Delta d = DeltaPlanner.classify(contact("jo@example.com", FIELDS, Set.of("c1")), null);
    assertThat(d.kind()).isEqualTo(Delta.Kind.NEW);
    assertThat(d.needsCreate()).isTrue();
    assertThat(d.changedFields()).containsExactlyInAnyOrder("Phone", "Tier", "Tags");
    assertThat(d.clearedFields()).isEmpty();
    assertThat(d.addedMemberships()).containsExactly("c1");
    assertThat(d.fieldHashes()).isEqualTo(FieldHashes.of(FIELDS));
  }

  @Test
  void theSameRecordIsUnchanged() {
    Delta d = DeltaPlanner.classify(contact("JO@example.com", FIELDS, Set.of("c1")), imported());
    assertThat(d.kind()).isEqualTo(Delta.Kind.UNCHANGED);
    assertThat(d.csmId()).contains("qm:7");
    assertThat(d.identityChange()).as("emails compare without case").isEmpty();
    assertThat(d.changedFields()).isEmpty();
  }

  @Test
  void changedClearedAndJoinedAreNamedExactly() {
    Map<String, List<String>> now =
        Map.of("Phone", List.of("2"), "Tags", List.of("a", "b"), "Region", List.of("EU"));
    Delta d = DeltaPlanner.classify(contact("jo@example.com", now, Set.of("c1", "c2")), imported());
    assertThat(d.kind()).isEqualTo(Delta.Kind.CHANGED);
    assertThat(d.needsCreate()).isFalse();
    assertThat(d.changedFields()).containsExactlyInAnyOrder("Phone", "Region");
    assertThat(d.clearedFields()).containsExactly("Tier");
    assertThat(d.addedMemberships()).containsExactly("c2");
    assertThat(d.removedMemberships()).isEmpty();
    assertThat(d.fieldHashes()).containsOnlyKeys("Phone", "Tags", "Region");
  }

  @Test
  void aFieldClearedToNoValuesIsCleared() {
    Map<String, List<String>> now =
        Map.of("Phone", List.of(), "Tier", List.of("gold"), "Tags", List.of("a", "b"));
    Delta d = DeltaPlanner.classify(contact("jo@example.com", now, Set.of("c1")), imported());
    assertThat(d.kind()).isEqualTo(Delta.Kind.CHANGED);
    assertThat(d.changedFields()).isEmpty();
    assertThat(d.clearedFields()).containsExactly("Phone");
  }

  @Test
  void aLeftCompanyIsReportedNotRemoved() {
    Delta d = DeltaPlanner.classify(contact("jo@example.com", FIELDS, Set.of()), imported());
    assertThat(d.kind()).isEqualTo(Delta.Kind.CHANGED);
    assertThat(d.removedMemberships()).containsExactly("c1");
    assertThat(d.addedMemberships()).isEmpty();
  }

  @Test
  void aChangedEmailNamesBothEmails() {
    Delta d =
        DeltaPlanner.classify(contact("joanna@example.com", FIELDS, Set.of("c1")), imported());
    assertThat(d.kind()).isEqualTo(Delta.Kind.CHANGED);
    assertThat(d.identityChange())
        .contains(new Delta.IdentityChange("jo@example.com", "joanna@example.com"));
    assertThat(d.csmId()).as("the same CSM customer is updated").contains("qm:7");
  }

  @Test
  void aRenamedCompanyIsChangedWithBothNamesEvenForACaseChange() {
    StoredRecord acme = stored(ObjectType.COMPANY, "10001", "Acme", Outcome.IMPORTED, Set.of());
    Delta d =
        DeltaPlanner.classify(
            new SourceSnapshot(ObjectType.COMPANY, "7", "ACME Corp", FIELDS, Set.of()), acme);
    assertThat(d.kind()).isEqualTo(Delta.Kind.CHANGED);
    assertThat(d.identityChange()).contains(new Delta.IdentityChange("Acme", "ACME Corp"));
    assertThat(d.csmId()).contains("10001");
    Delta caseOnly =
        DeltaPlanner.classify(
            new SourceSnapshot(ObjectType.COMPANY, "7", "ACME", FIELDS, Set.of()), acme);
    assertThat(caseOnly.identityChange()).isPresent();
  }

  @Test
  void aFailedRecordIsRetriedWithWhatChangedSinceCsmLastAcceptedIt() {
    StoredRecord failed =
        stored(ObjectType.CONTACT, "qm:7", "jo@example.com", Outcome.FAILED, Set.of("c1"));
    Delta same = DeltaPlanner.classify(contact("jo@example.com", FIELDS, Set.of("c1")), failed);
    assertThat(same.kind()).isEqualTo(Delta.Kind.RETRY);
    assertThat(same.needsCreate()).isFalse();
    Map<String, List<String>> now =
        Map.of("Phone", List.of("9"), "Tier", List.of("gold"), "Tags", List.of("a", "b"));
    Delta changed = DeltaPlanner.classify(contact("jo@example.com", now, Set.of("c1")), failed);
    assertThat(changed.kind()).isEqualTo(Delta.Kind.RETRY);
    assertThat(changed.changedFields()).containsExactly("Phone");
  }

  @Test
  void aRejectedRecordNeverCreatedIsRetriedAsACreateWithEverything() {
    StoredRecord rejected =
        new StoredRecord(
            ObjectType.CONTACT,
            "7",
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Set.of(),
            Outcome.REJECTED,
            Optional.of("email: not an email"),
            "run-1",
            Instant.EPOCH,
            Optional.empty());
    Delta d = DeltaPlanner.classify(contact("jo@example.com", FIELDS, Set.of("c1")), rejected);
    assertThat(d.kind()).isEqualTo(Delta.Kind.RETRY);
    assertThat(d.needsCreate()).isTrue();
    assertThat(d.changedFields()).containsExactlyInAnyOrder("Phone", "Tier", "Tags");
    assertThat(d.addedMemberships()).containsExactly("c1");
    assertThat(d.identityChange()).isEmpty();
  }

  @Test
  void anotherRecordsRowIsRefused() {
    assertThatThrownBy(
            () ->
                DeltaPlanner.classify(
                    new SourceSnapshot(ObjectType.CONTACT, "8", "x@example.com", FIELDS, Set.of()),
                    imported()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goneAreTheStoredRecordsTheSourceDidNotHave() {
    StoredRecord a = imported();
    StoredRecord b =
        new StoredRecord(
            ObjectType.CONTACT,
            "8",
            Optional.of("qm:8"),
            Optional.of("al@example.com"),
            Map.of(),
            Set.of(),
            Outcome.IMPORTED,
            Optional.empty(),
            "run-1",
            Instant.EPOCH,
            Optional.empty());
    assertThat(DeltaPlanner.gone(List.of(a, b), Set.of("7")::contains)).containsExactly(b);
    assertThat(DeltaPlanner.gone(List.of(a, b), Set.of("7", "8")::contains)).isEmpty();
  }
}
