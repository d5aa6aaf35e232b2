/**
 * The bulk import engine: {@link io.github.csmkit.client.bulk.BulkImporter} maps, validates,
 * de-duplicates and batches records, submits them with back-pressure, polls the tasks, attributes
 * failures to records and journals progress so that an import can resume. Public API.
 */
@NullMarked
package io.github.csmkit.client.bulk;

import org.jspecify.annotations.NullMarked;
