package io.github.csmkit.hubspot.source;

import io.github.csmkit.hubspot.internal.CsvRowReader;
import io.github.csmkit.hubspot.internal.LookAhead;
import io.github.csmkit.hubspot.internal.Utf8Reader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CSV file exported from HubSpot's UI, one row at a time.
 *
 * <p>Headers may be property labels ("Record ID", "Email", "Lead Status") or internal names ({@code
 * hs_object_id}, {@code email}); each header is resolved through a {@link PropertyCatalog} (by
 * label, then by name; an unknown header is kept as the property key). Enumeration cells holding an
 * option label ("In Progress") are translated to the internal value ({@code IN_PROGRESS}), each
 * part of a {@code ;}-joined multi-value on its own; {@code Yes}/{@code No} of boolean properties
 * become {@code true}/{@code false}. {@code Associated Company IDs} (and the older {@code Primary
 * Associated Company ID}) give a contact's company ids.
 *
 * <p>A row with the wrong number of cells, an unbalanced quote or no Record ID is yielded as {@link
 * SourceRecord.Rejected} with its line, and reading goes on. A file without a Record ID column (or,
 * for contacts, an Email column), or that is not UTF-8 CSV, fails with a {@link
 * HubSpotSourceException} when opened.
 *
 * @param <T> {@link HubSpotContact} or {@link HubSpotCompany}
 */
public final class CsvExportSource<T extends HubSpotRecord> implements RecordSource<T> {
  /** The longest a record may be, in characters: a longer row is rejected with its line. */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  private static final String ASSOCIATED_COMPANY_IDS = "associated company ids";
  private static final String PRIMARY_COMPANY_ID = "associatedcompanyid";

  private enum Kind {
    CONTACT,
    COMPANY
  }

  private record Column(
      String property, Optional<PropertyDefinition> definition, boolean companyIds) {}

  private final String sourceName;
  private final Kind kind;
  private final CsvRowReader reader;
  private final List<Column> columns;
  private final int idColumn;
  private boolean iterated;

