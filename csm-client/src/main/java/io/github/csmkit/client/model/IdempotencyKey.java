package io.github.csmkit.client.model;

import io.github.csmkit.client.error.CsmValidationException;
import io.github.csmkit.client.error.Violation;
import io.github.csmkit.client.error.Violation.Rule;
import java.util.List;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of one logical batch. The server answers the same key and the same
 * body with the same task, so a retry cannot create anything twice; the same key with another body
 * is an {@link io.github.csmkit.client.error.IdempotencyConflictException}.
 *
 * <p>A key is 1 to 255 printable ASCII characters (the most widely used limit, stripe's; the API
 * documents none).
 */
public final class IdempotencyKey {
  /** The longest key accepted. */
  public static final int MAX_LENGTH = 255;

  private final String value;

  private IdempotencyKey(String value) {
    this.value = value;
  }

  /** A fresh random key (a UUID), as the API suggests. */
  public static IdempotencyKey random() {
    return new IdempotencyKey(UUID.randomUUID().toString());
  }

  /**
   * A caller's key, checked: not blank, at most 255 characters, printable ASCII only.
   *
   * @throws CsmValidationException naming the rule the key breaks
   */
  public static IdempotencyKey of(String value) {
    String problem = null;
    if (value == null || value.isBlank()) {
      problem = "an idempotency key must not be blank";
    } else if (value.length() > MAX_LENGTH) {
      problem =
          "an idempotency key has at most "
              + MAX_LENGTH
              + " characters, this one has "
              + value.length();
    } else if (!value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      problem = "an idempotency key holds printable ASCII characters only, without spaces";
    }
    if (problem != null) {
      throw new CsmValidationException(
          "Idempotency-Key",
          List.of(Violation.of("Idempotency-Key", Rule.VALUE_REQUIRED, problem)));
    }
    return new IdempotencyKey(value);
  }

  /** The key as sent in the {@code Idempotency-Key} header. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdempotencyKey k && k.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
