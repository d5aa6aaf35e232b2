package io.github.csmkit.hubspot.migration;

import static io.github.csmkit.hubspot.migration.Records.contact;
import static io.github.csmkit.hubspot.migration.Records.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ContactSelectionAndScanTest {
  private final List<SourceRecord<HubSpotContact>> contacts =
      List.of(
          contact(1, "lifecyclestage", "customer", "company", " Acme "),
          contact(2, "lifecyclestage", "lead", "company", "Lead Co"),
          unreadable("contacts", 3),
          contact(4, "lifecyclestage", "customer", "company", "Globex"),
          contact(5, "lifecyclestage", "customer", "company", "acme"));

  private static List<SourceRecord<HubSpotContact>> drain(
      Iterator<SourceRecord<HubSpotContact>> it) {
    List<SourceRecord<HubSpotContact>> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void theFilterExcludesAndCountsUnreadableRowsPassThrough() {
    ContactSelection s =
        new ContactSelection(RecordFilter.parse("lifecyclestage=customer"), OptionalLong.empty());
    assertThat(drain(s.select(contacts)))
        .extracting(r -> r.position().record())
        .containsExactly(1L, 3L, 4L, 5L);
    assertThat(s.excluded()).isEqualTo(1);
  }

  @Test
  void aTestBatchStopsReadingAfterItsSizeCountingUnreadableRows() {
    ContactSelection s = new ContactSelection(RecordFilter.all(), OptionalLong.of(3));
    assertThat(drain(s.select(contacts)))
        .extracting(r -> r.position().record())
        .containsExactly(1L, 2L, 3L);
    assertThat(s.excluded()).isZero();
    assertThat(s.readToEnd()).isFalse();
    assertThat(s.lastRead()).hasValueSatisfying(p -> assertThat(p.record()).isEqualTo(3));

    ContactSelection whole = new ContactSelection(RecordFilter.all(), OptionalLong.of(5));
    assertThat(drain(whole.select(contacts))).hasSize(5);
    assertThat(whole.readToEnd()).isTrue();
  }

  @Test
  void theScanCollectsTrimmedCompanyNamesOfTheSelectedContactsOnly() {
    ContactSelection s =
        new ContactSelection(RecordFilter.parse("lifecyclestage=customer"), OptionalLong.empty());
    ContactScan scan = ContactScan.read(s.select(contacts), "company", new EmailKey("email"));
    assertThat(scan.companyNames()).containsExactly("Acme", "Globex", "acme");
    assertThat(ContactScan.read(contacts.iterator(), null, new EmailKey("email")).companyNames())
        .isEmpty();
  }

  @Test
  void modificationDatesInEveryFormatHubSpotWrites() {
    assertThat(
            ContactScan.modifiedAt(Records.value(contact(1, "lastmodifieddate", "1700000000000"))))
        .isEqualTo(1_700_000_000_000L);
    assertThat(
            ContactScan.modifiedAt(
                Records.value(contact(1, "hs_lastmodifieddate", "2023-11-14T22:13:20Z"))))
        .isEqualTo(1_700_000_000_000L);
    assertThat(
            ContactScan.modifiedAt(
                Records.value(contact(1, "lastmodifieddate", "2023-11-14 22:13"))))
        .isEqualTo(1_699_999_980_000L);
    assertThat(ContactScan.modifiedAt(Records.value(contact(1, "lastmodifieddate", "soon"))))
        .isZero();
    assertThat(ContactScan.modifiedAt(Records.value(contact(1)))).isZero();
  }
}
