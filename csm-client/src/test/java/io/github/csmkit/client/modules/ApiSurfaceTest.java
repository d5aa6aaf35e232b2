package io.github.csmkit.client.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.csmkit.client.CsmClient;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing public reaches the internals (the transport holds the token): no public or protected
 * member of a public type outside {@code internal} takes or gives an {@code internal} type.
 */
class ApiSurfaceTest {
  private static final String INTERNAL = "io.github.csmkit.client.internal";

  @Test
  void noPublicMemberTakesOrGivesAnInternalType() throws Exception {
    Path classes =
        Paths.get(CsmClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    int types = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.startsWith(INTERNAL)
            || name.endsWith("module-info")
            || name.endsWith("package-info")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, CsmClient.class.getClassLoader());
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        types++;
        for (Method m : c.getDeclaredMethods()) {
          if (visible(m.getModifiers()) && !m.isSynthetic()) {
            check(leaks, c, m.getName(), m.getReturnType());
            check(leaks, c, m.getName(), m.getParameterTypes());
          }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
          if (visible(k.getModifiers())) {
            check(leaks, c, "<init>", k.getParameterTypes());
          }
        }
        for (Field fl : c.getDeclaredFields()) {
          if (visible(fl.getModifiers())) {
            check(leaks, c, fl.getName(), fl.getType());
          }
        }
      }
    }
    assertThat(types).as("public types scanned").isGreaterThan(40);
    assertThat(leaks).isEmpty();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> leaks, Class<?> c, String member, Class<?>... types) {
    for (Class<?> t : types) {
      Class<?> e = t.isArray() ? t.getComponentType() : t;
      if (e.getPackageName().equals(INTERNAL)) {
        leaks.add(c.getName() + "." + member + " uses " + e.getName());
      }
    }
  }
}
