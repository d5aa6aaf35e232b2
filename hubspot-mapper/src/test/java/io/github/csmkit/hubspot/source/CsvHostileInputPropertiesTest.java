package io.github.csmkit.hubspot.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile CSV exports: random text and bytes, unbalanced quotes, a BOM, mixed line endings, huge
 * cells and wrong column counts. A bad row is a {@link SourceRecord.Rejected} naming its line; a
 * bad file is a {@link HubSpotSourceException} naming the file and line; nothing else is ever
 * thrown.
 */
class CsvHostileInputPropertiesTest {
  private static final String NAME = "hostile.csv";
  private static final String HEADER = "Record ID,Email,First Name,Associated Company IDs";
  private static final int COLUMNS = 4;

  /** What a source yielded, or the file-level error it threw. */
  private record Outcome(List<SourceRecord<HubSpotContact>> items, HubSpotSourceException error) {}

  private static Outcome read(Reader in) {
    List<SourceRecord<HubSpotContact>> items = new ArrayList<>();
    try (CsvExportSource<HubSpotContact> source =
        CsvExportSource.contacts(in, NAME, PropertyCatalog.empty())) {
      for (SourceRecord<HubSpotContact> r : source) {
        items.add(r);
      }
      return new Outcome(items, null);
    } catch (HubSpotSourceException e) {
      return new Outcome(items, e);
    }
  }

