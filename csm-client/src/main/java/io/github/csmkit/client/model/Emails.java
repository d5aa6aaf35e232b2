package io.github.csmkit.client.model;

/**
 * The email rule every customer operation is checked against: the guide's pattern {@code
 * ^[^\s@]+@[^\s@]+\.[^\s@]+$}, with Unicode spaces (no-break, ideographic, ...) counted as spaces
 * too. Use it to validate addresses before building operations (the guide's advice); the batch
 * builders apply it anyway.
 */
public final class Emails {
  private Emails() {}

  /**
   * True when {@code email} has one {@code @} with something before it, a dot inside the part after
   * it, and no space of any kind. One pass, no regular expression: fast on long hostile input.
   */
  public static boolean isValid(String email) {
    int at = -1;
    int n = email.length();
    for (int i = 0; i < n; i++) {
      char c = email.charAt(i);
      if (c == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      } else if (isSpace(c)) {
        return false;
      }
    }
    if (at < 1) {
      return false;
    }
    // the domain needs a dot with at least one character before and after it
    for (int i = at + 2; i <= n - 2; i++) {
      if (email.charAt(i) == '.') {
        return true;
      }
    }
    return false;
  }

  /** Java's {@code \s} plus the Unicode spaces it leaves out. */
  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000'
        || c == '\uFEFF';
  }
}
