package io.github.csmkit.client.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch or value broke a rule before anything was sent. {@link #violations()} lists every broken
 * rule with the item index, the field and the rule; the message names the first few.
 */
public class CsmValidationException extends CsmException {
  private static final long serialVersionUID = 1L;
  private static final int NAMED_IN_MESSAGE = 5;

  private final transient List<Violation> violations;

  /** A new exception for {@code what}, with every broken rule; the message names the first five. */
  public CsmValidationException(String what, List<Violation> violations) {
    super(message(what, violations));
    this.violations = List.copyOf(violations);
  }

  /** For a value that is missing a required attribute (thrown by value builders). */
  public CsmValidationException(String message) {
    super(message);
    this.violations = List.of();
  }

  /** Every broken rule; empty when thrown for a missing required attribute. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(String what, List<Violation> violations) {
    String named =
        violations.stream()
            .limit(NAMED_IN_MESSAGE)
            .map(Violation::toString)
            .collect(Collectors.joining("; "));
    int more = violations.size() - NAMED_IN_MESSAGE;
    return what
        + " breaks "
        + violations.size()
        + (violations.size() == 1 ? " rule: " : " rules: ")
        + named
        + (more > 0 ? "; and " + more + " more" : "");
  }
}
