package io.github.csmkit.client;

import io.github.csmkit.client.error.CsmException;
import io.github.csmkit.client.model.TaskStatus;

/**
 * A task did not reach a final state within the poll policy's maximum wait. The task may still
 * finish: {@link #lastStatus()} is what was seen last, and its id can be awaited again later.
 */
public class TaskTimeoutException extends CsmException {
  private static final long serialVersionUID = 1L;

  private final transient TaskStatus lastStatus;

  /** A new exception with this message and the last status seen. */
  public TaskTimeoutException(String message, TaskStatus lastStatus) {
    super(message);
    this.lastStatus = lastStatus;
  }

  /** The last status seen before giving up. */
  public TaskStatus lastStatus() {
    return lastStatus;
  }
}
