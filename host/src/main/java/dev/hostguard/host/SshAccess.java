package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.net.InetAddresses;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandException;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import java.net.InetAddress;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the operator reaches the target over SSH, for {@link LockoutGuard}: the port(s) sshd listens
 * on and, when known, the address the operator connects from, the target's address it connects to
 * and the interface the connection arrives on. A part not known is "anywhere": the guard then
 * checks a value that no rule singles out.
 *
 * <p>{@link #discover} asks the target: {@code SSH_CONNECTION} (else {@code SSH_CLIENT}) of the
 * session the executor runs in gives the operator's address and the port it reached; else the ports
 * come from {@code sshd -T}, else from the {@code Port} lines of {@code /etc/ssh/sshd_config} (and
 * the files it includes), else 22.
 *
 * <pre>{@code
 * SshAccess access = SshAccess.discover(sshExecutor, HostFiles.over(sudo));
 * SshAccess fixed = SshAccess.onPort(2222).withSource(InetAddresses.forString("198.51.100.7"));
 * }</pre>
 *
 * @param ports the ports sshd listens on (at least one, each 1–65535)
 * @param source the operator's address, if known
 * @param destination the target's address the operator connects to, if known
 * @param interfaceName the target's interface the connection arrives on, if known
 */
public record SshAccess(
    ImmutableList<Integer> ports,
    Optional<InetAddress> source,
    Optional<InetAddress> destination,
    Optional<String> interfaceName) {
  /** sshd's default port. */
  public static final int DEFAULT_PORT = 22;

  /** sshd's main configuration file. */
  public static final Path SSHD_CONFIG = Path.of("/etc/ssh/sshd_config");

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern PORT = Pattern.compile("(?i)^\\s*Port\\s+(\\d+)\\s*(#.*)?$");
  private static final Pattern INCLUDE = Pattern.compile("(?i)^\\s*Include\\s+(.+?)\\s*$");
  private static final Pattern MATCH = Pattern.compile("(?i)^\\s*Match\\s.*$");
  private static final Pattern DEV = Pattern.compile("\\sdev\\s+(\\S+)");
  private static final int MAX_INCLUDE_DEPTH = 16;

  /** Checks the parts: at least one port, each 1–65535, and a non-empty interface name. */
  public SshAccess {
    ports = ImmutableList.copyOf(ports);
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(interfaceName, "interfaceName");
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("no SSH port");
    }
    for (int p : ports) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("SSH port out of 1-65535: " + p);
      }
    }
    if (interfaceName.isPresent() && interfaceName.get().isEmpty()) {
      throw new IllegalArgumentException("empty interface name");
    }
  }

  /** Access on {@code port} from anywhere (address and interface not known). */
  public static SshAccess onPort(int port) {
    return new SshAccess(
        ImmutableList.of(port), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This access from the operator's {@code address}. */
  public SshAccess withSource(InetAddress address) {
    return new SshAccess(ports, Optional.of(address), destination, interfaceName);
  }

  /** This access to the target's {@code address}. */
  public SshAccess withDestination(InetAddress address) {
    return new SshAccess(ports, source, Optional.of(address), interfaceName);
  }

  /** This access arriving on the target's interface {@code name}. */
  public SshAccess withInterface(String name) {
    return new SshAccess(ports, source, destination, Optional.of(name));
  }

  /**
   * Finds out how the operator reaches the target. Through {@code executor}: {@code printenv
   * SSH_CONNECTION} (then {@code SSH_CLIENT}): the session's addresses and port; {@code ip -o route
   * get SOURCE}: the interface towards the operator; {@code sshd -T}: the ports, when the session
   * did not tell. Through {@code files}: {@code /etc/ssh/sshd_config}'s {@code Port} lines (and the
   * files its {@code Include} lines name) when {@code sshd -T} fails; 22 when nothing says.
   *
   * <p>{@code SSH_CONNECTION} is only there when {@code executor} runs commands in the operator's
   * SSH session: sudo drops it by default, so pass the {@code SshExecutor} itself (and files
   * through sudo); {@code sshd -T} needs root (as sudo gives) to read the host keys.
   */
  public static SshAccess discover(CommandExecutor executor, HostFiles files) {
    requireNonNull(executor, "executor");
    requireNonNull(files, "files");
    Optional<SshAccess> session =
        fromEnvironment(run(executor, List.of("printenv", "SSH_CONNECTION")), 4)
            .or(() -> fromEnvironment(run(executor, List.of("printenv", "SSH_CLIENT")), 3));
    if (session.isPresent()) {
      SshAccess s = session.get();
      Optional<String> dev =
          run(
                  executor,
                  List.of(
                      "ip",
                      "-o",
                      "route",
                      "get",
                      InetAddresses.toAddrString(s.source().orElseThrow())))
              .flatMap(SshAccess::routeDevice);
      return dev.map(s::withInterface).orElse(s);
    }
    List<Integer> ports =
        run(executor, List.of("sshd", "-T"))
            .map(SshAccess::sshdTestPorts)
            .filter(p -> !p.isEmpty())
            .orElseGet(() -> configPorts(files));
    return new SshAccess(
        ImmutableList.copyOf(ports), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** stdout of a command that exited 0, else empty (a missing program or a refusal alike). */
  private static Optional<String> run(CommandExecutor executor, List<String> argv) {
    try {
      CommandResult r =
          executor.execute(Command.of(argv).withTimeout(TIMEOUT).acceptingAnyExitCode());
      return r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
    } catch (CommandException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code SSH_CONNECTION} ({@code CLIENT_IP CLIENT_PORT SERVER_IP SERVER_PORT}) or {@code
   * SSH_CLIENT} ({@code CLIENT_IP CLIENT_PORT SERVER_PORT}).
   */
  static Optional<SshAccess> fromEnvironment(Optional<String> value, int fields) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String[] f = value.get().strip().split("\\s+");
    if (f.length != fields || !InetAddresses.isInetAddress(f[0])) {
      return Optional.empty();
    }
    int port;
    try {
      port = Integer.parseInt(f[fields - 1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (port < 1 || port > 65535) {
      return Optional.empty();
    }
    SshAccess a = onPort(port).withSource(InetAddresses.forString(f[0]));
    if (fields == 4 && InetAddresses.isInetAddress(f[2])) {
      a = a.withDestination(InetAddresses.forString(f[2]));
    }
    return Optional.of(a);
  }

  /** The {@code dev NAME} of {@code ip -o route get}'s answer. */
  static Optional<String> routeDevice(String ipRouteGet) {
    Matcher m = DEV.matcher(ipRouteGet);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The {@code port N} lines of {@code sshd -T}, in order. */
  static List<Integer> sshdTestPorts(String sshdT) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (String line : sshdT.split("\n")) {
      String[] w = line.strip().split("\\s+");
      if (w.length == 2 && w[0].equals("port")) {
        try {
          ports.add(Integer.parseInt(w[1]));
        } catch (NumberFormatException e) {
          // not a port line after all
        }
      }
    }
    return new ArrayList<>(ports);
  }

  /** The {@code Port} lines of sshd_config and its includes (before any Match), else 22. */
  static List<Integer> configPorts(HostFiles files) {
    Set<Integer> ports = new LinkedHashSet<>();
    collectPorts(files, SSHD_CONFIG, ports, 0);
    return ports.isEmpty() ? List.of(DEFAULT_PORT) : new ArrayList<>(ports);
  }

  /** Returns false once a {@code Match} line ends the global part. */
  private static boolean collectPorts(HostFiles files, Path file, Set<Integer> ports, int depth) {
    if (depth > MAX_INCLUDE_DEPTH) {
      return true;
    }
    Optional<byte[]> bytes = files.read(file);
    if (bytes.isEmpty()) {
      return true;
    }
    for (String line : new String(bytes.get(), UTF_8).split("\n")) {
      if (MATCH.matcher(line).matches()) {
        return false;
      }
      Matcher port = PORT.matcher(line);
      if (port.matches()) {
        try {
          int p = Integer.parseInt(port.group(1));
          if (p >= 1 && p <= 65535) {
            ports.add(p);
          }
        } catch (NumberFormatException e) {
          // sshd refuses it too
        }
        continue;
      }
      Matcher include = INCLUDE.matcher(line);
      if (include.matches()) {
        for (String pattern : include.group(1).split("\\s+")) {
          for (Path f : expand(files, pattern)) {
            if (!collectPorts(files, f, ports, depth + 1)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  /** sshd's Include: a path relative to /etc/ssh, a glob in its last part; sorted. */
  private static List<Path> expand(HostFiles files, String pattern) {
    Path p = pattern.startsWith("/") ? Path.of(pattern) : Path.of("/etc/ssh").resolve(pattern);
    Path dir = p.getParent();
    String name = String.valueOf(p.getFileName());
    if (dir == null || (name.indexOf('*') < 0 && name.indexOf('?') < 0 && name.indexOf('[') < 0)) {
      return List.of(p);
    }
    if (!files.isDirectory(dir)) {
      return List.of();
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
    List<Path> out = new ArrayList<>();
    for (Path f : files.list(dir)) {
      if (f.getFileName() != null && m.matches(f.getFileName())) {
        out.add(f);
      }
    }
    return out;
  }

  /** The ports and what is known of the operator, for messages. */
  @Override
  public String toString() {
    return "SSH on port"
        + (ports.size() > 1 ? "s " : " ")
        + String.join(",", ports.stream().map(String::valueOf).toList())
        + source.map(s -> " from " + InetAddresses.toAddrString(s)).orElse(" from anywhere")
        + destination.map(d -> " to " + InetAddresses.toAddrString(d)).orElse("")
        + interfaceName.map(i -> " on " + i).orElse("");
  }
}
