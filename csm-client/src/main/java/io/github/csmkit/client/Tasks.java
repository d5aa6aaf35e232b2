package io.github.csmkit.client;

import io.github.csmkit.client.internal.WireFormat;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.client.model.TaskStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The task API: a task's status ({@code GET /api/v1/tasks/{id}}) and waiting until a task is
 * finished. Waiting polls with a {@link PollPolicy}, follows the task's {@code statusUrl} (relative
 * to the base, or absolute on the same origin — the token is never sent elsewhere), honours {@code
 * Retry-After}, and is bounded. The async form holds no thread while it waits and stops polling
 * when its future is cancelled.
 */
public final class Tasks {
  private final Transport transport;
  private final PollPolicy defaultPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CsmListener listener;

  Tasks(Transport transport, PollPolicy defaultPolicy) {
    this.transport = transport;
    this.defaultPolicy = defaultPolicy;
    this.clock = transport.settings().clock();
    this.sleeper = transport.settings().sleeper();
    this.listener = transport.settings().listener();
  }

  /** The task's current status. */
  public TaskStatus get(String taskId) {
    return Transport.join(getAsync(taskId));
  }

  /** {@link #get(String)} without blocking. */
  public CompletableFuture<TaskStatus> getAsync(String taskId) {
    return poll(taskUri(taskId)).thenApply(Poll::status);
  }

  /** The status of a submitted task, read from its {@code statusUrl} when it gave a usable one. */
  public TaskStatus get(SubmittedTask task) {
    return Transport.join(getAsync(task));
  }

  /** {@link #get(SubmittedTask)} without blocking. */
  public CompletableFuture<TaskStatus> getAsync(SubmittedTask task) {
    return poll(statusUri(Objects.requireNonNull(task, "task"))).thenApply(Poll::status);
  }

  /**
   * Waits until the task is FINISHED or FAILED, with the client's poll policy.
   *
   * @throws TaskTimeoutException when the policy's maximum wait passes first; it carries the last
   *     status seen
   */
  public TaskStatus await(SubmittedTask task) {
    return Transport.join(awaitAsync(task, defaultPolicy));
  }

  /** {@link #await(SubmittedTask)} with another poll policy. */
  public TaskStatus await(SubmittedTask task, PollPolicy policy) {
    return Transport.join(awaitAsync(task, policy));
  }

  /** Waits for a task known only by its id. */
  public TaskStatus await(String taskId) {
    return Transport.join(awaitAsync(taskId));
  }

  /** {@link #await(SubmittedTask)} without blocking. */
  public CompletableFuture<TaskStatus> awaitAsync(SubmittedTask task) {
    return awaitAsync(task, defaultPolicy);
  }

  /** {@link #await(String)} without blocking. */
  public CompletableFuture<TaskStatus> awaitAsync(String taskId) {
    return awaitAsync(taskUri(taskId), taskId, defaultPolicy);
  }

  /** Cancelling the returned future stops the polling. */
  public CompletableFuture<TaskStatus> awaitAsync(SubmittedTask task, PollPolicy policy) {
    Objects.requireNonNull(task, "task");
    return awaitAsync(statusUri(task), task.id(), policy);
  }

  private CompletableFuture<TaskStatus> awaitAsync(URI uri, String taskId, PollPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    CompletableFuture<TaskStatus> result = new CompletableFuture<>();
    Instant start = clock.instant();
    new Waiter(uri, taskId, policy, start, start.plus(policy.maxWait()), result)
        .next(policy.delay(0, random()));
    return result;
  }

  /** One wait: schedules polls until the task ends, the time is up, or the caller cancels. */
  private final class Waiter {
    private final URI uri;
    private final String taskId;
    private final PollPolicy policy;
    private final Instant start;
    private final Instant end;
    private final CompletableFuture<TaskStatus> result;
    private int polls;
    private TaskStatus last;

