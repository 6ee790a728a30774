package dev.hostguard.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.reflect.ClassPath;
import dev.hostguard.core.LosslessDocument;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the public types of every library module by reflection and holds them to the naming scheme
 * of {@code docs/api.md}: documents parse as {@code parse(String sourceName, String text)} or
 * {@code parse(String sourceName, byte[] bytes)} and implement {@link LosslessDocument}; {@code
 * load} reads a {@link Path}; enum lookups are {@code fromWord}; public parse methods never return
 * {@code @Nullable}.
 */
class ApiConventionsTest {
  /** The library modules' packages; the command line, examples and benchmarks are programs. */
  private static final List<String> LIBRARY_PACKAGES =
      List.of(
          "dev.hostguard.core",
          "dev.hostguard.exec",
          "dev.hostguard.testing",
          "dev.hostguard.ufw",
          "dev.hostguard.psad",
          "dev.hostguard.fail2ban",
          "dev.hostguard.host");

  /**
   * Lookups on an enum named after what they read, where that is not the value's own spelling
   * (docs/api.md): a second spelling in another file, or a classifier of something else.
   */
  private static final Set<String> SECOND_LOOKUPS = Set.of("fromTarget", "forKey");

  private static final List<Class<?>> PUBLIC_TYPES = new ArrayList<>();

  @BeforeAll
  static void findPublicTypes() throws IOException {
    ClassPath classPath = ClassPath.from(ApiConventionsTest.class.getClassLoader());
    for (ClassPath.ClassInfo info : classPath.getTopLevelClassesRecursive("dev.hostguard")) {
      String pkg = info.getPackageName();
      boolean library =
          LIBRARY_PACKAGES.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
      if (!library || pkg.contains(".internal") || isTestClass(info)) {
        continue;
      }
      addPublic(info.load());
    }
    // Every library module must have been seen, or the walk proves nothing.
    for (String p : List.of("core", "exec", "ufw", "psad", "fail2ban", "host")) {
      assertThat(PUBLIC_TYPES)
          .as("public types found in dev.hostguard." + p)
          .anyMatch(c -> c.getPackageName().startsWith("dev.hostguard." + p));
    }
    assertThat(PUBLIC_TYPES.size()).as("public types walked").isGreaterThan(60);
  }

  private static boolean isTestClass(ClassPath.ClassInfo info) {
    String url = info.url().toString();
    return url.contains("/test-classes/") || url.contains("-tests.jar");
  }

  private static void addPublic(Class<?> c) {
    if (!Modifier.isPublic(c.getModifiers()) || c.isSynthetic()) {
      return;
    }
    PUBLIC_TYPES.add(c);
    for (Class<?> nested : c.getDeclaredClasses()) {
      addPublic(nested);
    }
  }

  @Test
  void everyPublicParseFollowsTheScheme() {
    List<String> departures = new ArrayList<>();
    for (Class<?> c : PUBLIC_TYPES) {
      for (Method m : ownMethods(c)) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
          continue;
        }
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        String name = m.getName();
        if (!name.equals("parse") && !name.equals("parseValid")) {
          continue;
        }
        if (!isStatic) {
          if (!c.getSimpleName().endsWith("Parser")) {
            departures.add(sig(m) + ": an instance parse outside a *Parser class");
          }
          continue;
        }
        if (!isDocumentSignature(m)) {
          departures.add(
              sig(m)
                  + ": a static parse takes (String sourceName, String text) or (String, byte[])");
          continue;
        }
        if (!m.getReturnType().equals(c)) {
          departures.add(sig(m) + ": a document's parse returns its own type");
        }
        if (m.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)) {
          departures.add(sig(m) + ": returns @Nullable");
        }
      }
    }
    assertThat(departures).as("departures from docs/api.md").isEmpty();
  }

  @Test
  void everyTypeThatParsesTextIsALosslessDocument() {
    Set<String> notDocuments = new TreeSet<>();
    int documents = 0;
    for (Class<?> c : PUBLIC_TYPES) {
      boolean parsesText =
          ownMethods(c).stream()
              .anyMatch(
                  m ->
                      Modifier.isPublic(m.getModifiers())
                          && Modifier.isStatic(m.getModifiers())
                          && m.getName().equals("parse")
                          && isDocumentSignature(m));
      if (!parsesText) {
        continue;
      }
      documents++;
      if (!LosslessDocument.class.isAssignableFrom(c)) {
        notDocuments.add(c.getName());
      }
    }
    assertThat(notDocuments)
        .as("types with parse(String, String|byte[]) that are not LosslessDocuments")
        .isEmpty();
    assertThat(documents).as("documents found").isGreaterThanOrEqualTo(10);
  }

  @Test
  void loadReadsAPathAndNothingTakesAStringDirectory() {
    List<String> departures = new ArrayList<>();
    for (Class<?> c : PUBLIC_TYPES) {
      for (Method m : ownMethods(c)) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        if (m.getName().equals("load")
            && Arrays.stream(m.getParameterTypes()).noneMatch(Path.class::equals)) {
          departures.add(sig(m) + ": load(...) is only for methods that read a Path");
        }
      }
    }
    assertThat(departures).as("departures from docs/api.md").isEmpty();
  }

  @Test
  void enumLookupsAreFromWord() {
    List<String> departures = new ArrayList<>();
    int enums = 0;
    for (Class<?> c : PUBLIC_TYPES) {
      if (!c.isEnum()) {
        continue;
      }
      enums++;
      for (Method m : ownMethods(c)) {
        if (!Modifier.isPublic(m.getModifiers())
            || !Modifier.isStatic(m.getModifiers())
            || m.isSynthetic()
            || m.getName().equals("valueOf")
            || m.getParameterCount() != 1
            || m.getParameterTypes()[0] != String.class) {
          continue;
        }
        boolean returnsValue =
            m.getReturnType().equals(c)
                || (m.getReturnType().equals(java.util.Optional.class)
                    && m.getGenericReturnType().getTypeName().contains(c.getName()));
        if (returnsValue
            && !m.getName().equals("fromWord")
            && !SECOND_LOOKUPS.contains(m.getName())) {
          departures.add(sig(m) + ": an enum's lookup by the tool's spelling is fromWord");
        }
      }
    }
    assertThat(departures).as("departures from docs/api.md").isEmpty();
    assertThat(enums).as("public enums walked").isGreaterThan(5);
  }

  /**
   * The methods a user calls on {@code c}: its own, plus the public ones it inherits from a
   * package-private superclass (an Immutables abstract value declares its parse there).
   */
  private static List<Method> ownMethods(Class<?> c) {
    List<Method> out = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
    for (Method m : c.getMethods()) {
      Class<?> d = m.getDeclaringClass();
      if (d != c
          && !Modifier.isPublic(d.getModifiers())
          && d.getPackageName().startsWith("dev.hostguard")) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean isDocumentSignature(Method m) {
    Class<?>[] p = m.getParameterTypes();
    return p.length == 2 && p[0] == String.class && (p[1] == String.class || p[1] == byte[].class);
  }

  private static String sig(Method m) {
    return m.getDeclaringClass().getName()
        + "."
        + m.getName()
        + Arrays.toString(Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toArray());
  }
}
