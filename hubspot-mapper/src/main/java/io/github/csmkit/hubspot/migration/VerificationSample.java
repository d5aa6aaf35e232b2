package io.github.csmkit.hubspot.migration;

import io.github.csmkit.client.model.CustomerProfileOperation;
import io.github.csmkit.hubspot.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A uniform sample of at most {@code size} of the customers sent, kept in bounded memory by
 * reservoir sampling (seeded, so a rerun samples the same records), with what each should look like
 * in CSM.
 */
final class VerificationSample {
  /**
   * What a customer should look like in CSM.
   *
   * @param position the contact it came from
   * @param email its email, as sent
   * @param displayName its display name, or null when none was sent
   * @param organizationIds the CSM organizations it should belong to
   * @param details its detail values by field name
   */
  record Expected(
      SourcePosition position,
      String email,
      String displayName,
      Set<String> organizationIds,
      Map<String, Set<String>> details) {}

  private final int size;
  private final Random random = new Random(42);
  private final List<Expected> kept = new ArrayList<>();
  private long offered;

  VerificationSample(int size) {
    this.size = size;
  }

  /** Offers the operation sent for the contact at {@code position}. */
  void offer(SourcePosition position, CustomerProfileOperation op, Set<String> organizationIds) {
    if (size == 0) {
      return;
    }
    offered++;
    int slot =
        kept.size() < size ? kept.size() : (int) Math.min(size, random.nextDouble() * offered);
    if (slot >= size) {
      return;
    }
    Map<String, Set<String>> details = new HashMap<>();
    op.payload().details().forEach(d -> details.put(d.name(), new TreeSet<>(d.values())));
    Expected e =
        new Expected(
            position,
            op.payload().email().orElseThrow(),
            op.payload().displayName().orElse(null),
            Set.copyOf(organizationIds),
            details);
    if (slot == kept.size()) {
      kept.add(e);
    } else {
      kept.set(slot, e);
    }
  }

  /** The sample. */
  List<Expected> expected() {
    return List.copyOf(kept);
  }
}
