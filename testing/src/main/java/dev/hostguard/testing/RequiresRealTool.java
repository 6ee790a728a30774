package dev.hostguard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs real tools. When one is missing, or a tool with a pinned
 * version (ufw 0.36.2, fail2ban 1.0.2, psad 2.4.6) is another version, the test is skipped with a
 * message naming the apt package or both versions, or fails when the environment variable {@code
 * CI} is {@code true}, {@code 1} or {@code yes}. Tests carrying it are tagged {@code real-tool}.
 *
 * <pre>{@code
 * @RequiresRealTool({RealTool.UFW})
 * class UfwDryRunDifferentialTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("real-tool")
@ExtendWith(RealToolExtension.class)
public @interface RequiresRealTool {
  /** The tools needed. */
  RealTool[] value();

  /** Also needs root (for namespaces). */
  boolean root() default false;
}
