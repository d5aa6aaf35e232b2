package io.github.csmkit.client.model;

import java.util.List;

/**
 * A validated request body for one bulk endpoint: 1 to {@value #MAX_ITEMS} items that each passed
 * their rules. Batches are built with their builders, whose {@code build()} throws {@link
 * io.github.csmkit.client.error.CsmValidationException} naming every broken rule, so nothing
 * invalid is ever sent.
 *
 * @param <T> the item type
 */
public interface Batch<T extends BatchItem> {
  /** The most items a batch may hold: the guide's rule and the tightest limit of the API. */
  int MAX_ITEMS = 50;

  /** The most detail-value operations a detail batch may hold, counted across all its items. */
  int MAX_DETAIL_OPERATIONS = 1000;

  /** The items, in the order they are sent. */
  List<T> items();
}
