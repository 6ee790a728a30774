package dev.hostguard.cli;

import static java.util.Objects.requireNonNull;

import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.LocalExecutor;
import dev.hostguard.exec.SshExecutor;
import dev.hostguard.exec.SudoExecutor;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that say which host a subcommand acts on, shared as a picocli mixin: {@code
 * --executor local|ssh --host [USER@]H[:PORT] [--identity KEY] [--known-hosts FILE] [--sudo]}.
 * {@link #open} builds the executor (exec's {@link LocalExecutor}, {@link SshExecutor}, {@link
 * SudoExecutor} around either).
 */
final class TargetOptions {
  @Spec(Spec.Target.MIXEE)
  @Nullable CommandSpec spec;

  @Option(
      names = "--executor",
      paramLabel = "local|ssh",
      defaultValue = "local",
      description = "Where commands run: this machine (default) or --host over ssh.")
  String executor = "local";

  @Option(
      names = "--host",
      paramLabel = "[USER@]H[:PORT]",
      description = "The host for --executor ssh (OpenSSH: ~/.ssh/config and known_hosts apply).")
  @Nullable String host;

  @Option(names = "--identity", paramLabel = "KEY", description = "ssh private key file (-i).")
  @Nullable Path identity;

  @Option(
      names = "--known-hosts",
      paramLabel = "FILE",
      description = "ssh known_hosts file to check the host key against (strictly).")
  @Nullable Path knownHosts;

  @Option(names = "--sudo", description = "Run the tools through sudo -n (never prompts).")
  boolean sudo;

  private final CommandExecutor local;

  TargetOptions() {
    this(LocalExecutor.create());
  }

  /** Options whose {@code local} executor is {@code local} (tests give a recording one). */
  TargetOptions(CommandExecutor local) {
    this.local = requireNonNull(local, "local");
  }

  /** The executor these options name, and the host's name for messages; close it when done. */
  Target open() {
    CommandExecutor base;
    String name;
    SshExecutor ssh = null;
    switch (executor) {
      case "local" -> {
        if (host != null || identity != null) {
          throw usage("--host and --identity need --executor ssh");
        }
        if (knownHosts != null) {
          throw usage("--known-hosts needs --executor ssh");
        }
        base = local;
        name = "localhost";
      }
      case "ssh" -> {
        if (host == null) {
          throw usage("--executor ssh needs --host [USER@]H[:PORT]");
        }
        ssh = ssh(host);
        base = ssh;
        name = host;
      }
      default -> throw usage("--executor is local or ssh, not '" + executor + "'");
    }
    return new Target(sudo ? new SudoExecutor(base) : base, name, ssh);
  }

  private SshExecutor ssh(String spec) {
    String rest = spec;
    String user = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      user = rest.substring(0, at);
      rest = rest.substring(at + 1);
    }
    Integer port = null;
    String hostName = rest;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw usage("--host '" + spec + "': missing ']' after the IPv6 address");
      }
      hostName = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw usage("--host '" + spec + "': expected :PORT after ']'");
        }
        port = port(spec, after.substring(1));
      }
    } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
      int colon = rest.indexOf(':');
      hostName = rest.substring(0, colon);
      port = port(spec, rest.substring(colon + 1));
    }
    if (hostName.isEmpty() || (user != null && user.isEmpty())) {
      throw usage("--host '" + spec + "' is not [USER@]H[:PORT]");
    }
    try {
      SshExecutor.Builder b = SshExecutor.builder(hostName);
      if (user != null) {
        b.user(user);
      }
      if (port != null) {
        b.port(port);
      }
      if (identity != null) {
        b.identityFile(identity);
      }
      if (knownHosts != null) {
        b.knownHostsFile(knownHosts).strictHostKeyChecking("yes");
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw usage("--host '" + spec + "': " + e.getMessage());
    }
  }

  private int port(String spec, String text) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw usage("--host '" + spec + "': PORT is a number from 1 to 65535, not '" + text + "'");
  }

  private ParameterException usage(String message) {
    return new ParameterException(requireNonNull(spec, "spec").commandLine(), message);
  }

  /** An executor for one run of a subcommand, and the name of the host it reaches. */
  static final class Target implements AutoCloseable {
    private final CommandExecutor executor;
    private final String name;
    private final @Nullable SshExecutor ssh;

    Target(CommandExecutor executor, String name, @Nullable SshExecutor ssh) {
      this.executor = executor;
      this.name = name;
      this.ssh = ssh;
    }

    CommandExecutor executor() {
      return executor;
    }

    /** The host as the user named it ({@code localhost} for the local machine). */
    String name() {
      return name;
    }

    /** The ssh executor itself (under any sudo), when the target is reached over ssh. */
    java.util.Optional<SshExecutor> ssh() {
      return java.util.Optional.ofNullable(ssh);
    }

    /** Whether commands run on this machine as this user (local, no sudo). */
    boolean isLocalDirect() {
      return ssh == null && !(executor instanceof SudoExecutor);
    }

    @Override
    public void close() {
      if (ssh != null) {
        ssh.close();
      }
    }
  }
}
