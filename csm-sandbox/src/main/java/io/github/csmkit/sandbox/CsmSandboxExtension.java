package io.github.csmkit.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension (JUnit 5 and 6) that starts a {@link CsmSandbox} and closes it, per
 * test class or per test. Register it with {@code @RegisterExtension}, or declaratively with {@link
 * WithCsmSandbox} (or a bare {@code @ExtendWith(CsmSandboxExtension.class)}, which means per class
 * with the defaults); test and lifecycle methods can take a {@code CsmSandbox} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CsmSandboxExtension SANDBOX = CsmSandboxExtension.perClass(b -> b.taskLimit(2));
 *
 * @Test
 * void imports(CsmSandbox sandbox) { ... }
 * }</pre>
 *
 * <p>The sandboxes live in JUnit's {@link ExtensionContext.Store}, so tests that run in parallel
 * each see their own (per test) or share the class's (per class), and {@code @Nested} classes share
 * the sandbox of their enclosing class instead of restarting it. A nested class with its own {@link
 * WithCsmSandbox} gets its own sandbox.
 *
 * <p>Needs junit-jupiter-api on the class path (csm-sandbox declares it optional).
 */
public final class CsmSandboxExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final String DECLARATIVE = "declarative";

  private final boolean perTest;
  private final Consumer<CsmSandbox.Builder> configuration;
  // the store key: every registered instance has its own sandboxes; declarative ones share a key
  // so that a nested class finds its enclosing class's sandbox whatever instance JUnit created
  private final Object key;
  // only for sandbox(): the sandbox of the test (or class callback) on the current thread
  private final ThreadLocal<CsmSandbox> current = new ThreadLocal<>();

  private CsmSandboxExtension(
      boolean perTest, Consumer<CsmSandbox.Builder> configuration, Object key) {
    this.perTest = perTest;
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.key = key == null ? this : key;
  }

  /**
   * The declarative form, used by {@code @ExtendWith(CsmSandboxExtension.class)} and {@link
   * WithCsmSandbox}: the configuration comes from the nearest {@link WithCsmSandbox} on the test
   * class or an enclosing class, else the defaults, one sandbox per class.
   */
  public CsmSandboxExtension() {
    this(false, b -> {}, DECLARATIVE);
  }

  /**
   * One sandbox for all the tests of a class (register it on a static field), with the defaults.
   *
   * @return the extension
   */
  public static CsmSandboxExtension perClass() {
    return perClass(b -> {});
  }

  /**
   * One sandbox for all the tests of a class (register it on a static field).
   *
   * @param configuration configures the builder before the sandbox starts
   * @return the extension
   */
  public static CsmSandboxExtension perClass(Consumer<CsmSandbox.Builder> configuration) {
    return new CsmSandboxExtension(false, configuration, null);
  }

  /**
   * A fresh sandbox for every test, with the defaults.
   *
   * @return the extension
   */
  public static CsmSandboxExtension perTest() {
    return perTest(b -> {});
  }

  /**
   * A fresh sandbox for every test.
   *
   * @param configuration configures the builder before each sandbox starts
   * @return the extension
   */
  public static CsmSandboxExtension perTest(Consumer<CsmSandbox.Builder> configuration) {
    return new CsmSandboxExtension(true, configuration, null);
  }

  /**
   * The sandbox of the test running on the current thread (or, in a class-level callback, of the
   * class). Prefer a {@code CsmSandbox} parameter, which is always the right one.
   *
   * @return the sandbox of the current test or class
   * @throws IllegalStateException outside a test's lifecycle
   */
  public CsmSandbox sandbox() {
    CsmSandbox s = current.get();
    if (s == null) {
      throw new IllegalStateException("the sandbox runs only while a test (or its class) runs");
    }
    return s;
  }

  /**
   * {@inheritDoc} Starts the per-class sandbox, unless an enclosing class already has one (a nested
   * class with its own {@link WithCsmSandbox} gets its own).
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest(context)) {
      current.set(find(context) == null || declaresOwn(context) ? start(context) : find(context));
    }
  }

  /**
   * {@inheritDoc} Starts the per-test sandbox (or a per-class one registered on an instance field).
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest(context)) {
      current.set(start(context));
    } else {
      // an instance field registration sees no beforeAll: start the class's sandbox now
      current.set(classSandbox(context.getParent().orElse(context)));
    }
  }

  /** {@inheritDoc} Closes the per-test sandbox. */
  @Override
  public void afterEach(ExtensionContext context) {
    current.remove();
    Running own = context.getStore(namespace()).remove(key, Running.class);
    if (own != null) {
      own.close();
    }
    context.getParent().map(this::find).ifPresent(current::set);
  }

  /** {@inheritDoc} Forgets the class's sandbox on this thread; JUnit's store closes it. */
  @Override
  public void afterAll(ExtensionContext context) {
    current.remove();
  }

  /** {@inheritDoc} Resolves parameters of type {@link CsmSandbox}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CsmSandbox.class;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ParameterResolutionException for a per-test sandbox asked for outside a test method,
   *     e.g. in a constructor or a {@code @BeforeAll} method
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CsmSandbox s = find(context);
    if (s == null) {
      if (perTest(context)) {
        throw new ParameterResolutionException(
            "a per-test CsmSandbox exists only for a test method and its @BeforeEach/@AfterEach"
                + " methods, not for "
                + parameter.getDeclaringExecutable());
      }
      s = classSandbox(context);
    }
    return s;
  }

  private CsmSandbox classSandbox(ExtensionContext context) {
    CsmSandbox s = find(context);
    return s != null ? s : start(context);
  }

  private CsmSandbox find(ExtensionContext context) {
    Running r = context.getStore(namespace()).get(key, Running.class);
    return r == null ? null : r.sandbox;
  }

  private CsmSandbox start(ExtensionContext owner) {
    CsmSandbox.Builder b = CsmSandbox.builder();
    WithCsmSandbox declared = declaration(owner);
    if (declared != null) {
      configure(b, declared);
    } else {
      configuration.accept(b);
    }
    Running r = new Running(b.start());
    owner.getStore(namespace()).put(key, r);
    return r.sandbox;
  }

  private boolean perTest(ExtensionContext context) {
    WithCsmSandbox declared = declaration(context);
    return declared != null ? declared.perTest() : perTest;
  }

  /** A nested class that carries its own annotation: it does not share its enclosing sandbox. */
  private boolean declaresOwn(ExtensionContext context) {
    return key == DECLARATIVE
        && context
            .getTestClass()
            .map(c -> c.isAnnotationPresent(WithCsmSandbox.class))
            .orElse(false);
  }

  /** The nearest annotation on the test class or its enclosing classes, declarative form only. */
  private WithCsmSandbox declaration(ExtensionContext context) {
    if (key != DECLARATIVE) {
      return null;
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      WithCsmSandbox a = c.getAnnotation(WithCsmSandbox.class);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static void configure(CsmSandbox.Builder b, WithCsmSandbox a) {
    if (!a.token().isEmpty()) {
      b.token(a.token());
    }
    b.queuedFor(Duration.ofMillis(a.queuedForMillis()))
        .runsFor(Duration.ofMillis(a.runsForMillis()))
        .taskLimit(a.taskLimit())
        .requireExperimentalHeader(a.requireExperimentalHeader());
  }

  private static ExtensionContext.Namespace namespace() {
    return ExtensionContext.Namespace.create(CsmSandboxExtension.class);
  }

  /**
   * A started sandbox in the store, closed by JUnit when its context ends. Releases before 5.13
   * close only {@code CloseableResource}, later ones prefer {@code AutoCloseable}: it is both, and
   * each release closes it once.
   */
  @SuppressWarnings("deprecation")
  private static final class Running
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final CsmSandbox sandbox;

    Running(CsmSandbox sandbox) {
      this.sandbox = sandbox;
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }
}
