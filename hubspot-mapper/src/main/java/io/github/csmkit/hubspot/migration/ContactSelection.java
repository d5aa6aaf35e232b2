package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.internal.LookAhead;
import io.github.csmkit.hubspot.mapping.RecordFilter;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourcePosition;
import io.github.csmkit.hubspot.source.SourceRecord;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The contacts a migration takes: those the filter keeps, at most the test batch. Unreadable rows
 * pass through (the import accounts for them, and they count toward the test batch); contacts the
 * filter leaves out are counted as excluded. It also knows how far the source was read: a test
 * batch, or an import that stopped, leaves the rest unread.
 */
final class ContactSelection {
  private final RecordFilter filter;
  private final OptionalLong testBatch;
  private long excluded;
  private boolean readToEnd;
  private SourcePosition lastRead;

  ContactSelection(RecordFilter filter, OptionalLong testBatch) {
    this.filter = filter;
    this.testBatch = testBatch;
  }

  /** The selected contacts of {@code source}, read lazily. */
  Iterator<SourceRecord<HubSpotContact>> select(Iterable<SourceRecord<HubSpotContact>> source) {
    Iterator<SourceRecord<HubSpotContact>> upstream = source.iterator();
    long[] taken = {0};
    return LookAhead.of(
        () -> {
          while (true) {
            if (!upstream.hasNext()) {
              readToEnd = true;
              return null;
            }
            if (testBatch.isPresent() && taken[0] >= testBatch.getAsLong()) {
              return null; // the rest stays unread
            }
            SourceRecord<HubSpotContact> r = upstream.next();
            lastRead = r.position();
            if (r instanceof SourceRecord.Parsed<HubSpotContact> p && !filter.test(p.value())) {
              excluded++;
            } else {
              taken[0]++;
              return r;
            }
          }
        });
  }

  /** The contacts the filter left out so far. */
  long excluded() {
    return excluded;
  }

  /** True once the source said it has no more records. */
  boolean readToEnd() {
    return readToEnd;
  }

  /** Where the last record read came from; empty before the first. */
  Optional<SourcePosition> lastRead() {
    return Optional.ofNullable(lastRead);
  }
}
