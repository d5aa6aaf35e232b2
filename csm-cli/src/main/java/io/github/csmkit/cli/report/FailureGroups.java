package io.github.csmkit.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's failures grouped by phase, stage and rule (server failures, which have no rule, by
 * stage alone), largest first, with the first few as examples.
 */
record FailureGroups(long total, List<Group> groups) {
  static final int EXAMPLES = 3;

  /** One group: its key, its size and up to {@link #EXAMPLES} {message, record} pairs. */
  record Group(String phase, String stage, String rule, long count, List<String[]> examples) {}

  static FailureGroups of(JsonNode doc) {
    Map<String, Group> byKey = new LinkedHashMap<>();
    long total = 0;
    for (String[] p : RunSummary.PHASES) {
      for (JsonNode f : doc.path("phases").path(p[0]).path("failures")) {
        total++;
        String stage = f.path("stage").asText();
        String rule = f.path("rule").asText("");
        String key = p[0] + '\u0000' + stage + '\u0000' + rule;
        Group g = byKey.get(key);
        List<String[]> examples = g == null ? new ArrayList<>() : g.examples();
        if (examples.size() < EXAMPLES) {
          examples.add(new String[] {f.path("message").asText(), f.path("record").asText()});
        }
        byKey.put(key, new Group(p[1], stage, rule, g == null ? 1 : g.count() + 1, examples));
      }
    }
    List<Group> groups = new ArrayList<>(byKey.values());
    groups.sort(Comparator.comparingLong(Group::count).reversed());
    return new FailureGroups(total, groups);
  }
}
