package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.fail2ban.client.BanCount;
import dev.hostguard.fail2ban.client.Fail2banReplies;
import dev.hostguard.fail2ban.client.Fail2banReply;
import dev.hostguard.fail2ban.client.JailNotFound;
import dev.hostguard.fail2ban.client.JailStatus;
import dev.hostguard.fail2ban.client.ServerStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code fail2ban-client} on a host, typed: one method per command, each run once through the
 * executor as {@code fail2ban-client [-c CONFIG_DIR] [-s SOCKET] WORDS...}, its stdout parsed into
 * fail2ban-model's replies ({@link Fail2banReplies}). A command fail2ban refuses (exit 255: a jail
 * that does not exist, no server on the socket, a configuration that does not load) throws {@link
 * ToolRefusedException} with fail2ban's message. Immutable; the {@code with…} methods return
 * copies.
 *
 * <pre>{@code
 * Fail2banClient f2b = Fail2banClient.on(executor).withSocket(Path.of("/run/fail2ban/fail2ban.sock"));
 * f2b.banIp("sshd", "192.0.2.7"); f2b.status("sshd").bannedIps(); // [192.0.2.7]
 * }</pre>
 */
public final class Fail2banClient {
  /** The program run, found on the executor's PATH. */
  public static final String PROGRAM = "fail2ban-client";

  /** A timestamped log line of fail2ban's at level ERROR: the message is what follows. */
  private static final Pattern ERROR_LINE =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ \\S+\\s+\\[\\d+\\]: ERROR\\s+(.*)$");

  private final CommandExecutor executor;
  private final @Nullable Path socket;
  private final @Nullable Path configDir;

  private Fail2banClient(
      CommandExecutor executor, @Nullable Path socket, @Nullable Path configDir) {
    this.executor = requireNonNull(executor, "executor");
    this.socket = socket;
    this.configDir = configDir;
  }

  /**
   * A client running {@code fail2ban-client} through {@code executor}, with fail2ban's defaults.
   */
  public static Fail2banClient on(CommandExecutor executor) {
    return new Fail2banClient(executor, null, null);
  }

  /** This client talking to the server on {@code socket} ({@code -s SOCKET}). */
  public Fail2banClient withSocket(Path socket) {
    return new Fail2banClient(executor, requireNonNull(socket, "socket"), configDir);
  }

  /** This client reading its configuration from {@code dir} ({@code -c DIR}), as reload does. */
  public Fail2banClient withConfigDir(Path dir) {
    return new Fail2banClient(executor, socket, requireNonNull(dir, "dir"));
  }

  /** The socket given; empty means fail2ban's default (from its configuration). */
  public Optional<Path> socket() {
    return Optional.ofNullable(socket);
  }

  /** The configuration directory given; empty means fail2ban's default ({@code /etc/fail2ban}). */
  public Optional<Path> configDir() {
    return Optional.ofNullable(configDir);
  }

  /** {@code ping}: returns when the server answers ({@code Server replied: pong}). */
  public void ping() {
    run(List.of("ping"));
  }

  /** {@code status}: the server's jails. */
  public ServerStatus status() {
    return (ServerStatus) reply(List.of("status"));
  }

  /** {@code status JAIL}: the jail's filter and actions. */
  public JailStatus status(String jail) {
    return (JailStatus) reply(List.of("status", jail));
  }

  /** {@code set JAIL banip IP}: 1 if the address was banned now, 0 if it already was. */
  public BanCount banIp(String jail, String ip) {
    return (BanCount) reply(List.of("set", jail, "banip", ip));
  }

  /** {@code set JAIL unbanip IP}: 1 if the address was unbanned, 0 if it was not banned. */
  public BanCount unbanIp(String jail, String ip) {
    return (BanCount) reply(List.of("set", jail, "unbanip", ip));
  }

  /**
   * {@code set JAIL unbanip --report-absent IP}: 1 when the address was unbanned; an address the
   * jail has not banned is refused ({@link ToolRefusedException} with fail2ban's message, {@code
   * not banned: ['192.0.2.9']}) where {@link #unbanIp} answers 0.
   */
  public BanCount unbanIpReportAbsent(String jail, String ip) {
    return (BanCount) reply(List.of("set", jail, "unbanip", "--report-absent", ip));
  }

  /** {@code unban IP}: how many jails unbanned the address. */
  public BanCount unban(String ip) {
    return (BanCount) reply(List.of("unban", ip));
  }

  /**
   * {@code reload}: the server reads the configuration again (the client reads it and sends it).
   */
  public void reload() {
    run(List.of("reload"));
  }

  /** {@code reload JAIL}: one jail reads its configuration again. */
  public void reload(String jail) {
    run(List.of("reload", jail));
  }

  /** {@code start}: the client starts a server in the background. */
  public void start() {
    run(List.of("start"));
  }

  /** {@code stop}: the server stops every jail and exits. */
  public void stop() {
    run(List.of("stop"));
  }

  /** The whole argv for these command words. */
  ImmutableList<String> argv(List<String> words) {
    ImmutableList.Builder<String> argv = ImmutableList.<String>builder().add(PROGRAM);
    if (configDir != null) {
      argv.add("-c", configDir.toString());
    }
    if (socket != null) {
      argv.add("-s", socket.toString());
    }
    for (String w : words) {
      argv.add(requireNonNull(w, "word"));
    }
    return argv.build();
  }

  private Fail2banReply reply(List<String> words) {
    CommandResult r = run(words);
    Fail2banReply reply = Fail2banReplies.reply(words, r.stdout());
    if (reply instanceof JailNotFound) {
      throw new ToolRefusedException(r, ToolRun.lastLine(r.stdout()));
    }
    return reply;
  }

  private CommandResult run(List<String> words) {
    return ToolRun.run(executor, argv(words), Fail2banClient::message);
  }

  /**
   * fail2ban's message: the "Sorry but the jail" line; else its last ERROR log line, except that
   * for a command the server refused ({@code NOK: (...)}, the exception's repr) the client's own
   * line on stdout says it plainly ({@code not banned: ['192.0.2.9']}).
   */
  static String message(CommandResult r) {
    if (JailNotFound.matches(r.stdout())) {
      return ToolRun.lastLine(r.stdout());
    }
    String found = "";
    for (String line : r.stderr().split("\n")) {
      Matcher m = ERROR_LINE.matcher(line);
      if (m.matches()) {
        found = m.group(1).strip();
      }
    }
    String stdoutLine = ToolRun.lastLine(r.stdout());
    if (found.startsWith("NOK: ") && !stdoutLine.isEmpty()) {
      return stdoutLine;
    }
    return found.isEmpty() ? ToolRun.lastOutputLine(r) : found;
  }

  /** {@code fail2ban-client} with its socket and configuration directory, for logs. */
  @Override
  public String toString() {
    return "Fail2banClient " + argv(List.of()) + " via " + executor;
  }
}