  private CsvExportSource(Reader in, String sourceName, Kind kind, PropertyCatalog catalog) {
    this.sourceName = sourceName;
    this.kind = kind;
    this.reader = new CsvRowReader(in, MAX_RECORD_CHARS);
    try {
      CsvRowReader.Row header = readHeader();
      this.columns = resolve(header, catalog);
      this.idColumn = findId(header);
      if (kind == Kind.CONTACT && columns.stream().noneMatch(c -> c.property().equals("email"))) {
        throw new HubSpotSourceException(
            sourceName, header.line(), "no Email column in the header " + header.cells(), null);
      }
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /** Reads a contacts export with HubSpot's default labels; see the class description. */
  public static CsvExportSource<HubSpotContact> contacts(Path file) {
    return contacts(file, PropertyCatalog.empty());
  }

  /**
   * Reads a contacts export, resolving headers and labels with the default contact properties
   * overridden and extended by {@code catalog}.
   *
   * @throws HubSpotSourceException when the file cannot be opened, is not a CSV export, or lacks
   *     the Record ID or Email column
   */
  public static CsvExportSource<HubSpotContact> contacts(Path file, PropertyCatalog catalog) {
    return new CsvExportSource<>(
        open(file),
        file.toString(),
        Kind.CONTACT,
        PropertyCatalog.defaultContacts().merge(catalog));
  }

  /**
   * Reads a contacts export from a reader; {@code sourceName} names it in positions and errors.
   *
   * @throws HubSpotSourceException when it is not a CSV export or lacks a required column
   */
  public static CsvExportSource<HubSpotContact> contacts(
      Reader in, String sourceName, PropertyCatalog catalog) {
    return new CsvExportSource<>(
        in, sourceName, Kind.CONTACT, PropertyCatalog.defaultContacts().merge(catalog));
  }

  /** Reads a companies export with HubSpot's default labels; see the class description. */
  public static CsvExportSource<HubSpotCompany> companies(Path file) {
    return companies(file, PropertyCatalog.empty());
  }

  /**
   * Reads a companies export, resolving headers and labels with the default company properties
   * overridden and extended by {@code catalog}.
   *
   * @throws HubSpotSourceException when the file cannot be opened, is not a CSV export, or lacks
   *     the Record ID column
   */
  public static CsvExportSource<HubSpotCompany> companies(Path file, PropertyCatalog catalog) {
    return new CsvExportSource<>(
        open(file),
        file.toString(),
        Kind.COMPANY,
        PropertyCatalog.defaultCompanies().merge(catalog));
  }

  /**
   * Reads a companies export from a reader; {@code sourceName} names it in positions and errors.
   *
   * @throws HubSpotSourceException when it is not a CSV export or lacks the Record ID column
   */
  public static CsvExportSource<HubSpotCompany> companies(
      Reader in, String sourceName, PropertyCatalog catalog) {
    return new CsvExportSource<>(
        in, sourceName, Kind.COMPANY, PropertyCatalog.defaultCompanies().merge(catalog));
  }

  private static Reader open(Path file) {
    try {
      // not Files.newBufferedReader: it drops the lines decoded with a bad byte, so the error's
      // line was too early
      return new Utf8Reader(Files.newInputStream(file));
    } catch (IOException e) {
      throw new HubSpotSourceException(file.toString(), 0, "cannot open: " + e, e);
    }
  }

  /** The internal property names the columns resolved to, in column order. */
  public List<String> properties() {
    return columns.stream().map(Column::property).toList();
  }

  private CsvRowReader.Row readHeader() {
    CsvRowReader.Row header = readRow();
    if (header == null) {
      throw new HubSpotSourceException(sourceName, 1, "empty file, expected a CSV header", null);
    }
    if (header.error() != null) {
      throw new HubSpotSourceException(
          sourceName, header.line(), "not a CSV header: " + header.error(), null);
    }
    String first = header.cells().get(0).trim();
    if (first.startsWith("{") || first.startsWith("[") || header.raw().indexOf('\0') >= 0) {
      throw new HubSpotSourceException(
          sourceName, header.line(), "not a CSV export (looks like JSON or binary)", null);
    }
    return header;
  }

  private int findId(CsvRowReader.Row header) {
    for (int i = 0; i < header.cells().size(); i++) {
      String h = header.cells().get(i).trim().toLowerCase(Locale.ROOT);
      if (h.equals("record id") || h.equals("hs_object_id") || h.equals("id")) {
        return i;
      }
    }
    throw new HubSpotSourceException(
        sourceName, header.line(), "no Record ID column in the header " + header.cells(), null);
  }

  private static List<Column> resolve(CsvRowReader.Row header, PropertyCatalog catalog) {
    List<Column> out = new ArrayList<>();
    for (String raw : header.cells()) {
      String h = raw.trim();
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.equals(ASSOCIATED_COMPANY_IDS) || lower.equals("associatedcompanyids")) {
        out.add(new Column("associatedcompanyids", Optional.empty(), true));
        continue;
      }
      if (lower.equals("record id") || lower.equals("id")) {
        out.add(new Column("hs_object_id", Optional.empty(), false));
        continue;
      }
      Optional<PropertyDefinition> def = catalog.byLabel(h).or(() -> catalog.byName(h));
      String property = def.map(PropertyDefinition::name).orElse(h);
      out.add(new Column(property, def, property.equals(PRIMARY_COMPANY_ID)));
    }
    return out;
  }

  private CsvRowReader.Row readRow() {
    try {
      return reader.next();
    } catch (CharacterCodingException e) {
      throw new HubSpotSourceException(
          sourceName, reader.linesRead() + 1, "not UTF-8 text: " + e, e);
    } catch (IOException e) {
      throw new HubSpotSourceException(sourceName, reader.linesRead() + 1, "cannot read: " + e, e);
    }
  }

  @Override
  public Iterator<SourceRecord<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException("a CsvExportSource can be iterated once");
    }
    iterated = true;
    long[] count = {0};
    return LookAhead.of(
        () -> {
          CsvRowReader.Row row = readRow();
          return row == null ? null : toRecord(row, ++count[0]);
        });
  }

  @SuppressWarnings("unchecked")
  private SourceRecord<T> toRecord(CsvRowReader.Row row, long number) {
    SourcePosition pos = new SourcePosition(sourceName, row.line(), number);
    if (row.error() != null) {
      return new SourceRecord.Rejected<>(pos, row.raw(), row.error(), "UNBALANCED_QUOTE");
    }
    if (row.cells().size() != columns.size()) {
      return new SourceRecord.Rejected<>(
          pos,
          row.raw(),
          "wrong column count: expected " + columns.size() + " cells, found " + row.cells().size(),
          "COLUMN_COUNT");
    }
    String id = row.cells().get(idColumn).trim();
    if (id.isEmpty()) {
      return new SourceRecord.Rejected<>(pos, row.raw(), "no Record ID", "MISSING_ID");
    }
    Map<String, String> props = new LinkedHashMap<>();
    List<String> companyIds = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String cell = row.cells().get(i).trim();
      if (cell.isEmpty()) {
        continue;
      }
      Column col = columns.get(i);
      if (col.companyIds()) {
        for (String part : cell.split(";")) {
          String p = stripDecimal(part.trim());
          if (!p.isEmpty()) {
            companyIds.add(p);
          }
        }
        if (!col.property().equals(PRIMARY_COMPANY_ID)) {
          continue;
        }
      }
      props.putIfAbsent(col.property(), col.definition().map(d -> translate(d, cell)).orElse(cell));
    }
    if (kind == Kind.CONTACT) {
      return (SourceRecord<T>)
          new SourceRecord.Parsed<>(new HubSpotContact(id, props, companyIds, false, pos));
    }
    return (SourceRecord<T>) new SourceRecord.Parsed<>(new HubSpotCompany(id, props, false, pos));
  }

  private static String stripDecimal(String id) {
    return id.endsWith(".0") ? id.substring(0, id.length() - 2) : id;
  }

  /** Enumeration labels to internal values, Yes/No of booleans to true/false. */
  static String translate(PropertyDefinition def, String cell) {
    if ("bool".equals(def.type())) {
      if (cell.equalsIgnoreCase("yes")) {
        return "true";
      }
      if (cell.equalsIgnoreCase("no")) {
        return "false";
      }
      return cell;
    }
    if (def.options().isEmpty()) {
      return cell;
    }
    StringBuilder out = new StringBuilder();
    for (String part : cell.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(';');
      }
      boolean isValue = def.options().stream().anyMatch(o -> o.value().equals(p));
      out.append(isValue ? p : def.valueForLabel(p).orElse(p));
    }
    return out.toString();
  }

  private void closeQuietly() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // already failing with a clearer error
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "CsvExportSource[" + sourceName + "]";
  }
}
