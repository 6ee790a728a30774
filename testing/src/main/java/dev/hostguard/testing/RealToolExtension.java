package dev.hostguard.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Enforces {@link RequiresRealTool}: skips loudly without the tools (or with another version of a
 * pinned one), fails under CI.
 */
final class RealToolExtension implements BeforeAllCallback, BeforeEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    check(context.getElement(), context.getDisplayName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    check(context.getElement(), context.getDisplayName());
  }

  private static void check(Optional<AnnotatedElement> element, String name) {
    if (element.isEmpty()) {
      return;
    }
    List<RequiresRealTool> all = new ArrayList<>();
    AnnotationSupport.findAnnotation(element.get(), RequiresRealTool.class).ifPresent(all::add);
    Set<String> missing = new LinkedHashSet<>();
    for (RequiresRealTool r : all) {
      for (RealTool tool : r.value()) {
        if (tool.find().isEmpty()) {
          missing.add(tool.programName() + " (apt-get install " + tool.aptPackage() + ")");
        } else if (tool.pinnedVersion().isPresent()) {
          String installed = tool.installedVersion().orElse("unknown");
          if (!installed.equals(tool.pinnedVersion().get())) {
            missing.add(
                tool.programName()
                    + " "
                    + tool.pinnedVersion().get()
                    + " (installed: "
                    + installed
                    + "; the expectations were measured on "
                    + tool.pinnedVersion().get()
                    + ")");
          }
        }
      }
      if (r.root() && !RealTools.isRoot()) {
        missing.add("root (needed for private namespaces)");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        name
            + " needs real tools that are missing or of another version: "
            + String.join(", ", missing);
    if (RealTools.isCi()) {
      throw new AssertionError(message + " [CI: a missing tool or another version is a failure]");
    }
    System.err.println("SKIPPED: " + message);
    throw new TestAbortedException(message);
  }
}
