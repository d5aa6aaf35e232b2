package io.github.csmkit.hubspot.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.csmkit.hubspot.internal.LookAhead;
import io.github.csmkit.hubspot.internal.Utf8Reader;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads HubSpot CRM v3 object JSON from one or more files, one record at a time (Jackson's
 * streaming {@link JsonParser}; a page is never loaded whole).
 *
 * <p>A file may hold list pages {@code {"results":[{"id","properties","associations","archived"}],
 * "paging":{...}}} (one or several, one after another), a JSON array of objects, single objects, or
 * JSON Lines (one object or page per line; chosen when the file ends in {@code .jsonl} or {@code
 * .ndjson}, or its first line is a complete object that is not a page). A contact's companies come
 * from {@code associations.companies.results[].id} (repeats dropped), else from the {@code
 * associatedcompanyid} property.
 *
 * <p>An object without an id, or a JSON Lines line that is not valid JSON, is a {@link
 * SourceRecord.Rejected}. A file that cannot be opened, or a syntax error in a page file (which
 * cannot be resynchronised), is a {@link HubSpotSourceException} naming the file and line.
 *
 * @param <T> {@link HubSpotContact} or {@link HubSpotCompany}
 */
public final class CrmJsonSource<T extends HubSpotRecord> implements RecordSource<T> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Path> files;
  private final JsonRecords.Factory<T> factory;
  private FileReader<T> current;
  private int fileIndex;
  private boolean iterated;

  private CrmJsonSource(List<Path> files, JsonRecords.Factory<T> factory) {
    this.files = List.copyOf(files);
    this.factory = factory;
  }

  /** Contacts from these files, read in order. */
  public static CrmJsonSource<HubSpotContact> contacts(List<Path> files) {
    return new CrmJsonSource<>(files, JsonRecords.CONTACT);
  }

  /** Contacts from these files, read in order. */
  public static CrmJsonSource<HubSpotContact> contacts(Path... files) {
    return contacts(List.of(files));
  }

  /** Companies from these files, read in order. */
  public static CrmJsonSource<HubSpotCompany> companies(List<Path> files) {
    return new CrmJsonSource<>(files, JsonRecords.COMPANY);
  }

  /** Companies from these files, read in order. */
  public static CrmJsonSource<HubSpotCompany> companies(Path... files) {
    return companies(List.of(files));
  }

  @Override
  public Iterator<SourceRecord<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException("a CrmJsonSource can be iterated once");
    }
    iterated = true;
    return LookAhead.of(this::advance);
  }

  /** The next record over all the files, or null after the last. */
  private SourceRecord<T> advance() {
    while (true) {
      if (current == null) {
        if (fileIndex >= files.size()) {
          return null;
        }
        current = open(files.get(fileIndex++));
      }
      SourceRecord<T> next = current.next();
      if (next != null) {
        return next;
      }
      closeCurrent();
    }
  }

  private FileReader<T> open(Path file) {
    String name = file.toString();
    try {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean lines =
          lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || firstLineIsRecord(file);
      // not Files.newBufferedReader: it drops the lines decoded with a bad byte, so the error's
      // line was too early
      BufferedReader in = new BufferedReader(new Utf8Reader(Files.newInputStream(file)));
      return lines ? new LinesReader(in, name) : new StreamReader(in, name);
    } catch (IOException e) {
      throw new HubSpotSourceException(name, 0, "cannot open: " + e, e);
    }
  }

  private static boolean firstLineIsRecord(Path file) throws IOException {
    try (BufferedReader in = new BufferedReader(new Utf8Reader(Files.newInputStream(file)))) {
      String line;
      while ((line = in.readLine()) != null) {
        String t = line.strip();
        if (t.startsWith("\uFEFF")) {
          t = t.substring(1);
        }
        if (t.isEmpty()) {
          continue;
        }
        if (!t.startsWith("{") || !t.endsWith("}")) {
          return false;
        }
        try {
          JsonNode n = JSON.readTree(t);
          return n.isObject() && !n.has("results");
        } catch (JsonProcessingException e) {
          return false;
        }
      }
      return false;
    } catch (CharacterCodingException e) {
      return false; // the reader proper reports it, with its line
    }
  }

  private interface FileReader<R> extends Closeable {
    /** The next item of this file, or null at its end. */
    SourceRecord<R> next();
  }

  /** Pages, arrays and single objects, streamed token by token. */
  private final class StreamReader implements FileReader<T> {
    private final String name;
    private final JsonParser parser;
    private final Deque<SourceRecord<T>> pending = new ArrayDeque<>();
    private long count;
    private boolean inArray;
    private boolean inObject;
    private boolean inResults;
    private boolean sawResults;
    private ObjectNode rest;
    private long objectLine;
    private boolean sawToken;

    StreamReader(BufferedReader in, String name) throws IOException {
      this.name = name;
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      this.parser = JSON.createParser(in);
    }

    @Override
    public SourceRecord<T> next() {
      try {
        while (pending.isEmpty()) {
          if (!step()) {
            return null;
          }
        }
        return pending.poll();
      } catch (JsonProcessingException e) {
        // a read-constraint error (nesting depth, string length) carries no location: use the
        // parser's
        long line =
            e.getLocation() == null
                ? parser.currentLocation().getLineNr()
                : e.getLocation().getLineNr();
        throw new HubSpotSourceException(
            name, line, "not valid JSON: " + e.getOriginalMessage(), e);
      } catch (CharacterCodingException e) {
        throw new HubSpotSourceException(
            name, parser.currentLocation().getLineNr(), "not UTF-8 text: " + e, e);
      } catch (IOException e) {
        throw new HubSpotSourceException(
            name, parser.currentLocation().getLineNr(), "cannot read: " + e, e);
      }
    }

    private void emit(JsonNode node, long line) {
      pending.add(JsonRecords.toRecord(node, new SourcePosition(name, line, ++count), factory));
    }

    /** Advances one step; false at the end of the file. */
    private boolean step() throws IOException {
      if (inResults) {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
          inResults = false;
        } else {
          long line = parser.currentLocation().getLineNr();
          emit(parser.readValueAsTree(), line);
        }
        return true;
      }
      if (inObject) {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_OBJECT) {
          inObject = false;
          if (!sawResults) {
            emit(rest, objectLine);
          }
          return true;
        }
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("results") && value == JsonToken.START_ARRAY) {
          inResults = true;
          sawResults = true;
        } else if (field.equals("data") && value == JsonToken.START_OBJECT && rest.has("ok")) {
          // the {"ok":true,"data":{...page...}} wrapping: read the page's fields in its place
          rest.remove("ok");
        } else {
          rest.set(field, parser.readValueAsTree());
        }
        return true;
      }
      JsonToken t = parser.nextToken();
      if (t == null) {
        if (!sawToken) { // as an empty CSV is: an empty export is a mistake, not 0 contacts
          throw new HubSpotSourceException(
              name, 1, "empty file, expected JSON (an array, a page or an object)", null);
        }
        return false;
      }
      sawToken = true;
      if (t == JsonToken.START_OBJECT) {
        inObject = true;
        sawResults = false;
        rest = JSON.createObjectNode();
        objectLine = parser.currentLocation().getLineNr();
      } else if (t == JsonToken.START_ARRAY && !inArray) {
        inArray = true;
      } else if (t == JsonToken.END_ARRAY && inArray) {
        inArray = false;
      } else if (t == JsonToken.END_OBJECT) {
        // the end of a {"ok":true,"data":{...}} wrapper
        return true;
      } else {
        long line = parser.currentLocation().getLineNr();
        emit(parser.readValueAsTree(), line);
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }

  /** JSON Lines: each line parsed on its own, so a broken line is rejected and reading goes on. */
  private final class LinesReader implements FileReader<T> {
    private final String name;
    private final BufferedReader in;
    private final Deque<SourceRecord<T>> pending = new ArrayDeque<>();
    private long line;
    private long count;

    LinesReader(BufferedReader in, String name) {
      this.in = in;
      this.name = name;
    }

    @Override
    public SourceRecord<T> next() {
      try {
        while (pending.isEmpty()) {
          String s = in.readLine();
          if (s == null) {
            return null;
          }
          line++;
          if (line == 1 && s.startsWith("\uFEFF")) {
            s = s.substring(1);
          }
          if (s.isBlank()) {
            continue;
          }
          JsonNode node;
          try {
            node = JSON.readTree(s);
          } catch (JsonProcessingException e) {
            pending.add(
                new SourceRecord.Rejected<>(
                    new SourcePosition(name, line, ++count),
                    s,
                    "not valid JSON: " + e.getOriginalMessage(),
                    "INVALID_JSON"));
            continue;
          }
          if (node.isObject() && node.path("results").isArray()) {
            for (JsonNode r : node.get("results")) {
              pending.add(
                  JsonRecords.toRecord(r, new SourcePosition(name, line, ++count), factory));
            }
          } else {
            pending.add(
                JsonRecords.toRecord(node, new SourcePosition(name, line, ++count), factory));
          }
        }
        return pending.poll();
      } catch (CharacterCodingException e) {
        throw new HubSpotSourceException(name, line + 1, "not UTF-8 text: " + e, e);
      } catch (IOException e) {
        throw new HubSpotSourceException(name, line + 1, "cannot read: " + e, e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private void closeCurrent() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        current = null;
      }
    }
  }

  @Override
  public void close() {
    closeCurrent();
  }

  @Override
  public String toString() {
    return "CrmJsonSource" + files;
  }
}
