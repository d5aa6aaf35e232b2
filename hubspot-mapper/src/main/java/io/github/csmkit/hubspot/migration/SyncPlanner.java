package io.github.csmkit.hubspot.migration;

import io.github.csmkit.hubspot.mapping.MappedCompany;
import io.github.csmkit.hubspot.mapping.MappedContact;
import io.github.csmkit.hubspot.source.HubSpotCompany;
import io.github.csmkit.hubspot.source.HubSpotContact;
import io.github.csmkit.hubspot.source.SourceRecord;
import io.github.csmkit.hubspot.state.Delta;
import io.github.csmkit.hubspot.state.ObjectType;
import io.github.csmkit.hubspot.state.SourceSnapshot;
import io.github.csmkit.hubspot.state.StateReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a {@link SyncPlan}: the companies and contacts mapped and classified against the state
 * as a run would, 50 per look-up, with nothing sent and nothing written. Records the filter leaves
 * out are not counted, as in a run; contacts are not de-duplicated (a run refuses the later of two
 * with one email).
 */
final class SyncPlanner {
  private static final int EXAMPLES = 3;

  /** Tallies one type. */
  private static final class Tally {
    final Map<Delta.Kind, Long> kinds = new EnumMap<>(Delta.Kind.class);
    final Map<String, Long> fields = new TreeMap<>();
    final Map<Delta.Kind, Integer> shown = new EnumMap<>(Delta.Kind.class);
    final List<String> examples = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    long rejected;
    long gone;
    int identities;

    void add(SourceSnapshot s, Delta d) {
      kinds.merge(d.kind(), 1L, Long::sum);
      List<String> what = new ArrayList<>();
      if (d.kind() == Delta.Kind.CHANGED || (d.kind() == Delta.Kind.RETRY && !d.needsCreate())) {
        d.changedFields().forEach(f -> what.add(label(f)));
        d.clearedFields().forEach(f -> what.add(label(f) + " (cleared)"));
        d.identityChange()
            .ifPresent(c -> what.add(s.type() == ObjectType.CONTACT ? "email" : "name"));
        if (!d.addedMemberships().isEmpty()) {
          what.add("memberships");
        }
        if (d.kind() == Delta.Kind.CHANGED) {
          what.forEach(f -> fields.merge(f, 1L, Long::sum));
        }
      }
      // an email or name change is always worth an example: a reader checks those first
      boolean show =
          d.kind() != Delta.Kind.UNCHANGED && shown.merge(d.kind(), 1, Integer::sum) <= EXAMPLES;
      if (show || (d.identityChange().isPresent() && identities++ < EXAMPLES)) {
        examples.add(
            d.kind().name().toLowerCase(Locale.ROOT)
                + ": "
                + s.type().name().toLowerCase(Locale.ROOT)
                + " "
                + s.hubSpotId()
                + " "
                + s.identity()
                + (what.isEmpty() ? "" : " (" + String.join(", ", what) + ")")
                + d.identityChange().map(c -> ", was " + c.previous()).orElse(""));
      }
    }

    SyncPlan.Part part() {
      return new SyncPlan.Part(
          kinds.getOrDefault(Delta.Kind.NEW, 0L),
          kinds.getOrDefault(Delta.Kind.CHANGED, 0L),
          kinds.getOrDefault(Delta.Kind.UNCHANGED, 0L),
          kinds.getOrDefault(Delta.Kind.RETRY, 0L),
          rejected,
          gone,
          fields,
          examples);
    }

    private static String label(String field) {
      return field.equals(Planned.DISPLAY_NAME) ? "display name" : field;
    }
  }

  private final MigrationSettings settings;
  private final StateReader state;

  SyncPlanner(MigrationSettings settings, StateReader state) {
    this.settings = settings;
    this.state = state;
  }

  SyncPlan plan(
      String location,
      Iterable<SourceRecord<HubSpotCompany>> companies,
      Iterable<SourceRecord<HubSpotContact>> contacts) {
    Tally companyTally = new Tally();
    Map<String, String> nameByCompanyId = new HashMap<>();
    List<SourceSnapshot> chunk = new ArrayList<>();
    for (SourceRecord<HubSpotCompany> r : companies) {
      if (!(r instanceof SourceRecord.Parsed<HubSpotCompany> p)) {
        companyTally.rejected++;
        continue;
      }
      HubSpotCompany c = p.value();
      if (!settings.companyFilter().test(c) || c.id().isEmpty()) {
        continue;
      }
      companyTally.seen.add(c.id());
      MappedCompany m = settings.mapper().map(c);
      if (m.rejected() || m.name().isEmpty()) {
        companyTally.rejected++;
        continue;
      }
      nameByCompanyId.put(c.id(), m.name().get());
      add(chunk, Snapshots.company(c, m), companyTally);
    }
    flush(chunk, companyTally);
    gone(ObjectType.COMPANY, companyTally);

    Tally contactTally = new Tally();
    ContactSelection selection =
        new ContactSelection(settings.contactFilter(), settings.testBatch());
    Iterator<SourceRecord<HubSpotContact>> selected = selection.select(contacts);
    while (selected.hasNext()) {
      SourceRecord<HubSpotContact> r = selected.next();
      if (!(r instanceof SourceRecord.Parsed<HubSpotContact> p) || p.value().id().isEmpty()) {
        contactTally.rejected++;
        continue;
      }
      HubSpotContact c = p.value();
      contactTally.seen.add(c.id());
      MappedContact m = settings.mapper().map(c);
      if (m.rejected()) {
        contactTally.rejected++;
        continue;
      }
      Map<String, String> memberships =
          Snapshots.memberships(
              c, m, settings.membership(), id -> Optional.ofNullable(nameByCompanyId.get(id)));
      add(chunk, Snapshots.contact(c, m, memberships.keySet()), contactTally);
    }
    flush(chunk, contactTally);
    if (selection.readToEnd() && settings.testBatch().isEmpty()) {
      gone(ObjectType.CONTACT, contactTally);
    }
    return new SyncPlan(location, companyTally.part(), contactTally.part());
  }

  private void add(List<SourceSnapshot> chunk, SourceSnapshot s, Tally tally) {
    chunk.add(s);
    if (chunk.size() == DeltaFeed.CHUNK) {
      flush(chunk, tally);
    }
  }

  private void flush(List<SourceSnapshot> chunk, Tally tally) {
    List<Delta> deltas = state.deltas(chunk);
    for (int i = 0; i < chunk.size(); i++) {
      tally.add(chunk.get(i), deltas.get(i));
    }
    chunk.clear();
  }

  private void gone(ObjectType type, Tally tally) {
    state.forEachGone(
        type,
        tally.seen::contains,
        r -> {
          tally.gone++;
          if (tally.examples.size() < 4 * EXAMPLES) {
            tally.examples.add(
                "gone: "
                    + type.name().toLowerCase(Locale.ROOT)
                    + " "
                    + r.hubSpotId()
                    + " "
                    + r.identity().orElse("")
                    + ", CSM id "
                    + r.csmId().orElse("unknown"));
          }
        });
  }
}
