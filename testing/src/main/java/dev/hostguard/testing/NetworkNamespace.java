package dev.hostguard.testing;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private network and mount namespace for real-tool tests, held open by a process of its own
 * ({@code unshare --net --mount --propagation private cat}, whose stdin this object holds: if the
 * JVM dies, {@code cat} ends and so does the namespace). Its loopback is up; mounts made in it
 * ({@link #mountTmpfs}, {@link #bindMount}) never reach the host. Commands run inside through
 * {@link #executor()} ({@code nsenter}, never a shell). {@link #close()} kills every process whose
 * network namespace this is, by pid. Needs root, {@code unshare}, {@code nsenter} and {@code ip}.
 * {@link #link} joins two of them with a veth pair, so that packets between them cross a firewall
 * (over loopback ufw accepts everything).
 *
 * <pre>{@code
 * try (NetworkNamespace ns = NetworkNamespace.create()) {
 *   ns.executor().execute(Command.of("ip", "-o", "link")).stdout(); }
 * }</pre>
 */
public final class NetworkNamespace implements AutoCloseable {
  private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

  private final Process holder;
  private final String netInode;
  private final NamespaceExecutor executor;

  private NetworkNamespace(Process holder, String netInode) {
    this.holder = holder;
    this.netInode = netInode;
    this.executor = NamespaceExecutor.networkAndMount(holder.pid(), LocalExecutor.create());
  }

  /** A fresh namespace with its loopback up. */
  public static NetworkNamespace create() {
    Path unshare = RealTool.UNSHARE.require();
    RealTool.NSENTER.require();
    Path ip = RealTool.IP.require();
    Process p;
    try {
      p =
          new ProcessBuilder(
                  unshare.toString(), "--net", "--mount", "--propagation", "private", "cat")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start unshare", e);
    }
    String own = netLink(ProcessHandle.current().pid()).orElse("");
    long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
    String inode;
    while (true) {
      // unshare execs cat once the namespaces exist; until then the link is the parent's
      Optional<String> link = netLink(p.pid());
      if (link.isPresent() && !link.get().equals(own)) {
        inode = link.get();
        break;
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "unshare --net --mount did not make a namespace (exit "
                + (p.isAlive() ? "none" : p.exitValue())
                + "): needs root");
      }
      sleep(10);
    }
    NetworkNamespace ns = new NetworkNamespace(p, inode);
    try {
      ns.run(ip.toString(), "link", "set", "lo", "up");
    } catch (RuntimeException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  /** The pid of the process holding the namespace ({@code /proc/PID/ns/net}). */
  public long pid() {
    return holder.pid();
  }

  /** {@code /proc/PID/ns/net}. */
  public Path netNamespacePath() {
    return Path.of("/proc/" + pid() + "/ns/net");
  }

  /**
   * Runs commands inside the network and mount namespaces ({@code nsenter --net=... --mount=... --}
   * on {@link LocalExecutor}).
   */
  public CommandExecutor executor() {
    return executor;
  }

  /**
   * Runs commands with {@code delegate} inside the network namespace only (the host's file system,
   * mounts and all): how a client joins a server started in here.
   */
  public CommandExecutor networkExecutor(CommandExecutor delegate) {
    return NamespaceExecutor.network(pid(), delegate);
  }

  /** Runs one command inside (network and mount), which must exit 0. */
  public CommandResult run(String... argv) {
    return executor.execute(Command.of(java.util.Arrays.asList(argv)).withTimeout(SETUP_TIMEOUT));
  }

  /** The interface {@link #link} names on the namespace it is called on. */
  public static final String LINK_HERE = "hgv0";

  /** The interface {@link #link} names on the other namespace. */
  public static final String LINK_THERE = "hgv1";

  /**
   * Joins this namespace to {@code other} with a veth pair: {@link #LINK_HERE} here, {@link
   * #LINK_THERE} there, each given its addresses (CIDR, IPv4 or IPv6, e.g. {@code 192.0.2.1/24},
   * {@code 2001:db8::1/64}; no duplicate address detection, so IPv6 addresses are usable at once)
   * and set up. One link per pair of namespaces.
   *
   * <p>Both namespaces also stop rate-limiting the ICMP errors of each family given an address
   * ({@code net.ipv4.icmp_ratelimit}, {@code net.ipv6.icmp.ratelimit}, per namespace and
   * destination; by default 1000 ms for v4, 1000 or 100 ms for v6 by kernel version): a probe's
   * port unreachable or reject, sent too soon after the last, would otherwise be dropped and the
   * probe would time out.
   */
  public void link(
      NetworkNamespace other, List<String> addressesHere, List<String> addressesThere) {
    String ip = RealTool.IP.require().toString();
    run(
        ip,
        "link",
        "add",
        LINK_HERE,
        "type",
        "veth",
        "peer",
        "name",
        LINK_THERE,
        "netns",
        Long.toString(other.pid()));
    for (String a : addressesHere) {
      run(ip, "addr", "add", a, "dev", LINK_HERE, "nodad");
    }
    for (String a : addressesThere) {
      other.run(ip, "addr", "add", a, "dev", LINK_THERE, "nodad");
    }
    run(ip, "link", "set", LINK_HERE, "up");
    other.run(ip, "link", "set", LINK_THERE, "up");
    List<String> all = new ArrayList<>(addressesHere);
    all.addAll(addressesThere);
    List<String> limits = new ArrayList<>();
    if (all.stream().anyMatch(a -> !a.contains(":"))) {
      limits.add("net.ipv4.icmp_ratelimit=0");
    }
    if (all.stream().anyMatch(a -> a.contains(":"))) {
      limits.add("net.ipv6.icmp.ratelimit=0");
    }
    if (!limits.isEmpty()) {
      for (NetworkNamespace ns : List.of(this, other)) {
        List<String> argv = new ArrayList<>(List.of("sysctl", "-q", "-w"));
        argv.addAll(limits);
        ns.run(argv.toArray(String[]::new));
      }
    }
  }

  /** Mounts a fresh tmpfs (mode 0755) on {@code target}, inside only. */
  public void mountTmpfs(Path target) {
    run("mount", "-t", "tmpfs", "-o", "mode=0755", "hostguard-ns", target.toString());
  }

  /** Bind-mounts {@code source} (a file or directory) on {@code target}, inside only. */
  public void bindMount(Path source, Path target) {
    run("mount", "--bind", source.toString(), target.toString());
  }

  /**
   * Starts a long-running program inside (network and mount), stdout and stderr appended to {@code
   * output}; the caller stops it (or {@link #close()} does).
   */
  public Process start(List<String> argv, Path output) {
    List<String> full = new ArrayList<>();
    full.add(RealTool.NSENTER.require().toString());
    full.add("--net=/proc/" + pid() + "/ns/net");
    full.add("--mount=/proc/" + pid() + "/ns/mnt");
    full.add("--");
    full.addAll(argv);
    try {
      File out = output.toFile();
      return new ProcessBuilder(full)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(out))
          .redirectError(ProcessBuilder.Redirect.appendTo(out))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + argv, e);
    }
  }

  /** The pids of every process whose network namespace this is (the holder included). */
  public ImmutableList<Long> processes() {
    return ProcessHandle.allProcesses()
        .map(ProcessHandle::pid)
        .filter(pid -> netLink(pid).map(netInode::equals).orElse(false))
        .collect(ImmutableList.toImmutableList());
  }

  /** Kills every process in the namespace (SIGKILL, by pid) and waits for them; idempotent. */
  @Override
  public void close() {
    for (int round = 0; round < 50; round++) {
      List<ProcessHandle> left = new ArrayList<>();
      for (long pid : processes()) {
        ProcessHandle.of(pid).ifPresent(left::add);
      }
      if (left.isEmpty()) {
        break;
      }
      for (ProcessHandle h : left) {
        h.destroyForcibly();
      }
      for (ProcessHandle h : left) {
        try {
          h.onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
          // checked again next round
        }
      }
    }
    holder.destroyForcibly();
    try {
      holder.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<String> netLink(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
