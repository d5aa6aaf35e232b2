package io.github.csmkit.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link CsmSandbox} for the annotated test class (or for each of its tests) and injects it
 * into {@code CsmSandbox} parameters of test, lifecycle and constructor methods: the declarative
 * form of {@link CsmSandboxExtension}.
 *
 * <pre>{@code
 * @WithCsmSandbox(taskLimit = 2)
 * class ImportTest {
 *   @Test
 *   void imports(CsmSandbox sandbox) { ... }
 * }
 * }</pre>
 *
 * <p>{@code @Nested} classes share the sandbox of their enclosing class; a nested class that
 * carries its own {@code @WithCsmSandbox} gets its own. Options not given keep the {@link
 * CsmSandbox#builder()} defaults; for anything else use {@link CsmSandboxExtension#perClass} with
 * {@code @RegisterExtension}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CsmSandboxExtension.class)
public @interface WithCsmSandbox {
  /**
   * A fresh sandbox for every test instead of one for the class.
   *
   * @return true for one sandbox per test
   */
  boolean perTest() default false;

  /**
   * The bearer token; empty (the default) for a random one.
   *
   * @return the token, or empty
   */
  String token() default "";

  /**
   * How long a new task stays {@code NOT_STARTED}, in milliseconds.
   *
   * @return not negative; default 0
   */
  long queuedForMillis() default 0;

  /**
   * How long a task stays {@code IN_PROGRESS}, in milliseconds.
   *
   * @return not negative; default 50
   */
  long runsForMillis() default 50;

  /**
   * The most unfinished tasks a tenant may have.
   *
   * @return at least 1; default 5
   */
  int taskLimit() default 5;

  /**
   * Whether requests without {@code X-ExperimentalApi: opt-in} get 412.
   *
   * @return default true
   */
  boolean requireExperimentalHeader() default true;
}
