package io.github.csmkit.client.model;

import io.github.csmkit.client.error.Violation;
import java.util.List;

/** One item of a bulk batch: an operation, an account or a definition. */
public interface BatchItem {
  /**
   * The rules this item breaks on its own, with index -1; empty when it is valid. Batches add the
   * rules that span items (size, duplicates) and the item's index.
   */
  List<Violation> violations();

  /**
   * The ids, emails or names by which the server's task failures may refer to this item, most
   * specific first. Used to attribute a failure to the record that caused it.
   */
  List<String> keys();
}
