package io.github.csmkit.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

  /** A right-aligned number cell, keyed for tests and scripts. */
  static String cell(String key, long v) {
    return "<td class=\"n\" data-count=\"" + escape(key) + "\">" + number(v) + "</td>";
  }

  /** Up to {@link HtmlReport#GROUPS} items as a list, the rest counted. */
  static void list(StringBuilder h, JsonNode items, String what) {
    if (items.size() == 0) {
      return;
    }
    h.append("<ul>");
    int shown = 0;
    for (JsonNode item : items) {
      if (shown++ == HtmlReport.GROUPS) {
        break;
      }
      h.append("<li>").append(escape(item.asText())).append("</li>");
    }
    h.append("</ul>");
    if (items.size() > HtmlReport.GROUPS) {
      h.append("<p class=\"note\">")
          .append(number(items.size() - HtmlReport.GROUPS))
          .append(" more ")
          .append(what)
          .append(" in report.json.</p>");
    }
    h.append('\n');
  }

  /** An instant as {@code 2026-12-01 20:40:26 UTC}. */
  static String time(String instant) {
    try {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
          .withZone(java.time.ZoneOffset.UTC)
          .format(Instant.parse(instant));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }
}