  /** Reads bytes as a file, through {@link CsvExportSource#contacts(java.nio.file.Path)}. */
  private static Outcome readFile(byte[] bytes) {
    java.nio.file.Path file = null;
    try {
      file = java.nio.file.Files.createTempFile("hostile", ".csv");
      java.nio.file.Files.write(file, bytes);
      List<SourceRecord<HubSpotContact>> items = new ArrayList<>();
      try (CsvExportSource<HubSpotContact> source = CsvExportSource.contacts(file)) {
        for (SourceRecord<HubSpotContact> r : source) {
          items.add(r);
        }
        return new Outcome(items, null);
      } catch (HubSpotSourceException e) {
        assertThat(e.source()).isEqualTo(file.toString());
        return new Outcome(items, e);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  /** The number of physical lines a reader of {@code text} sees (CR, LF and CRLF each end one). */
  private static long physicalLines(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    boolean endsWithBreak = !text.isEmpty() && (text.endsWith("\n") || text.endsWith("\r"));
    return endsWithBreak ? n : n + 1;
  }

  /**
   * The invariants of every outcome: records in file order, within the file, each bad one
   * explained.
   */
  private static void checkInvariants(Outcome o, long lines) {
    if (o.error() != null) {
      HubSpotSourceException e = o.error();
      assertThat(e.source()).isEqualTo(NAME);
      assertThat(e.line()).isBetween(1L, lines + 1);
      assertThat(e.getMessage()).startsWith(NAME + ":" + e.line() + ": ");
    }
    long previousLine = 1; // the header
    long number = 0;
    for (SourceRecord<HubSpotContact> r : o.items()) {
      SourcePosition p = r.position();
      assertThat(p.source()).isEqualTo(NAME);
      assertThat(p.line())
          .as("records come in file order, after the header")
          .isGreaterThan(previousLine);
      assertThat(p.line()).isLessThanOrEqualTo(lines);
      assertThat(p.record()).isEqualTo(++number);
      previousLine = p.line();
      if (r instanceof SourceRecord.Rejected<HubSpotContact> bad) {
        assertThat(bad.reason()).isNotBlank();
        assertThat(bad.excerpt().length())
            .isLessThanOrEqualTo(SourceRecord.Rejected.MAX_EXCERPT + 1);
      } else {
        HubSpotContact c = ((SourceRecord.Parsed<HubSpotContact>) r).value();
        assertThat(c.id()).isNotBlank();
      }
    }
  }

  // ---------------------------------------------------------------- arbitrary text and bytes

  @Provide
  Arbitrary<String> csvish() {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.of(
                ",",
                "\"",
                "\"\"",
                "\n",
                "\r\n",
                "\r",
                "\uFEFF",
                "\0",
                " ",
                ";",
                "{",
                "[",
                "Record ID",
                "Email",
                "Record ID,Email",
                "Record ID,Email,First Name\n",
                "ada@example.com",
                "1",
                "é",
                "\uD83D\uDE00",
                "\u00A0",
                "\t"),
            Arbitraries.strings().ofMaxLength(8));
    return fragment.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void anyTextIsReadOrRefusedWithItsLine(@ForAll("csvish") String text) {
    checkInvariants(read(new StringReader(text)), physicalLines(text));
  }

  @Property(tries = 1000)
  void anyTextAfterAValidHeaderAccountsForEveryRecord(
      @ForAll("csvish") String body, @ForAll boolean bom) {
    String text = (bom ? "\uFEFF" : "") + HEADER + "\r\n" + body;
    Outcome o = read(new StringReader(text));
    assertThat(o.error()).as("a valid header opens the file").isNull();
    checkInvariants(o, physicalLines(text));
  }

  @Property(tries = 1000)
  void randomBytesAreReadOrRefusedAsNotUtf8(
      @ForAll @Size(max = 400) byte[] bytes, @ForAll boolean withHeader) {
    byte[] head = withHeader ? (HEADER + "\n").getBytes(StandardCharsets.UTF_8) : new byte[0];
    byte[] all = new byte[head.length + bytes.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bytes, 0, all, head.length, bytes.length);
    Reader in =
        new InputStreamReader(
            new ByteArrayInputStream(all),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    Outcome o = read(in);
    // the decoded prefix bounds the lines; count them on a lenient decoding
    checkInvariants(o, physicalLines(new String(all, StandardCharsets.UTF_8)));
    if (o.error() != null && o.error().getMessage().contains("UTF-8")) {
      assertThat(o.error().getMessage()).contains("not UTF-8 text");
    }
  }

  @Property(tries = 1000)
  void aByteThatIsNotUtf8IsRefusedAtItsLineAfterTheRowsBeforeIt(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 40) int rows,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 900) int width,
      @ForAll("lineEnding") String eol,
      @ForAll java.util.Random random) {
    int badRow = 1 + random.nextInt(rows);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes((HEADER + eol).getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i <= rows; i++) {
      String row = i + ",r" + i + "@example.com," + "é".repeat(random.nextInt(width + 1)) + ",";
      byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
      if (i == badRow) {
        bytes[2 + random.nextInt(bytes.length - 2)] = (byte) 0xFF;
      }
      out.writeBytes(bytes);
      out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
    }
    Outcome o = readFile(out.toByteArray());
    assertThat(o.error()).isNotNull();
    assertThat(o.error().line()).as("the line of the bad byte").isEqualTo(badRow + 1L);
    assertThat(o.error().getMessage()).contains("not UTF-8");
    assertThat(o.items()).hasSize(badRow - 1).allMatch(r -> r instanceof SourceRecord.Parsed);
  }

  @Example
  void aBadByteOnTheSecondLineIsReportedThere() {
    // found by the property above: InputStreamReader dropped the header decoded with the bad byte,
    // so the file error said line 1
    byte[] bytes = (HEADER + "\n1,a@example.com,X,\n").getBytes(StandardCharsets.UTF_8);
    bytes[HEADER.length() + 1 + 2] = (byte) 0xFF;
    Outcome o = readFile(bytes);
    assertThat(o.error()).isNotNull();
    assertThat(o.error().line()).isEqualTo(2);
    assertThat(o.items()).isEmpty();
  }

  /**
   * Mostly valid UTF-8 (ASCII, two-, three- and four-byte characters, line ends), with at most a
   * few hostile bytes spliced in: a lone continuation byte, a truncated sequence, an overlong form,
   * a surrogate, 0xFF. Purely random bytes would be invalid almost every time, so the property
   * would mostly compare an error with an error.
   */
  @Provide
  static Arbitrary<byte[]> mostlyUtf8() {
    Arbitrary<byte[]> good =
        Arbitraries.of("a", "Z", "1", ",", "\"", "\n", "\r\n", "é", "ß", "中", "€", "\uD83D\uDE00")
            .map(t -> t.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bad =
        Arbitraries.of(
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xE4, (byte) 0xB8},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF});
    Arbitrary<byte[]> piece = Arbitraries.frequencyOf(Tuple.of(60, good), Tuple.of(1, bad));
    return piece
        .list()
        .ofMaxSize(200)
        .map(
            pieces -> {
              java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
              pieces.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  /** The text a decoder hands out before it stops, and whether it stopped at a bad byte. */
  private record Decoded(String text, boolean failed) {}

  @Property(tries = 1000)
  void aFileDecodesLikeTheJdkUpToItsFirstBadByte(
      @ForAll("mostlyUtf8") byte[] bytes, @ForAll boolean header) {
    byte[] all = header ? concat((HEADER + "\n").getBytes(StandardCharsets.UTF_8), bytes) : bytes;
    Decoded jdk = decodeWithJdk(all);
    Decoded ours = decodeWithUtf8Reader(all);
    Statistics.label("stops at a bad byte").collect(jdk.failed());
    assertThat(ours).isEqualTo(jdk);
    Statistics.label("stops at a bad byte")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p >= 10);
              c.check(false).percentage(p -> p >= 10);
            });
  }

  @Example
  void theCharactersBeforeABadByteAreHandedOut() {
    byte[] all = concat("ab中".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, 'c'});
    assertThat(decodeWithUtf8Reader(all)).isEqualTo(new Decoded("ab中", true));
    assertThat(decodeWithJdk(all)).isEqualTo(new Decoded("ab中", true));
  }

