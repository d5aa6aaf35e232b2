package io.github.csmkit.client.bulk;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.BatchItem;
import io.github.csmkit.client.model.TaskFailure;
import io.github.csmkit.client.model.TaskState;
import io.github.csmkit.client.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a task's end into a {@link BatchEnd}: each server failure goes to the item it names — by
 * index when the server gives a valid one, else by id, email or name (trimmed, case-insensitive) —
 * and a failure that names no item is kept as an orphan. A pure function.
 */
final class FailureAttribution {
  private FailureAttribution() {}

  /**
   * The end of a batch of {@code items} whose task ended with {@code status}.
   *
   * @param seenAt when the end was seen, for a status without its own update time
   */
  static BatchEnd attribute(List<? extends BatchItem> items, TaskStatus status, Instant seenAt) {
    Instant at = status.updatedAt().orElse(seenAt);
    if (status.state() == TaskState.FAILED) {
      // the task's own message says why; without one, the first failure it lists
      String why =
          "task "
              + status.id()
              + " ended FAILED"
              + status
                  .message()
                  .filter(m -> !m.isBlank())
                  .or(() -> status.failures().stream().findFirst().map(TaskFailure::message))
                  .map(m -> ": " + m)
                  .orElse(": the server gave no reason");
      return BatchEnd.taskFailed(why, at);
    }
    Map<String, Integer> byKey = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      for (String k : items.get(i).keys()) {
        byKey.putIfAbsent(normal(k), i);
      }
    }
    Map<Integer, List<String>> messages = new TreeMap<>();
    List<TaskFailure> orphans = new ArrayList<>();
    for (TaskFailure f : status.failures()) {
      Integer item =
          f.index().isPresent() && f.index().getAsInt() >= 0 && f.index().getAsInt() < items.size()
              ? Integer.valueOf(f.index().getAsInt())
              : f.entityId().map(id -> byKey.get(normal(id))).orElse(null);
      if (item == null) {
        orphans.add(f);
      } else {
        messages.computeIfAbsent(item, i -> new ArrayList<>()).add(f.message());
      }
    }
    Map<Integer, Journal.ItemFailure> byItem = new HashMap<>();
    messages.forEach(
        (i, m) ->
            byItem.put(
                i, new Journal.ItemFailure(i, Stage.SERVER, String.join("; ", new TreeSet<>(m)))));
    return BatchEnd.finished(byItem, orphans, at);
  }

  private static String normal(String key) {
    return key.trim().toLowerCase(Locale.ROOT);
  }
}
