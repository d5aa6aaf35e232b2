package io.github.csmkit.hubspot.migration;

import static io.github.csmkit.hubspot.migration.Records.contact;
import static io.github.csmkit.hubspot.migration.Records.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.bulk.DuplicateRecordException;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.SyncRun;
import io.github.csmkit.hubspot.state.SyncState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicationTest {
  private final EmailKey workEmail = new EmailKey("work_email");

  @Test
  void theFirstPolicyKeysOnTheMappingsEmailPropertyNotOnEmail() {
    Deduplication d = new Deduplication(DuplicatePolicy.FIRST, workEmail, new ContactScan());
    d.check(value(contact(1, "work_email", "a@x.example", "email", "one@x.example")));
    // same "email", other work email: not a duplicate
    assertThatCode(
            () -> d.check(value(contact(2, "work_email", "b@x.example", "email", "one@x.example"))))
        .doesNotThrowAnyException();
    // same work email, other case and spaces: a duplicate of contact 1
    assertThatThrownBy(() -> d.check(value(contact(3, "work_email", " A@X.example "))))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessage(
            "contact 3 has the same email as contact 1, which comes first and is imported instead");
  }

  @Test
  void theLatestPolicyKeepsTheContactModifiedLastOnTheSameKey() {
    List<SourceRecord<HubSpotContact>> contacts =
        List.of(
            contact(1, "work_email", "a@x.example", "lastmodifieddate", "2025-01-01T00:00:00Z"),
            contact(2, "work_email", "A@x.example", "lastmodifieddate", "2025-06-01 08:00"),
            contact(3, "email", "a@x.example", "lastmodifieddate", "2026-01-01 08:00"));
    ContactScan scan = ContactScan.read(contacts.iterator(), null, workEmail);
    Deduplication d = new Deduplication(DuplicatePolicy.LATEST, workEmail, scan);

    assertThatThrownBy(() -> d.check(value(contacts.get(0))))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessage(
            "contact 1 has the same email as contact 2, which HubSpot modified more recently and"
                + " is imported instead");
    assertThatCode(() -> d.check(value(contacts.get(1)))).doesNotThrowAnyException();
    assertThatCode(() -> d.check(value(contacts.get(2)))).doesNotThrowAnyException();
  }

  @Test
  void aContactWhoseIdIsNotANumberIsNamedByItsRecordNumber() {
    Deduplication d = new Deduplication(DuplicatePolicy.FIRST, workEmail, new ContactScan());
    d.check(value(contact("abc", 7, List.of(), "work_email", "a@x.example")));
    assertThatThrownBy(() -> d.check(value(contact(9, "work_email", "a@x.example"))))
        .hasMessageContaining("same email as record 7,");
  }

  @Test
  void contactsWithoutTheEmailPropertyAreLeftToTheMapping() {
    Deduplication d = new Deduplication(DuplicatePolicy.FIRST, workEmail, new ContactScan());
    d.check(value(contact(1, "work_email", " ")));
    assertThatCode(() -> d.check(value(contact(2, "work_email", " ")))).doesNotThrowAnyException();
    assertThatCode(() -> d.check(value(contact(3)))).doesNotThrowAnyException();
  }

  @Test
  void withAStateTheFirstClaimsAreTheStatesAcrossChunksAndACheckOfTheFirstAgainPasses(
      @TempDir Path dir) {
    try (SyncState state = SyncState.open(dir.resolve("state.db").toString());
        SyncRun run = state.beginRun("job", "site", false)) {
      Deduplication d =
          new Deduplication(DuplicatePolicy.FIRST, workEmail, new ContactScan(), Optional.of(run));
      HubSpotContact one = value(contact(1, "work_email", "a@x.example"));
      HubSpotContact two = value(contact(2, "work_email", "b@x.example"));
      HubSpotContact three = value(contact(3, "work_email", " A@X.example "));
      d.prepare(List.of(one, two));
      d.check(one);
      d.check(two);
      assertThat(run.claimants(List.of(workEmail.of(one).getAsLong()))).containsValue(1L);
      d.prepare(List.of(three)); // the next chunk
      assertThatThrownBy(() -> d.check(three))
          .isInstanceOf(DuplicateRecordException.class)
          .hasMessageStartingWith("contact 3 has the same email as contact 1, which comes first");
      assertThatCode(() -> d.check(two)).as("not prepared: looked up").doesNotThrowAnyException();
      HubSpotContact four = value(contact(4, "work_email", "b@x.example"));
      assertThatThrownBy(() -> d.check(four))
          .as("not prepared either: the claim of 2 is looked up")
          .hasMessageStartingWith("contact 4 has the same email as contact 2");
      assertThatThrownBy(() -> d.check(three)).isInstanceOf(DuplicateRecordException.class);
    }
  }
}
