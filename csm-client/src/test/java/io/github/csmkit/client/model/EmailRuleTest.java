package io.github.csmkit.client.model;

import static io.github.csmkit.client.model.ModelAssertions.assertViolation;
import static io.github.csmkit.client.model.ModelAssertions.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.csmkit.client.error.Violation.Rule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guide's email pattern {@code ^[^\s@]+@[^\s@]+\.[^\s@]+$}, Unicode spaces included. */
class EmailRuleTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "john.doe@example.com",
        "a@b.c",
        "first+tag@sub.example.co.uk",
        "x@b..c",
        "Jörg@bücher.de",
        "o'brien@example.com",
        "qm:1@x.y"
      })
  void theGuidesPatternAccepts(String email) {
    assertThat(Emails.isValid(email)).isTrue();
    assertThat(CustomerAccount.of(email).violations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.com",
        "john@",
        "john@example",
        "john@@example.com",
        "john@.com",
        "john@example.",
        "john doe@example.com",
        "john@exa mple.com",
        " john@example.com",
        "john@example.com ",
        "john\t@example.com",
        "john@example.com\n",
        "a@b@c.d"
      })
  void theGuidesPatternRefuses(String email) {
    assertViolation(
        single(() -> CustomerAccountBatch.of(List.of(CustomerAccount.of(email)))),
        0,
        "email",
        Rule.EMAIL_FORMAT,
        "'" + email + "' is not a valid email");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00A0", "\u1680", "\u2000", "\u2007", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F",
        "\u3000", "\uFEFF"
      })
  void unicodeSpacesAreSpacesToo(String space) {
    for (String email :
        List.of(
            "john" + space + "doe@example.com",
            "john@exa" + space + "mple.com",
            "john@example.c" + space + "om",
            space + "john@example.com")) {
      assertThat(Emails.isValid(email)).as("U+%04X in %s", (int) space.charAt(0), email).isFalse();
      assertThat(CustomerAccount.of(email).violations())
          .extracting(v -> v.rule())
          .containsAnyOf(Rule.EMAIL_FORMAT, Rule.EMAIL_REQUIRED);
    }
  }

  @Test
  void aNoBreakSpaceIsAFormatErrorAndAnIdeographicSpaceAloneIsNoEmailAtAll() {
    assertViolation(
        single(() -> CustomerAccountBatch.of(List.of(CustomerAccount.of("a\u00A0b@example.com")))),
        0,
        "email",
        Rule.EMAIL_FORMAT,
        "'a\u00A0b@example.com' is not a valid email");
    // String.isBlank counts U+3000 as blank: there is no email
    assertViolation(
        single(() -> CustomerAccountBatch.of(List.of(CustomerAccount.of("\u3000")))),
        0,
        "email",
        Rule.EMAIL_REQUIRED,
        "a customer account needs an email");
  }

  @Test
  void thousandsOfCharactersAreCheckedQuickly() {
    String longValid = "a".repeat(5_000) + "@" + "b".repeat(5_000) + ".com";
    String longInvalid = "a@" + "b.".repeat(10_000) + " ";
    String manyAts = "@".repeat(10_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThat(Emails.isValid(longValid)).isTrue();
          assertThat(Emails.isValid(longInvalid)).isFalse();
          assertThat(Emails.isValid(manyAts)).isFalse();
          assertThat(CustomerAccount.of(longInvalid).violations())
              .extracting(v -> v.rule())
              .containsExactly(Rule.EMAIL_FORMAT);
        });
  }
}
