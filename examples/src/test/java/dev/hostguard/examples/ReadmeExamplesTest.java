package dev.hostguard.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles every {@code java} block of the README against the library and runs it, as zt-exec does,
 * so the README can never drift from the API: a block with a {@code main} runs and must finish
 * without an exception; a block with JUnit tests runs on the JUnit platform and every test must
 * pass; other blocks (fragments) must compile.
 */
class ReadmeExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");

  record Block(int index, String qualifiedName, String source, boolean fragment) {}

  @Test
  void everyJavaBlockCompilesAndRuns(@TempDir Path work) throws Exception {
    Path readme = Path.of("..", "README.md").toAbsolutePath().normalize();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    List<Block> blocks = extract(text);
    assertThat(blocks).as("java blocks in " + readme).hasSizeGreaterThanOrEqualTo(2);

    Path src = work.resolve("src");
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    List<Path> files = new ArrayList<>();
    for (Block b : blocks) {
      Path f = src.resolve(b.qualifiedName().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, b.source(), StandardCharsets.UTF_8);
      files.add(f);
    }
    compile(files, classes);

    int ran = 0;
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader())) {
      for (Block b : blocks) {
        if (b.fragment()) {
          continue;
        }
        Class<?> c = loader.loadClass(b.qualifiedName());
        if (hasJUnitTests(c)) {
          runJUnit(c);
          ran++;
        } else if (hasMain(c)) {
          runMain(c);
          ran++;
        }
      }
    }
    assertThat(ran).as("README blocks run (a main or a JUnit test)").isGreaterThanOrEqualTo(2);
    System.out.println(
        "ReadmeExamplesTest: " + blocks.size() + " java blocks compiled, " + ran + " run");
  }

  /**
   * Imports given to a block that has none of its own (the README's shorter blocks show only the
   * code, as the guides do).
   */
  private static final String DEFAULT_IMPORTS =
      String.join(
          "\n",
          "import dev.hostguard.core.*;",
          "import dev.hostguard.exec.*;",
          "import java.io.*;",
          "import java.nio.charset.*;",
          "import java.nio.file.*;",
          "import java.time.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "");

  static List<Block> extract(String readme) {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    int i = 0;
    while (m.find()) {
      String code = m.group(1);
      i++;
      if (!code.contains("import ") && !code.contains("package ")) {
        code = DEFAULT_IMPORTS + code;
      }
      Matcher name = CLASS_NAME.matcher(code);
      if (name.find()) {
        Matcher pkg = PACKAGE.matcher(code);
        String qualified = pkg.find() ? pkg.group(1) + "." + name.group(1) : name.group(1);
        // a class without main or tests (an SPI example) is compiled, not run
        out.add(new Block(i, qualified, code, false));
      } else {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : code.split("\n", -1)) {
          (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String cls = "ReadmeFragment" + i;
        String wrapped =
            imports
                + "class "
                + cls
                + " {\n  void fragment() throws Exception {\n"
                + body
                + "  }\n}\n";
        out.add(new Block(i, cls, wrapped, true));
      }
    }
    return out;
  }

  private static void compile(List<Path> files, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      List<String> options =
          List.of(
              "-classpath", classPath, "-d", classes.toString(), "--release", "17", "-proc:none");
      Boolean ok = javac.getTask(null, fm, diagnostics, options, null, units).call();
      assertThat(ok).as("README java blocks compile:\n" + diagnostics.getDiagnostics()).isTrue();
    }
  }

  private static boolean hasMain(Class<?> c) {
    try {
      Method main = c.getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean hasJUnitTests(Class<?> c) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class)) {
        return true;
      }
    }
    return false;
  }

  private static void runMain(Class<?> c) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      c.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(saved);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    saved.print(out);
    assertThat(out).as("what README's " + c.getName() + " printed").isNotBlank();
  }

  private static void runJUnit(Class<?> c) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(c)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    StringBuilder failures = new StringBuilder();
    summary.getFailures().forEach(f -> failures.append(f.getException()).append('\n'));
    assertThat(summary.getTestsFailedCount())
        .as("README's " + c.getName() + ": " + failures)
        .isZero();
    assertThat(summary.getTestsSucceededCount())
        .as("README's " + c.getName() + " tests run")
        .isPositive();
  }
}
