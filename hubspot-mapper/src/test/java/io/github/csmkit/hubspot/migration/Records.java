package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small HubSpot records for the phases' tests. */
final class Records {
  private Records() {}

  /** A contact numbered {@code n} (its id and record number) with these properties. */
  static SourceRecord<HubSpotContact> contact(long n, String... properties) {
    return contact(String.valueOf(n), n, List.of(), properties);
  }

  static SourceRecord<HubSpotContact> contact(
      String id, long n, List<String> companyIds, String... properties) {
    return new SourceRecord.Parsed<>(
        new HubSpotContact(
            id, props(properties), companyIds, false, new SourcePosition("contacts", n + 1, n)));
  }

  /** A company numbered {@code n} with this name. */
  static SourceRecord<HubSpotCompany> company(long n, String name) {
    return new SourceRecord.Parsed<>(
        new HubSpotCompany(
            String.valueOf(n),
            name == null ? Map.of() : Map.of("name", name),
            false,
            new SourcePosition("companies", n + 1, n)));
  }

  /** A row the reader could not read. */
  static <T> SourceRecord<T> unreadable(String source, long n) {
    return new SourceRecord.Rejected<>(
        new SourcePosition(source, n + 1, n), "x,y", "wrong column count", "COLUMN_COUNT");
  }

  static HubSpotContact value(SourceRecord<HubSpotContact> r) {
    return ((SourceRecord.Parsed<HubSpotContact>) r).value();
  }

  private static Map<String, String> props(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
