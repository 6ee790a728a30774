package dev.hostguard.cli;

import com.google.common.collect.ImmutableMap;
import dev.hostguard.ufw.UserRulesFile;
import dev.hostguard.ufw.UserRulesOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tree {@code harden} reads on a machine without ufw, psad and fail2ban: a minimal, valid
 * configuration of hostguard's own text (Debian's files are GPL and not ours to ship). {@code
 * user.rules} and {@code user6.rules} are written by ufw-model's renderer for an empty rule set;
 * the other files are resources of this module. Written to a temporary directory that {@link
 * #close} deletes.
 */
final class SampleTree implements AutoCloseable {
  /** Resource name → path in the tree. */
  static final ImmutableMap<String, String> RESOURCES =
      ImmutableMap.<String, String>builder()
          .put("default-ufw", "etc/default/ufw")
          .put("ufw.conf", "etc/ufw/ufw.conf")
          .put("before.rules", "etc/ufw/before.rules")
          .put("before6.rules", "etc/ufw/before6.rules")
          .put("after.rules", "etc/ufw/after.rules")
          .put("after6.rules", "etc/ufw/after6.rules")
          .put("psad.conf", "etc/psad/psad.conf")
          .put("jail.conf", "etc/fail2ban/jail.conf")
          .put("services", "etc/services")
          .buildOrThrow();

  private final Path root;

  private SampleTree(Path root) {
    this.root = root;
  }

  /** Writes the sample tree to a new temporary directory. */
  static SampleTree create() {
    try {
      Path root = Files.createTempDirectory("hostguard-sample-");
      SampleTree tree = new SampleTree(root);
      try {
        for (Map.Entry<String, String> e : files().entrySet()) {
          Path p = root.resolve(e.getKey());
          Files.createDirectories(p.getParent());
          Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(root.resolve("etc/ufw/applications.d"));
        Files.createDirectories(root.resolve("etc/fail2ban/jail.d"));
      } catch (IOException | RuntimeException e) {
        tree.close();
        throw e;
      }
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample tree: " + e.getMessage(), e);
    }
  }

  /** Every file of the tree: relative path → text. */
  static ImmutableMap<String, String> files() {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    for (Map.Entry<String, String> e : RESOURCES.entrySet()) {
      b.put(e.getValue(), resource(e.getKey()));
    }
    UserRulesOptions stock = UserRulesOptions.stock();
    b.put("etc/ufw/user.rules", UserRulesFile.of(List.of(), false, stock).render());
    b.put("etc/ufw/user6.rules", UserRulesFile.of(List.of(), true, stock).render());
    return b.buildOrThrow();
  }

  private static String resource(String name) {
    try (InputStream in = SampleTree.class.getResourceAsStream("sample/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks its sample file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding {@code etc/}. */
  Path root() {
    return root;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
