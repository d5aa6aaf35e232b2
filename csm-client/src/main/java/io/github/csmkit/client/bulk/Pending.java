package io.github.csmkit.client.bulk;

/** A record admitted on its way into a batch, with its operation and its budget weight. */
record Pending<R, O>(long index, R record, O operation, int weight) {}
