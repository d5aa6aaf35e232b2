package io.github.csmkit.client.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two packages of csm-client depend on each other, directly or through others: the layers read
 * one way (client on model, error and internal; bulk on client), so any of them can be changed, or
 * split out, without dragging the rest. Read from the compiled classes with the JDK's {@code
 * jdeps}, so no import the source hides escapes it.
 */
class PackageCyclesTest {
  private static final String ROOT = "io.github.csmkit.client";
  private static final Pattern EDGE =
      Pattern.compile(
          "^\\s+(" + Pattern.quote(ROOT) + "\\S*)\\s+->\\s+(" + Pattern.quote(ROOT) + "\\S*)\\s");

  @Test
  void theMainPackagesFormNoCycle() {
    Map<String, Set<String>> deps = dependencies(Path.of("target/classes"));
    assertThat(deps).as("jdeps found the packages").containsKeys(ROOT, ROOT + ".bulk");

    assertThat(cycles(deps)).as("package cycles").isEmpty();
  }

  @Test
  void theCheckSeesACycleWhenThereIsOne() {
    Map<String, Set<String>> deps = new TreeMap<>();
    deps.put("a", Set.of("b"));
    deps.put("b", Set.of("c"));
    deps.put("c", Set.of("a"));
    deps.put("d", Set.of("a"));

    assertThat(cycles(deps)).containsExactly(List.of("a", "b", "c", "a"));
  }

  /** Each package of the classes and the packages of this library it uses. */
  static Map<String, Set<String>> dependencies(Path classes) {
    assertThat(Files.isDirectory(classes)).as(classes + " (run from the module's folder)").isTrue();
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int code =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "--multi-release",
            "17",
            "-verbose:package",
            "-filter:none",
            // module-info names Jackson: jdeps resolves it from the test's own path
            "--module-path",
            libraries(),
            classes.toString());
    assertThat(code).as(out.toString()).isZero();
    Map<String, Set<String>> deps = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        deps.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return deps;
  }

  private static String libraries() {
    List<String> jars = new ArrayList<>();
    for (String key : List.of("jdk.module.path", "java.class.path")) {
      for (String entry : System.getProperty(key, "").split(java.io.File.pathSeparator)) {
        if (entry.endsWith(".jar") && entry.contains("jackson")) {
          jars.add(entry);
        }
      }
    }
    return String.join(java.io.File.pathSeparator, jars);
  }

  /** Every cycle found by a depth-first walk, each as the path that closes it. */
  static List<List<String>> cycles(Map<String, Set<String>> deps) {
    List<List<String>> found = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    for (String start : deps.keySet()) {
      walk(start, deps, new ArrayList<>(), done, found);
    }
    return found;
  }

  private static void walk(
      String p,
      Map<String, Set<String>> deps,
      List<String> path,
      Set<String> done,
      List<List<String>> found) {
    int at = path.indexOf(p);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(p);
      found.add(cycle);
      return;
    }
    if (done.contains(p)) {
      return;
    }
    path.add(p);
    for (String q : deps.getOrDefault(p, Set.of())) {
      walk(q, deps, path, done, found);
    }
    path.remove(path.size() - 1);
    done.add(p);
  }
}
