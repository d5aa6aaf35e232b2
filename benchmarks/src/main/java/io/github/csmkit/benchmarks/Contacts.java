package io.github.csmkit.benchmarks;

import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated HubSpot contacts, deterministic by index: every one valid and distinct, with the
 * properties the default mapping reads (name, email, phone, company, lead status, lifecycle stage).
 */
final class Contacts {
  private static final String[] LEAD_STATUS = {
    "NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "CONNECTED"
  };
  private static final String[] LIFECYCLE = {"lead", "customer", "subscriber", "opportunity"};
  private static final String[] COMPANY = {
    "Acme Corporation", "Tech Innovators", "Globex", "Initech"
  };

  private Contacts() {}

  static String email(long i) {
    return "customer" + i + "@example.com";
  }

  static Map<String, String> properties(long i) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("email", email(i));
    p.put("firstname", "First" + i);
    p.put("lastname", "Last" + (i % 997));
    p.put("phone", "+1-555-" + String.format("%07d", i % 10_000_000));
    p.put("company", COMPANY[(int) (i % COMPANY.length)]);
    p.put("hs_lead_status", LEAD_STATUS[(int) (i % LEAD_STATUS.length)]);
    p.put("lifecyclestage", LIFECYCLE[(int) (i % LIFECYCLE.length)]);
    return p;
  }

  static HubSpotContact contact(long i) {
    return new HubSpotContact(
        String.valueOf(100_000 + i),
        properties(i),
        List.of(),
        false,
        new SourcePosition("generated", 0, i + 1));
  }

  static List<HubSpotContact> list(int n) {
    List<HubSpotContact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(contact(i));
    }
    return out;
  }

  /** The name of generated company {@code c}. */
  static String companyName(long c) {
    return "Company " + c;
  }

  /** The lifecycle stage of contact {@code i}, or the next one when it {@code changed}. */
  static String lifecycle(long i, boolean changed) {
    return LIFECYCLE[(int) ((i + (changed ? 1 : 0)) % LIFECYCLE.length)];
  }

  /** Writes a companies export of {@code n} companies, ids 1 to n, one industry each. */
  static void writeCompaniesCsv(Path file, int n) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("hs_object_id,name,industry\n");
      for (int c = 1; c <= n; c++) {
        w.write(c + "," + companyName(c) + ",Software\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a contacts export of {@code n} rows, contact i a member of company {@code 1 + i %
   * companies} (its {@code associatedcompanyid} and company name), with the lifecycle stage of
   * those {@code changed} moved to the next one.
   */
  static void writeCsv(Path file, long n, int companies, java.util.function.LongPredicate changed) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "hs_object_id,email,firstname,lastname,phone,company,hs_lead_status,lifecyclestage,"
              + "associatedcompanyid\n");
      StringBuilder line = new StringBuilder(160);
      for (long i = 0; i < n; i++) {
        Map<String, String> p = properties(i);
        long company = 1 + i % companies;
        p.put("company", companyName(company));
        p.put("lifecyclestage", lifecycle(i, changed.test(i)));
        line.setLength(0);
        line.append(100_000 + i);
        for (String v : p.values()) {
          line.append(',').append(v);
        }
        line.append(',').append(company).append('\n');
        w.append(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a HubSpot-style contacts export (internal property names as headers) of n rows. */
  static void writeCsv(Path file, long n) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "hs_object_id,email,firstname,lastname,phone,company,hs_lead_status,lifecyclestage\n");
      StringBuilder line = new StringBuilder(160);
      for (long i = 0; i < n; i++) {
        Map<String, String> p = properties(i);
        line.setLength(0);
        line.append(100_000 + i);
        for (String v : p.values()) {
          line.append(',').append(v);
        }
        line.append('\n');
        w.append(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
