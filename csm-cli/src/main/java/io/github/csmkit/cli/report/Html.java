package io.github.csmkit.cli.report;

import java.util.Locale;

/** HTML text: escaping (report rows hold whatever the export held) and number formatting. */
final class Html {
  private Html() {}

  /** Escaped for element content and quoted attribute values. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** 100000 as {@code 100,000}. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