    Waiter(
        URI uri,
        String taskId,
        PollPolicy policy,
        Instant start,
        Instant end,
        CompletableFuture<TaskStatus> result) {
      this.uri = uri;
      this.taskId = taskId;
      this.policy = policy;
      this.start = start;
      this.end = end;
      this.result = result;
    }

    // the chain ends in seen(), which completes the result or schedules the next poll
    @SuppressWarnings("FutureReturnValueIgnored")
    void next(Duration delay) {
      Instant now = clock.instant();
      if (!now.isBefore(end) && polls > 0) {
        timeOut();
        return;
      }
      Duration left = Duration.between(now, end);
      Duration wait =
          delay.compareTo(left) > 0 ? (left.isNegative() ? Duration.ZERO : left) : delay;
      sleeper
          .sleep(wait)
          .thenCompose(
              v -> result.isDone() ? CompletableFuture.<Poll>completedFuture(null) : poll(uri))
          .whenComplete(this::seen);
    }

    private void seen(Poll poll, Throwable error) {
      if (result.isDone()) {
        return;
      }
      if (error != null) {
        result.completeExceptionally(
            error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause()
                : error);
        return;
      }
      polls++;
      last = poll.status();
      Duration waited = Duration.between(start, clock.instant());
      try {
        listener.taskStatusSeen(new CsmListener.TaskStatusSeen(last, polls, waited));
      } catch (RuntimeException ignored) {
        // a listener must not break the wait
      }
      if (last.isTerminal()) {
        result.complete(last);
        return;
      }
      Duration delay = poll.retryAfter().orElseGet(() -> policy.delay(polls, random()));
      next(delay);
    }

    private void timeOut() {
      result.completeExceptionally(
          new TaskTimeoutException(
              "task "
                  + taskId
                  + " did not finish within "
                  + policy.maxWait()
                  + "; last status seen: "
                  + (last == null ? "none" : describe(last))
                  + " after "
                  + polls
                  + " polls",
              last));
    }
  }

  private static String describe(TaskStatus s) {
    return s.rawStatus()
        + (s.state() == io.github.csmkit.client.model.TaskState.UNKNOWN ? " (unknown)" : "");
  }

  private record Poll(TaskStatus status, Optional<Duration> retryAfter) {}

  private CompletableFuture<Poll> poll(URI uri) {
    return transport
        .get(uri)
        .thenApply(
            r ->
                new Poll(
                    transport.read(
                        r, new Transport.Call("GET", uri, null, null, false), WireFormat::readTask),
                    RetryAfter.parse(
                        r.headers().firstValue("Retry-After").orElse(null), clock.instant())));
  }

  private double random() {
    return transport.settings().random().getAsDouble();
  }

  private URI taskUri(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    if (taskId.isBlank()) {
      throw new IllegalArgumentException("taskId must not be blank");
    }
    return transport.uri("/api/v1/tasks/" + encodeSegment(taskId));
  }

  /** The task's statusUrl when it is relative or on the base's origin, else the task path. */
  URI statusUri(SubmittedTask task) {
    Optional<String> statusUrl = task.statusUrl().filter(u -> !u.isBlank());
    if (statusUrl.isPresent()) {
      String url = statusUrl.get();
      if (url.startsWith("/") && !url.startsWith("//")) {
        String basePath = transport.base().getRawPath();
        if (basePath != null && basePath.length() > 1 && url.startsWith(basePath + "/")) {
          // already a path from the host's root, base path included: /jsm/csm/cloudid/X/api/v1/...
          return transport.base().resolve(url);
        }
        return transport.uri(url);
      }
      try {
        URI absolute = URI.create(url);
        URI base = transport.base();
        if (absolute.isAbsolute()
            && Objects.equals(absolute.getScheme(), base.getScheme())
            && Objects.equals(absolute.getHost(), base.getHost())
            && absolute.getPort() == base.getPort()) {
          return absolute;
        }
      } catch (IllegalArgumentException ignored) {
        // not a URI: fall back to the task path
      }
    }
    return taskUri(task.id());
  }

  private static String encodeSegment(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == ':') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
