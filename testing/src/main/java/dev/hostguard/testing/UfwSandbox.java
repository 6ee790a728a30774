package dev.hostguard.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.LocalExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real, enabled-if-you-ask ufw that can never touch the host's firewall: every {@link #run}
 * starts a fresh private network and mount namespace ({@code unshare --net --mount --propagation
 * private}) with a fresh copy of ufw's stock configuration and a private {@code /run}, runs the
 * given ufw commands there in order, and returns each one's result. The namespace vanishes with the
 * process. Needs root and {@code unshare}.
 *
 * <pre>{@code
 * List<CommandResult> r = UfwSandbox.builder().build()
 *     .run(List.of(List.of("--force", "enable"), List.of("allow", "22/tcp"), List.of("status")));
 * }</pre>
 */
public final class UfwSandbox {
  /** The iptables backend ufw uses inside the sandbox. */
  public enum Backend {
    /** iptables-nft, Debian's default. */
    NFT,
    /** iptables-legacy, about three times faster. */
    LEGACY
  }

  private final ImmutableMap<String, String> applicationProfiles;
  private final ImmutableMap<String, String> etcUfwFiles;
  private final Backend backend;
  private final Duration timeout;
  private final boolean ipForwarding;

  private UfwSandbox(Builder b) {
    this.applicationProfiles = ImmutableMap.copyOf(b.applicationProfiles);
    this.etcUfwFiles = ImmutableMap.copyOf(b.etcUfwFiles);
    this.backend = b.backend;
    this.timeout = b.timeout;
    this.ipForwarding = b.ipForwarding;
  }

  /** A new builder: stock files, legacy backend, 10 minutes a run. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code ufw ARGS} for each argument list, in order, in one fresh namespace.
   *
   * @return one result per command, in order (its command is the ufw argv)
   */
  public List<CommandResult> run(List<List<String>> ufwArgvs) {
    return runCollecting(ufwArgvs).results();
  }

  /**
   * What one {@link #runCollecting} left behind: each command's result, every file of the private
   * {@code /etc/ufw} after the last command, by path relative to it ({@code user.rules}, {@code
   * applications.d/openssh-server}), the private {@code /etc/default/ufw}, read as UTF-8, and what
   * {@code iptables -S} and {@code ip6tables -S} print in the namespace after the last command (the
   * filter table's chains and rules as the kernel holds them, one line each).
   *
   * <pre>{@code
   * String userRules = sandbox.runCollecting(cmds).etcUfwFiles().get("user.rules");
   * }</pre>
   */
  public record Run(
      ImmutableList<CommandResult> results,
      ImmutableMap<String, String> etcUfwFiles,
      String defaultUfw,
      ImmutableList<String> iptablesRules,
      ImmutableList<String> ip6tablesRules) {
    /** Checks non-null parts. */
    public Run {
      java.util.Objects.requireNonNull(results, "results");
      java.util.Objects.requireNonNull(etcUfwFiles, "etcUfwFiles");
      java.util.Objects.requireNonNull(defaultUfw, "defaultUfw");
      java.util.Objects.requireNonNull(iptablesRules, "iptablesRules");
      java.util.Objects.requireNonNull(ip6tablesRules, "ip6tablesRules");
    }
  }

