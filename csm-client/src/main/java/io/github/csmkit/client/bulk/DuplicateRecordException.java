package io.github.csmkit.client.bulk;

import io.github.csmkit.client.error.CsmException;

/**
 * Thrown by an import's mapping function to skip a record as a duplicate of an earlier one, when
 * the caller de-duplicates itself (to name both records, or to keep the latest rather than the
 * first): the engine reports the record at the {@link ImportReport.Stage#DUPLICATE} stage with this
 * message.
 */
public final class DuplicateRecordException extends CsmException {
  private static final long serialVersionUID = 1L;

  /** The message says which record this one duplicates, for example by both records' ids. */
  public DuplicateRecordException(String message) {
    super(message);
  }
}
