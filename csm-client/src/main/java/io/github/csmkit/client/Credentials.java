package io.github.csmkit.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How the client authenticates: an OAuth 2.0 / service bearer token (recommended) or basic
 * authentication with an email and an API token. The secret never appears in {@link #toString()},
 * logs, events or exception messages.
 */
public final class Credentials {
  private final String scheme;
  private final String secretHeader;
  private final String secret;

  private Credentials(String scheme, String secretHeader, String secret) {
    this.scheme = scheme;
    this.secretHeader = secretHeader;
    this.secret = secret;
  }

  /**
   * {@code Authorization: Bearer <token>}.
   *
   * @throws IllegalArgumentException if the token is null or blank
   */
  public static Credentials bearer(String token) {
    requireText(token, "token");
    return new Credentials("Bearer", "Bearer " + token, token);
  }

  /**
   * {@code Authorization: Basic base64(email:apiToken)}. The CSM reference calls basic auth
   * possible for scripts; bearer tokens are the recommended way.
   *
   * @throws IllegalArgumentException if either is null or blank
   */
  public static Credentials basic(String email, String apiToken) {
    requireText(email, "email");
    requireText(apiToken, "apiToken");
    String encoded =
        Base64.getEncoder()
            .encodeToString((email + ":" + apiToken).getBytes(StandardCharsets.UTF_8));
    return new Credentials("Basic", "Basic " + encoded, apiToken);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
  }

  /** The {@code Authorization} header value; for the transport only. */
  String authorization() {
    return secretHeader;
  }

  /** Replaces every occurrence of the secret (and its header form) in a text. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    return text.replace(secretHeader, scheme + " [REDACTED]").replace(secret, "[REDACTED]");
  }

  /** The scheme only, for example {@code Credentials[Bearer, REDACTED]}. */
  @Override
  public String toString() {
    return "Credentials[" + scheme + ", REDACTED]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c && c.secretHeader.equals(secretHeader);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretHeader);
  }
}
