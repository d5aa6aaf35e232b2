package io.github.csmkit.client.bulk;

import io.github.csmkit.client.error.CsmException;
import java.nio.file.Path;

/**
 * A journal that does not belong to this import: another job id or target, or batches that no
 * longer match the input (records or mapping changed since it was written). The engine refuses to
 * guess; use a new job id and journal, or restore the original input.
 */
public final class JournalMismatchException extends CsmException {
  private static final long serialVersionUID = 1L;

  private final transient Path journal;

  JournalMismatchException(Path journal, String message) {
    super("journal " + journal + ": " + message);
    this.journal = journal;
  }

  /** The journal file. */
  public Path journal() {
    return journal;
  }
}
