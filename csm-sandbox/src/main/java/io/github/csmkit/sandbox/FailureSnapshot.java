package io.github.csmkit.sandbox;

import java.util.List;

/**
 * One failure of a task, as it appears in the task's {@code failures} array.
 *
 * @param entity {@code CUSTOMER}, {@code ORGANIZATION} or {@code DETAIL_FIELD}
 * @param entityId the record's id, or its email or name when it has none; null when the record
 *     carried nothing that identifies it
 * @param operation the record's operation, e.g. {@code CREATE}, {@code UPSERT}, {@code PATCH}
 * @param operatedOn what the failure is about, e.g. {@code CUSTOMER_ACCOUNT}, {@code DETAIL_FIELD},
 *     {@code ORGANIZATION}
 * @param operatedOnIds the ids or names of what failed (field names, organization ids)
 * @param error the message
 */
public record FailureSnapshot(
    String entity,
    String entityId,
    String operation,
    String operatedOn,
    List<String> operatedOnIds,
    String error) {
  /** Copies the list. */
  public FailureSnapshot {
    operatedOnIds = List.copyOf(operatedOnIds);
  }
}
