package dev.hostguard.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real ufw with private files inside a {@link NetworkNamespace}, for tests that enable it and
 * keep it: a copy of the stock files ({@link UfwDataDir}) bind-mounted over {@code /etc/ufw} and
 * {@code /etc/default} (the directory, so that an atomic write can rename over {@code
 * /etc/default/ufw}; it holds only {@code ufw}), an empty {@code sysctl.conf} and no module loading
 * (nothing kernel-wide changes), {@code IPV6} set as asked, and a private {@code /etc/alternatives}
 * pointing iptables at the legacy backend (about three times faster than iptables-nft). {@link
 * #close()} removes the copied alternatives links (they point outside the temporary directory,
 * which a test framework would otherwise follow). {@link #inNewNamespace} makes a namespace of its
 * own for it, which {@link #close()} then closes too.
 *
 * <pre>{@code
 * try (PrivateUfw ufw = PrivateUfw.inNewNamespace(tmp, true)) {
 *   ufw.namespace().run("ufw", "--force", "enable"); }
 * }</pre>
 */
public final class PrivateUfw implements AutoCloseable {
  private final NetworkNamespace namespace;
  private final boolean ownsNamespace;
  private final Path data;
  private final Path etcUfw;
  private final Path defaults;
  private final Path alternatives;

  private PrivateUfw(
      NetworkNamespace namespace,
      boolean ownsNamespace,
      Path data,
      Path etcUfw,
      Path defaults,
      Path alternatives) {
    this.namespace = namespace;
    this.ownsNamespace = ownsNamespace;
    this.data = data;
    this.etcUfw = etcUfw;
    this.defaults = defaults;
    this.alternatives = alternatives;
  }

  /**
   * Installs the private ufw in a new {@link NetworkNamespace} of its own, with a private {@code
   * /run} (as {@link #install install(ns, work, ipv6, true)}); {@link #close()} undoes the install,
   * then closes the namespace. If the install fails, the namespace is closed before the exception
   * is rethrown.
   *
   * <pre>{@code
   * try (PrivateUfw ufw = PrivateUfw.inNewNamespace(tmp, false)) {
   *   UfwClient.on(ufw.namespace().executor()).enable(); }
   * }</pre>
   *
   * @param work the directory of its files ({@code work/data} and {@code work/alternatives})
   * @param ipv6 the {@code IPV6=} setting of {@code /etc/default/ufw}
   */
  public static PrivateUfw inNewNamespace(Path work, boolean ipv6) {
    NetworkNamespace ns = NetworkNamespace.create();
    try {
      return install(ns, true, work, ipv6, true);
    } catch (RuntimeException | Error e) {
      ns.close();
      throw e;
    }
  }

  /**
   * Installs the private ufw in {@code ns}, its files under {@code work} ({@code work/data} and
   * {@code work/alternatives}). The caller keeps {@code ns} and closes it after this.
   *
   * <pre>{@code
   * try (NetworkNamespace ns = NetworkNamespace.create();
   *     PrivateUfw ufw = PrivateUfw.install(ns, tmp, true, true)) { ns.run("ufw", "--force", "enable"); }
   * }</pre>
   *
   * @param ipv6 the {@code IPV6=} setting of {@code /etc/default/ufw}
   * @param mountRun whether to mount a private {@code /run} too (leave it out when a server already
   *     runs there with its own)
   */
  public static PrivateUfw install(NetworkNamespace ns, Path work, boolean ipv6, boolean mountRun) {
    return install(ns, false, work, ipv6, mountRun);
  }

  private static PrivateUfw install(
      NetworkNamespace ns, boolean owns, Path work, boolean ipv6, boolean mountRun) {
    try {
      Path data = UfwDataDir.createStock(work.resolve("data"));
      Path etcUfw = data.resolve("etc/ufw");
      Path defaults = data.resolve("etc/default/ufw");
      Files.writeString(etcUfw.resolve("sysctl.conf"), "", UTF_8);
      String text =
          Files.readString(defaults, UTF_8)
              .replaceAll("(?m)^IPT_MODULES=.*$", "IPT_MODULES=\"\"")
              .replaceAll("(?m)^IPV6=.*$", ipv6 ? "IPV6=yes" : "IPV6=no");
      Files.writeString(defaults, text, UTF_8);
      Path alternatives = Files.createDirectories(work.resolve("alternatives"));
      PrivateUfw ufw = new PrivateUfw(ns, owns, data, etcUfw, defaults, alternatives);
      try {
        if (mountRun) {
          ns.mountTmpfs(Path.of("/run"));
        }
        ns.bindMount(etcUfw, Path.of("/etc/ufw"));
        ns.bindMount(data.resolve("etc/default"), Path.of("/etc/default"));
        ns.run("cp", "-a", "/etc/alternatives/.", alternatives + "/");
        for (String t : List.of("iptables", "ip6tables")) {
          for (String suffix : List.of("", "-restore", "-save")) {
            Path link = alternatives.resolve(t + suffix);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of("/usr/sbin/" + t + "-legacy" + suffix));
          }
        }
        ns.bindMount(alternatives, Path.of("/etc/alternatives"));
      } catch (RuntimeException | IOException e) {
        ufw.removeLinks();
        throw e;
      }
      return ufw;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The namespace the private ufw is installed in: the one given to {@link #install}, or the one
   * {@link #inNewNamespace} made.
   *
   * <pre>{@code
   * ufw.namespace().run("ufw", "status");
   * }</pre>
   */
  public NetworkNamespace namespace() {
    return namespace;
  }

  /**
   * The private tree ({@code work/data}) whose {@code etc/ufw} and {@code etc/default} are mounted
   * over the real ones; a test may add its own {@code etc/...} copies beside them.
   */
  public Path dataDir() {
    return data;
  }

  /** The private {@code /etc/ufw}, as the test sees it from outside the namespace. */
  public Path etcUfw() {
    return etcUfw;
  }

  /** The private {@code /etc/default/ufw}, as the test sees it from outside the namespace. */
  public Path defaults() {
    return defaults;
  }

  /** The text of a file of the private {@code /etc/ufw}, such as {@code user.rules}. */
  public String read(String name) {
    try {
      return Files.readString(etcUfw.resolve(name), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the copied alternatives links; the namespace's own close unmounts the rest. A namespace
   * made by {@link #inNewNamespace} is closed here too, after the links are gone (even if removing
   * them fails); one given to {@link #install} is left to its caller.
   */
  @Override
  public void close() {
    try (NetworkNamespace owned = ownsNamespace ? namespace : null) {
      removeLinks();
    }
  }

  private void removeLinks() {
    try (Stream<Path> links = Files.list(alternatives)) {
      for (Path link : (Iterable<Path>) links::iterator) {
        Files.deleteIfExists(link);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
