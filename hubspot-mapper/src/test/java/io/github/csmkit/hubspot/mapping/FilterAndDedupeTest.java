package io.github.csmkit.hubspot.mapping;

import static io.github.csmkit.hubspot.mapping.MapperTest.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FilterAndDedupeTest {
  private final HubSpotContact a =
      contact(
          "1",
          Map.of(
              "email",
              "a@example.com",
              "lifecyclestage",
              "customer",
              "hs_lead_status",
              "OPEN",
              "tags",
              "x;vip"));
  private final HubSpotContact b =
      contact(
          "2",
          Map.of(
              "email", "b@other.org", "lifecyclestage", "lead", "hs_lead_status", "UNQUALIFIED"));

  @Test
  void filtersByExpression() {
    assertThat(RecordFilter.parse("lifecyclestage=customer")).accepts(a).rejects(b);
    assertThat(RecordFilter.parse("hs_lead_status != UNQUALIFIED")).accepts(a).rejects(b);
    assertThat(RecordFilter.parse("email~@EXAMPLE.com")).accepts(a).rejects(b);
    assertThat(RecordFilter.parse("email!~@example.com")).accepts(b).rejects(a);
    assertThat(RecordFilter.parse("tags=vip")).accepts(a).rejects(b);
    assertThat(RecordFilter.parse("company=")).accepts(a, b);
    assertThat(RecordFilter.parse(List.of("lifecyclestage=customer", "hs_lead_status=OPEN")))
        .accepts(a)
        .rejects(b);
    HubSpotContact archived =
        new HubSpotContact("3", Map.of(), List.of(), true, new SourcePosition("t", 1, 1));
    assertThat(RecordFilter.notArchived()).accepts(a).rejects(archived);
  }

  @Test
  void badExpressionsAreClearErrors() {
    for (String bad : List.of("lifecyclestage", "=customer", "a b=c", "")) {
      assertThatThrownBy(() -> RecordFilter.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bad filter '" + bad + "'");
    }
  }

  @Test
  void dedupeKeepsTheFirstByNormalisedEmailAndReportsTheRest() {
    HubSpotContact dup = contact("9", Map.of("email", "  A@Example.COM "));
    HubSpotContact noEmail = contact("10", Map.of());
    List<ContactDeduplicator.Duplicate> dups = new ArrayList<>();
    ContactDeduplicator d = new ContactDeduplicator();
    assertThat(d.filter(Stream.of(a, b, dup, noEmail), dups::add)).containsExactly(a, b, noEmail);
    assertThat(dups)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.duplicate()).isSameAs(dup);
              assertThat(x.kept()).isEqualTo("contact 1");
            });
    assertThat(d.distinctEmails()).isEqualTo(2);
  }
}
