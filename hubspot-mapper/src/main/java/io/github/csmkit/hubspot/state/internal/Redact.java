package io.github.csmkit.hubspot.state.internal;

import java.util.regex.Pattern;

/** Strips credentials from JDBC URLs before they are shown anywhere. */
public final class Redact {
  // user:password@ in URLs such as jdbc:postgresql://user:secret@host/db
  private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?#]*@");
  // password=..., sslpassword=..., any key ending in "password", "secret", "token" or "key"
  private static final Pattern SECRET_PARAM =
      Pattern.compile("(?i)([?&;:]\\s*[a-z_.-]*(?:password|secret|token|key)\\s*=)[^&;]*");

  private Redact() {}

  /**
   * The URL with user info and password-like parameters replaced by {@code ***}.
   *
   * @param url a JDBC URL
   * @return the redacted URL
   */
  public static String url(String url) {
    String s = USER_INFO.matcher(url).replaceAll("$1***@");
    return SECRET_PARAM.matcher(s).replaceAll("$1***");
  }
}
