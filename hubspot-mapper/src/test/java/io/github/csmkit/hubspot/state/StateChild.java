package io.github.csmkit.hubspot.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A second process for the lock and crash tests: opens a state, begins a run of the contract's job,
 * prints {@code READY <run id>}, then holds the run ({@code hold}) or settles batches until it is
 * killed ({@code settle}), printing {@code settled N} after each commit.
 */
public final class StateChild {
  static final int BATCH = 2000;
  private static final Map<Process, BufferedReader> OUT = new ConcurrentHashMap<>();

  private StateChild() {}

  public static void main(String[] args) throws Exception {
    try (SyncState state = SyncState.open(args[0]);
        SyncRun run = state.beginRun(SyncStateContract.JOB, SyncStateContract.SITE, false)) {
      System.out.println("READY " + run.runId());
      System.out.flush();
      if (args[1].equals("hold")) {
        Thread.sleep(120_000);
        return;
      }
      for (int b = 1; ; b++) {
        List<Settlement> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          Map<String, List<String>> fields = new LinkedHashMap<>();
          for (int f = 0; f < 8; f++) {
            fields.put("field" + f, List.of("value " + b + "/" + i + "/" + f));
          }
          batch.add(
              Settlement.imported(
                  ObjectType.CONTACT,
                  b + "-" + i,
                  "qm:" + b + "-" + i,
                  "c" + b + "-" + i + "@example.com",
                  FieldHashes.of(fields),
                  Set.of("company-1", "company-" + (2 + i % 40))));
        }
        run.settle(batch);
        System.out.println("settled " + b);
        System.out.flush();
      }
    }
  }

  static Process start(String location, String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StateChild.class.getName(),
                location,
                mode)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    OUT.put(
        p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    return p;
  }

  /** Waits for the child's run to begin; returns its run id. */
  static String awaitReady(Process p) throws IOException {
    return awaitLine(p, "READY ").substring("READY ".length());
  }

  /** Reads the child's output up to a line starting with {@code prefix}. */
  static String awaitLine(Process p, String prefix) throws IOException {
    BufferedReader in = OUT.get(p);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException("the child ended before printing " + prefix);
  }
}
