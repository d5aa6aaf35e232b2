package io.github.csmkit.sandbox;

import java.util.List;

/** Thrown inside one record to end it with a failure: the record changes nothing. */
final class RecordRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient FailureSnapshot failure;

  private RecordRefusal(FailureSnapshot failure) {
    super(failure.error(), null, false, false);
    this.failure = failure;
  }

  static RecordRefusal of(
      String entity,
      String entityId,
      String operation,
      String operatedOn,
      List<String> ids,
      String error) {
    return new RecordRefusal(
        new FailureSnapshot(entity, entityId, operation, operatedOn, ids, error));
  }
}