  /** Like {@link #run}, also returning the files ufw wrote under its private {@code /etc/ufw}. */
  public Run runCollecting(List<List<String>> ufwArgvs) {
    Path unshare = RealTool.UNSHARE.require();
    RealTool.UFW.require();
    Path work = null;
    try {
      work = Files.createTempDirectory("hostguard-ufw-sandbox");
      Path data = UfwDataDir.createStock(work.resolve("data"));
      Path etcUfw = data.resolve("etc/ufw");
      // never change kernel-wide settings from a test: empty sysctl file, no module loading
      Files.writeString(etcUfw.resolve("sysctl.conf"), "", UTF_8);
      Path defaults = data.resolve("etc/default/ufw");
      String defaultsText = Files.readString(defaults, UTF_8);
      Files.writeString(
          defaults, defaultsText.replaceAll("(?m)^IPT_MODULES=.*$", "IPT_MODULES=\"\""), UTF_8);
      for (Map.Entry<String, String> f : etcUfwFiles.entrySet()) {
        Files.writeString(etcUfw.resolve(f.getKey()), f.getValue(), UTF_8);
      }
      for (Map.Entry<String, String> p : applicationProfiles.entrySet()) {
        Files.writeString(
            etcUfw.resolve("applications.d").resolve(p.getKey()), p.getValue(), UTF_8);
      }
      Files.move(etcUfw, work.resolve("etc-ufw"));
      Files.move(defaults, work.resolve("default-ufw"));
      Files.writeString(work.resolve("backend"), backend.name().toLowerCase(java.util.Locale.ROOT));
      if (ipForwarding) {
        Files.writeString(work.resolve("forwarding"), "1");
      }
      Path cmds = Files.createDirectories(work.resolve("cmds"));
      for (int i = 0; i < ufwArgvs.size(); i++) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (String arg : ufwArgvs.get(i)) {
          if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument cannot contain NUL: " + arg);
          }
          byte[] b = arg.getBytes(UTF_8);
          buf.write(b, 0, b.length);
          buf.write(0);
        }
        Files.write(cmds.resolve(Integer.toString(i)), buf.toByteArray());
      }
      Path script = work.resolve("ufw-sandbox.sh");
      try (InputStream in = UfwSandbox.class.getResourceAsStream("ufw-sandbox.sh")) {
        if (in == null) {
          throw new IllegalStateException("ufw-sandbox.sh is missing from the testing jar");
        }
        Files.copy(in, script);
      }
      CommandResult outer =
          LocalExecutor.create()
              .execute(
                  Command.builder()
                      .args(
                          List.of(
                              unshare.toString(),
                              "--net",
                              "--mount",
                              "--propagation",
                              "private",
                              "/bin/bash",
                              script.toString(),
                              work.toString()))
                      .timeout(timeout)
                      .acceptAnyExitCode()
                      .build());
      if (outer.exitCode() != 0) {
        throw new IllegalStateException(
            "the ufw sandbox could not be set up (exit "
                + outer.exitCode()
                + "): "
                + outer.stderr());
      }
      List<CommandResult> results = new ArrayList<>();
      Path out = work.resolve("out");
      for (int i = 0; i < ufwArgvs.size(); i++) {
        Path rc = out.resolve(i + ".rc");
        if (!Files.exists(rc)) {
          throw new IllegalStateException("the ufw sandbox did not run command " + i);
        }
        int code = Integer.parseInt(Files.readString(rc, UTF_8).trim());
        List<String> argv = new ArrayList<>();
        argv.add("ufw");
        argv.addAll(ufwArgvs.get(i));
        results.add(
            CommandResult.of(
                Command.of(argv).acceptingAnyExitCode(),
                code,
                Files.readAllBytes(out.resolve(i + ".stdout")),
                Files.readAllBytes(out.resolve(i + ".stderr")),
                Duration.ZERO));
      }
      return new Run(
          ImmutableList.copyOf(results),
          readTree(work.resolve("etc-ufw")),
          Files.readString(work.resolve("default-ufw"), UTF_8),
          ruleLines(out.resolve("iptables-S")),
          ruleLines(out.resolve("ip6tables-S")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (work != null) {
        deleteTree(work);
      }
    }
  }

  private static ImmutableList<String> ruleLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalStateException("the ufw sandbox did not list the rules: " + file);
    }
    return Files.readAllLines(file, UTF_8).stream()
        .filter(l -> !l.isEmpty())
        .collect(ImmutableList.toImmutableList());
  }

  private static ImmutableMap<String, String> readTree(Path root) throws IOException {
    ImmutableMap.Builder<String, String> files = ImmutableMap.builder();
    List<Path> paths;
    try (Stream<Path> s = Files.walk(root)) {
      paths = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : paths) {
      files.put(root.relativize(p).toString(), Files.readString(p, UTF_8));
    }
    return files.buildOrThrow();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp dir left behind is not worth failing a test for
    }
  }

  /** Builds a {@link UfwSandbox}. */
  public static final class Builder {
    private final Map<String, String> applicationProfiles = new LinkedHashMap<>();
    private final Map<String, String> etcUfwFiles = new LinkedHashMap<>();
    private Backend backend = Backend.LEGACY;
    private Duration timeout = Duration.ofMinutes(10);
    private boolean ipForwarding;

    private Builder() {}

    /** Adds (or replaces) a file in {@code /etc/ufw/applications.d}. */
    public Builder applicationProfile(String fileName, String content) {
      if (fileName.isEmpty() || fileName.contains("/")) {
        throw new IllegalArgumentException("bad profile file name: " + fileName);
      }
      applicationProfiles.put(fileName, content);
      return this;
    }

    /**
     * Replaces (or adds) a file directly in {@code /etc/ufw} before the first command: an edited
     * {@code before.rules}, a written {@code user6.rules}. {@code ufw enable} then loads it as it
     * loads the stock one, and {@link Run#iptablesRules()} shows what the kernel took.
     *
     * <pre>{@code
     * UfwSandbox.builder().etcUfwFile("before.rules", edited.render()).build()
     *     .runCollecting(List.of(List.of("--force", "enable"))).iptablesRules();
     * }</pre>
     */
    public Builder etcUfwFile(String fileName, String content) {
      if (fileName.isEmpty() || fileName.contains("/")) {
        throw new IllegalArgumentException("bad /etc/ufw file name: " + fileName);
      }
      etcUfwFiles.put(fileName, content);
      return this;
    }

    /** Chooses the iptables backend. */
    public Builder backend(Backend backend) {
      this.backend = backend;
      return this;
    }

    /**
     * Turns IPv4 and IPv6 forwarding on inside the namespace before the first command (these
     * switches are per network namespace; the host's stay as they are). ufw's status then reports
     * routed traffic as enabled.
     */
    public Builder ipForwarding(boolean on) {
      this.ipForwarding = on;
      return this;
    }

    /** Limits one {@link #run} to this long. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The sandbox. */
    public UfwSandbox build() {
      return new UfwSandbox(this);
    }
  }
}
