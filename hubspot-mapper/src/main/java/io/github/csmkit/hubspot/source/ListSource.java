package io.github.csmkit.hubspot.source;

import java.util.Iterator;
import java.util.List;

/** A {@link RecordSource} over records already read (the changes of an incremental read). */
final class ListSource<T extends HubSpotRecord> implements RecordSource<T> {
  private final List<SourceRecord<T>> records;
  private final String name;
  private boolean iterated;

  ListSource(List<SourceRecord<T>> records, String name) {
    this.records = List.copyOf(records);
    this.name = name;
  }

  @Override
  public Iterator<SourceRecord<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException("a record source can be iterated once");
    }
    iterated = true;
    return records.iterator();
  }

  @Override
  public void close() {
    // nothing held
  }

  @Override
  public String toString() {
    return "RecordSource[" + name + ", " + records.size() + " records]";
  }
}
