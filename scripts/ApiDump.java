/*
 * The API baseline check: dumps the public API of a module (every public or protected class,
 * method and field outside `internal` packages, as javap prints them, members sorted) and compares
 * it with the dump committed in <module>/api/<artifactId>.api. Run by the build of the published
 * modules (exec-maven-plugin, phase verify; see docs/VERSIONING.md):
 *
 *   java scripts/ApiDump.java <classes dir> <api file> <update: true|false>
 *
 * A difference fails the build and is printed; after a deliberate API change, rewrite the dump with
 * -Dcsmkit.api.update=true and commit it with the change, so that every API change is visible in
 * review. japicmp takes over the compatibility check against the last release once there is one.
 */
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

public class ApiDump {
  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    Path api = Path.of(args[1]);
    boolean update = Boolean.parseBoolean(args[2]);
    String dump = dump(classes);
    if (update) {
      Files.createDirectories(api.getParent());
      Files.writeString(api, dump, StandardCharsets.UTF_8);
      System.out.println("[api] written: " + api);
      return;
    }
    if (!Files.exists(api)) {
      fail("no API baseline at " + api + ": create it with -Dcsmkit.api.update=true and commit it");
    }
    String committed = Files.readString(api, StandardCharsets.UTF_8);
    if (committed.equals(dump)) {
      System.out.println("[api] unchanged: " + api.getFileName());
      return;
    }
    System.err.println("[api] the public API differs from " + api + ":");
    report("-", committed, dump);
    report("+", dump, committed);
    fail(
        "the public API changed. If that is intended, rewrite the baseline with"
            + " ./mvnw -B verify -DskipTests -Dcsmkit.api.update=true and commit it; an"
            + " incompatible change needs a minor version bump in 0.x (docs/VERSIONING.md)");
  }

  /** Prints the lines of {@code a} that {@code b} lacks, each under its class. */
  private static void report(String sign, String a, String b) {
    Set<String> other = new LinkedHashSet<>(b.lines().toList());
    String type = "";
    for (String line : a.lines().toList()) {
      if (!line.startsWith(" ")) {
        type = line;
      }
      if (!other.contains(line)) {
        System.err.println(sign + " " + (line.startsWith(" ") ? type + " :" + line : line));
      }
    }
  }

  private static void fail(String message) {
    System.err.println("[api] " + message);
    System.exit(1);
  }

  static String dump(Path classes) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files
          .filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
          .filter(n -> !n.contains("/internal/") && !n.startsWith("META-INF/"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .forEach(names::add);
    }
    ToolProvider javap =
        ToolProvider.findFirst("javap").orElseThrow(() -> new IllegalStateException("no javap"));
    Map<String, List<String>> types = new TreeMap<>();
    for (String name : names) {
      StringWriter out = new StringWriter();
      int rc =
          javap.run(
              new PrintWriter(out),
              new PrintWriter(System.err),
              "-protected",
              "-cp",
              classes.toString(),
              name);
      if (rc != 0) {
        throw new IllegalStateException("javap failed on " + name);
      }
      List<String> lines = new ArrayList<>();
      for (String line : out.toString().lines().toList()) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("Compiled from") && !t.equals("}")) {
          lines.add(t.endsWith(" {") ? t.substring(0, t.length() - 2) : t);
        }
      }
      if (!lines.isEmpty() && (lines.get(0).startsWith("public ") || lines.get(0).startsWith("protected "))) {
        types.put(name, lines);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> e : types.entrySet()) {
      if (!visible(e.getKey(), types)) {
        continue;
      }
      List<String> lines = e.getValue();
      sb.append(lines.get(0)).append('\n');
      lines.subList(1, lines.size()).stream().sorted().forEach(m -> sb.append("  ").append(m).append('\n'));
    }
    return sb.toString();
  }

  /** A nested type is API only when every type around it is. */
  private static boolean visible(String name, Map<String, List<String>> publicTypes) {
    int dollar = name.lastIndexOf('$');
    return dollar < 0 || (publicTypes.containsKey(name.substring(0, dollar)) && visible(name.substring(0, dollar), publicTypes));
  }
}
