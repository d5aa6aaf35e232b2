package io.github.csmkit.hubspot.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.model.CustomerProfile;
import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.client.model.CustomerRecord;
import io.github.csmkit.client.model.Detail;
import io.github.csmkit.client.model.OrganizationRef;
import io.github.csmkit.hubspot.migration.VerificationSample.Expected;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verification sample and the comparison, without a server. */
class VerificationTest {
  private static SourcePosition at(long n) {
    return new SourcePosition("contacts.csv", n + 1, n);
  }

  private static CustomerProfileOperation op(String email, String name, Detail... details) {
    return CustomerProfileOperation.create(
        CustomerProfile.builder()
            .email(email)
            .displayName(java.util.Optional.ofNullable(name))
            .addDetails(details)
            .build());
  }

  @Test
  void theSampleKeepsEverythingUpToItsSizeThenAUniformBoundedSample() {
    VerificationSample small = new VerificationSample(10);
    for (int i = 0; i < 5; i++) {
      small.offer(at(i), op("p" + i + "@x.example", "P" + i), Set.of("o" + i));
    }
    assertThat(small.expected())
        .extracting(Expected::email)
        .containsExactly(
            "p0@x.example", "p1@x.example", "p2@x.example", "p3@x.example", "p4@x.example");
    assertThat(small.expected().get(2).organizationIds()).containsExactly("o2");

    // 100 samples of 10 from 100: each record is kept about 10 times (binomial, sd 3)
    Map<String, Integer> kept = new HashMap<>();
    for (int run = 0; run < 100; run++) {
      VerificationSample s = new VerificationSample(10);
      for (int i = 0; i < 100; i++) {
        s.offer(at(i), op("p" + ((i + run * 37) % 100) + "@x.example", null), Set.of());
      }
      assertThat(s.expected()).hasSize(10);
      s.expected().forEach(e -> kept.merge(e.email(), 1, Integer::sum));
    }
    assertThat(kept).hasSizeGreaterThan(90);
    assertThat(kept.values()).allSatisfy(n -> assertThat(n).isLessThan(30));

    VerificationSample none = new VerificationSample(0);
    none.offer(at(1), op("a@x.example", "A"), Set.of());
    assertThat(none.expected()).isEmpty();
  }

  @Test
  void everyDifferenceIsNamedWithTheRecordsPosition() {
    VerificationSample s = new VerificationSample(5);
    s.offer(
        at(7),
        op("a@x.example", "Ann", Detail.of("Phone", "1"), Detail.of("Tier", "Gold")),
        Set.of("o1", "o2"));
    Expected e = s.expected().get(0);

    List<String> problems = new ArrayList<>();
    VerificationPhase.compare(e, null, problems);
    assertThat(problems)
        .containsExactly("contacts.csv:8 (record 7): customer a@x.example is not in CSM");

    problems.clear();
    CustomerRecord same =
        CustomerRecord.builder()
            .id("c1")
            .email("a@x.example")
            .displayName("Ann")
            .addDetails(Detail.of("Phone", "1"), Detail.of("Tier", "Gold"), Detail.of("Extra", "x"))
            .addOrganizations(
                OrganizationRef.of("o2", null),
                OrganizationRef.of("o1", null),
                OrganizationRef.of("o3", null))
            .build();
    VerificationPhase.compare(e, same, problems);
    assertThat(problems).isEmpty();

    CustomerRecord other =
        CustomerRecord.builder()
            .id("c1")
            .email("a@x.example")
            .displayName("Anne")
            .addDetails(Detail.of("Phone", "2"))
            .addOrganizations(OrganizationRef.of("o1", null))
            .build();
    VerificationPhase.compare(e, other, problems);
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "contacts.csv:8 (record 7): customer a@x.example has display name 'Anne', expected 'Ann'",
            "contacts.csv:8 (record 7): customer a@x.example belongs to organizations [o1], expected [o1, o2]",
            "contacts.csv:8 (record 7): customer a@x.example has Phone = [2], expected [1]",
            "contacts.csv:8 (record 7): customer a@x.example has Tier = [], expected [Gold]");
  }

  @Test
  void checkingNoneOfTheImportedCustomersIsNoPass() {
    // before: passed() was true with 0 customers checked out of 5 imported
    assertThat(new Verification(0, 5, List.of(), List.of()).passed()).isFalse();
    assertThat(new Verification(5, 5, List.of(), List.of()).passed()).isTrue();
    assertThat(new Verification(0, 0, List.of(), List.of()).passed()).isTrue(); // nothing to check
    assertThat(Verification.SKIPPED.passed()).isTrue();
  }
}
