package io.github.csmkit.sandbox;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link CsmSandbox} and closes it, per test class or per test.
 * Register it with {@code @RegisterExtension}; test and lifecycle methods can take a {@code
 * CsmSandbox} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CsmSandboxExtension SANDBOX = CsmSandboxExtension.perClass(b -> b.taskLimit(2));
 *
 * @Test
 * void imports(CsmSandbox sandbox) { ... }
 * }</pre>
 *
 * <p>Needs junit-jupiter-api on the class path (csm-sandbox declares it optional).
 */
public final class CsmSandboxExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final boolean perTest;
  private final Consumer<CsmSandbox.Builder> configuration;
  private volatile CsmSandbox sandbox;

  private CsmSandboxExtension(boolean perTest, Consumer<CsmSandbox.Builder> configuration) {
    this.perTest = perTest;
    this.configuration = Objects.requireNonNull(configuration, "configuration");
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
    return new CsmSandboxExtension(false, configuration);
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
    return new CsmSandboxExtension(true, configuration);
  }

  /**
   * The running sandbox.
   *
   * @return the sandbox of the current class or test
   * @throws IllegalStateException outside a test's lifecycle
   */
  public CsmSandbox sandbox() {
    CsmSandbox s = sandbox;
    if (s == null) {
      throw new IllegalStateException("the sandbox runs only while a test (or its class) runs");
    }
    return s;
  }

  /** {@inheritDoc} Starts the per-class sandbox. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      start();
    }
  }

  /**
   * {@inheritDoc} Starts the per-test sandbox (or a per-class one registered on an instance field).
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (perTest || sandbox == null) {
      start();
    }
  }

  /** {@inheritDoc} Closes the per-test sandbox. */
  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  /** {@inheritDoc} Closes the sandbox if it still runs. */
  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** {@inheritDoc} Resolves parameters of type {@link CsmSandbox}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CsmSandbox.class;
  }

  /** {@inheritDoc} */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (sandbox == null) {
      start();
    }
    return sandbox;
  }

  private synchronized void start() {
    stop();
    CsmSandbox.Builder b = CsmSandbox.builder();
    configuration.accept(b);
    sandbox = b.start();
  }

  private synchronized void stop() {
    CsmSandbox s = sandbox;
    sandbox = null;
    if (s != null) {
      s.close();
    }
  }
}
