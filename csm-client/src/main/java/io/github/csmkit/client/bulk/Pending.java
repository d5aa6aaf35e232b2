package io.github.csmkit.client.bulk;

/**
 * A record admitted on its way into a batch, with its operation, its budget weight, and the size in
 * bytes of a request that would carry it alone (a batch of several is never larger than the sum of
 * its items' sizes, so packing by this sum keeps every request under the limit).
 */
record Pending<R, O>(long index, R record, O operation, int weight, int bytes) {
  Pending(long index, R record, O operation, int weight) {
    this(index, record, operation, weight, 0);
  }
}
