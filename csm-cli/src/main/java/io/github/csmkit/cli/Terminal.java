package io.github.csmkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr and stdin are terminals. Java 17 cannot ask for one stream ({@code
 * System.console()} tests stdin and stdout together, and newer JDKs return a console even when both
 * are redirected), so the launcher, which can ({@code [ -t 2 ]}), passes the answer as a system
 * property; without it (an IDE, {@code java -cp}), Linux's {@code /proc/self/fd} is asked, and
 * elsewhere the answer is no: plain output is always safe.
 */
final class Terminal {
  private Terminal() {}

  /** True when stderr is a terminal: progress may redraw a line in place. */
  static boolean stderr() {
    return is("csmkit.stderrIsTerminal", 2);
  }

  /** True when stdin is a terminal: a person can answer a question. */
  static boolean stdin() {
    return is("csmkit.stdinIsTerminal", 0);
  }

  private static boolean is(String property, int fd) {
    String told = System.getProperty(property);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