  private static Decoded decodeWithUtf8Reader(byte[] all) {
    StringBuilder out = new StringBuilder();
    try (Reader r =
        new io.github.csmkit.hubspot.internal.Utf8Reader(new ByteArrayInputStream(all))) {
      slurp(r, out);
      return new Decoded(out.toString(), false);
    } catch (java.io.IOException e) {
      return new Decoded(out.toString(), true);
    }
  }

  /** The JDK's strict decoder over the whole input: the prefix before the first error. */
  private static Decoded decodeWithJdk(byte[] all) {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(all.length + 2);
    java.nio.charset.CoderResult r = decoder.decode(java.nio.ByteBuffer.wrap(all), out, true);
    boolean failed = r.isError();
    if (!failed) {
      decoder.flush(out);
    }
    return new Decoded(out.flip().toString(), failed);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Reads everything with buffers of 1 to 7 chars, to cross every boundary. */
  private static void slurp(Reader r, StringBuilder out) throws java.io.IOException {
    char[] buf = new char[7];
    int size = 1;
    int n;
    while ((n = r.read(buf, 0, size)) >= 0) {
      out.append(buf, 0, n);
      size = size % 7 + 1;
    }
  }

  // ---------------------------------------------------------------- rows with a known fate

  /** One generated data row: its text, and whether it must parse (with which id and email). */
  private record Row(String text, boolean good, String id, String email) {}

  private static Arbitrary<String> plainText() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars(' ', '@', '.', ';', '-', '\t')
            .ofMaxLength(12),
        Arbitraries.of("ada@example.com", "é@ü.de", "\uD83D\uDE00", "a\u00A0b", "  ", ""));
  }

  /** A cell that reads back as {@code value}: plain, or quoted with commas and doubled quotes. */
  private static Arbitrary<String[]> goodCell() {
    Arbitrary<String[]> plain = plainText().map(s -> new String[] {s, s});
    Arbitrary<String[]> quoted =
        Combinators.combine(
                plainText(), Arbitraries.of("", ",", "\"", "a,\"b\"", ", "), plainText())
            .as((a, mid, b) -> a + mid + b)
            .map(v -> new String[] {"\"" + v.replace("\"", "\"\"") + "\"", v});
    return Arbitraries.oneOf(plain, quoted);
  }

  private static Arbitrary<Row> goodRow() {
    return goodCell()
        .list()
        .ofSize(COLUMNS)
        .filter(cells -> !cells.get(0)[1].trim().isEmpty())
        .map(
            cells -> {
              List<String> raw = cells.stream().map(c -> c[0]).toList();
              String email = cells.get(1)[1].trim();
              return new Row(String.join(",", raw), true, cells.get(0)[1].trim(), email);
            });
  }

  private static Arbitrary<Row> badRow() {
    Arbitrary<Row> wrongCount =
        goodCell()
            .list()
            .ofMinSize(1)
            .ofMaxSize(9)
            .filter(cells -> cells.size() != COLUMNS)
            .map(
                cells ->
                    new Row(
                        String.join(",", cells.stream().map(c -> c[0]).toList()),
                        false,
                        null,
                        null));
    Arbitrary<Row> noId =
        goodCell()
            .list()
            .ofSize(COLUMNS - 1)
            .map(
                cells ->
                    new Row(
                        "  ," + String.join(",", cells.stream().map(c -> c[0]).toList()),
                        false,
                        null,
                        null));
    Arbitrary<Row> textAfterClosingQuote =
        Combinators.combine(
                plainText(), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5))
            .as((v, junk) -> new Row("1,\"" + v + "\"" + junk + ",x,y", false, null, null));
    return Arbitraries.oneOf(wrongCount, noId, textAfterClosingQuote);
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> blank = Arbitraries.of(new Row("", false, null, null));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, goodRow()),
            net.jqwik.api.Tuple.of(3, badRow()),
            net.jqwik.api.Tuple.of(1, blank))
        .list()
        .ofMaxSize(25);
  }

  @Provide
  Arbitrary<String> lineEnding() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  @Property(tries = 1000)
  void everyRowIsParsedOrRejectedAtItsOwnLine(
      @ForAll("rows") List<Row> rows,
      @ForAll("lineEnding") String eol,
      @ForAll boolean bom,
      @ForAll boolean openQuoteAtTheEnd,
      @ForAll boolean trailingBreak) {
    StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "").append(HEADER);
    List<Row> all = new ArrayList<>(rows);
    if (openQuoteAtTheEnd) {
      all.add(new Row("7,\"never closed,x,y", false, null, null));
    }
    for (Row r : all) {
      text.append(eol).append(r.text());
    }
    if (trailingBreak) {
      text.append(eol);
    }
    Outcome o = read(new StringReader(text.toString()));
    assertThat(o.error()).isNull();
    checkInvariants(o, physicalLines(text.toString()));

    List<SourceRecord<HubSpotContact>> items = o.items();
    List<Long> expectedLines = new ArrayList<>();
    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).text().isEmpty()) {
        expectedLines.add(i + 2L);
        expected.add(all.get(i));
      }
    }
    assertThat(items)
        .as("one record per non-blank row: none dropped, none merged")
        .hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Row row = expected.get(i);
      SourceRecord<HubSpotContact> item = items.get(i);
      assertThat(item.position().line()).isEqualTo(expectedLines.get(i));
      if (row.good()) {
        assertThat(item).as("row %s", row.text()).isInstanceOf(SourceRecord.Parsed.class);
        HubSpotContact c = ((SourceRecord.Parsed<HubSpotContact>) item).value();
        assertThat(c.id()).isEqualTo(row.id());
        assertThat(c.properties().getOrDefault("email", "")).isEqualTo(row.email());
      } else {
        assertThat(item).as("row %s", row.text()).isInstanceOf(SourceRecord.Rejected.class);
        SourceRecord.Rejected<HubSpotContact> bad = (SourceRecord.Rejected<HubSpotContact>) item;
        assertThat(bad.reason()).isNotBlank();
        String excerpt =
            row.text().length() > SourceRecord.Rejected.MAX_EXCERPT
                ? row.text().substring(0, SourceRecord.Rejected.MAX_EXCERPT) + "…"
                : row.text();
        assertThat(bad.excerpt()).isEqualTo(excerpt);
      }
    }
  }

  // ---------------------------------------------------------------- huge cells: a few large cases

  @Example
  void aHugeUnquotedCellOnOneLineIsRejectedAtItsLineAndTheNextRowIsRead() {
    // issue 16: a row this large would fail its whole batch at CSM (and a 21-million-character
    // line held whole exhausted a 128 MB heap); it is rejected alone, with its line
    String huge = "x".repeat(3 * CsvExportSource.MAX_RECORD_CHARS);
    String text = HEADER + "\n1," + huge + "@example.com,Ada,\n2,b@example.com,Bo,\n";
    Outcome o = read(new StringReader(text));
    assertThat(o.error()).isNull();
    assertThat(o.items()).hasSize(2);
    assertThat(o.items().get(0))
        .isInstanceOfSatisfying(
            SourceRecord.Rejected.class,
            r -> {
              assertThat(r.position().line()).isEqualTo(2);
              assertThat(r.reason()).contains("longer than");
            });
    assertThat(o.items().get(1)).isInstanceOf(SourceRecord.Parsed.class);
  }

  @Example
  void aCellJustWithinTheLimitOnOneLineIsRead() {
    String email = "x".repeat(CsvExportSource.MAX_RECORD_CHARS - 40) + "@example.com";
    String text = HEADER + "\n1," + email + ",Ada,\n";
    Outcome o = read(new StringReader(text));
    assertThat(o.items()).singleElement().isInstanceOf(SourceRecord.Parsed.class);
  }

  @Example
  void aQuotedCellJustWithinTheLimitIsOneRecord() {
    String line = "y".repeat(999);
    int count = (CsvExportSource.MAX_RECORD_CHARS - 100) / 1000;
    String cell = String.join("\n", java.util.Collections.nCopies(count, line));
    String text = HEADER + "\n1,a@example.com,\"" + cell + "\",\n2,b@example.com,Bo,\n";
    Outcome o = read(new StringReader(text));
    assertThat(o.error()).isNull();
    assertThat(o.items()).hasSize(2).allMatch(r -> r instanceof SourceRecord.Parsed);
    HubSpotContact first = ((SourceRecord.Parsed<HubSpotContact>) o.items().get(0)).value();
    assertThat(first.properties().get("firstname")).isEqualTo(cell);
    assertThat(o.items().get(1).position().line()).isEqualTo(2 + count);
  }

  @Example
  void aQuotedCellPastTheLimitIsRejectedAtItsLineAndTheSwallowedLinesAreReadAgain() {
    String line = "z".repeat(999);
    int count = 2 * CsvExportSource.MAX_RECORD_CHARS / 1000;
    String cell = String.join("\n", java.util.Collections.nCopies(count, line));
    String text = HEADER + "\n1,a@example.com,\"" + cell + "\",\n2,b@example.com,Bo,\n";
    Outcome o = read(new StringReader(text));
    assertThat(o.error()).isNull();
    checkInvariants(o, physicalLines(text));
    // line 2 opens the quote and is rejected; each swallowed line is a record of its own
    assertThat(o.items()).hasSize(count + 1);
    SourceRecord.Rejected<HubSpotContact> opened =
        (SourceRecord.Rejected<HubSpotContact>) o.items().get(0);
    assertThat(opened.position().line()).isEqualTo(2);
    assertThat(opened.reason()).contains("unbalanced quote").contains("line 2");
    SourceRecord<HubSpotContact> last = o.items().get(count);
    assertThat(last.position().line()).isEqualTo(2 + count);
    assertThat(last).isInstanceOf(SourceRecord.Parsed.class);
  }

  @Example
  void anOpenQuoteInTheMiddleRejectsOnlyItsLine() {
    String text =
        HEADER + "\n1,\"never closed,Ada,\n2,b@example.com,Bo,\n3,c@example.com,Cy,9001\n";
    Outcome o = read(new StringReader(text));
    assertThat(o.error()).isNull();
    assertThat(o.items()).extracting(r -> r.position().line()).containsExactly(2L, 3L, 4L);
    assertThat(o.items().get(0)).isInstanceOf(SourceRecord.Rejected.class);
    assertThat(o.items().subList(1, 3)).allMatch(r -> r instanceof SourceRecord.Parsed);
  }
}
