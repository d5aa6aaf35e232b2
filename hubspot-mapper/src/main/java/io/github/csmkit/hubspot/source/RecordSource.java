package io.github.csmkit.hubspot.source;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streaming source of HubSpot records: read one at a time, never loaded whole. Iterate it once,
 * and close it (try-with-resources) to release the file or connection.
 *
 * @param <T> {@link HubSpotContact} or {@link HubSpotCompany}
 */
public interface RecordSource<T extends HubSpotRecord>
    extends Iterable<SourceRecord<T>>, AutoCloseable {
  /**
   * The records in source order; may be called once.
   *
   * @throws IllegalStateException when called a second time
   * @throws HubSpotSourceException (lazily, from {@code hasNext}) when the whole source is
   *     unreadable
   */
  @Override
  Iterator<SourceRecord<T>> iterator();

  /** The records as a sequential stream that closes this source when closed. */
  default Stream<SourceRecord<T>> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** The parsed records only, as a stream; rejected ones are passed to {@code onRejected}. */
  default Stream<T> parsed(java.util.function.Consumer<SourceRecord.Rejected<T>> onRejected) {
    return stream()
        .<T>mapMulti(
            (r, sink) -> {
              if (r instanceof SourceRecord.Parsed<T> p) {
                sink.accept(p.value());
              } else {
                onRejected.accept((SourceRecord.Rejected<T>) r);
              }
            });
  }

  /**
   * Releases the underlying file or connection.
   *
   * @throws java.io.UncheckedIOException when closing fails
   */
  @Override
  void close();
}
