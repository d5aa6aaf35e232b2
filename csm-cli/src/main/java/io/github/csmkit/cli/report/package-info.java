/**
 * What a run leaves behind and how it is shown again: the report document (report.json), the batch
 * log, the run folder, the text summary and the self-contained report.html. Internal to the csmkit
 * command; not an API.
 */
package io.github.csmkit.cli.report;
