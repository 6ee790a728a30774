package dev.hostguard.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One program to run: an argv list (never one string: no shell ever sees it), environment
 * additions, a working directory, bytes for stdin, a timeout and the exit codes that count as
 * success. Immutable; build with {@link #of} or {@link #builder()}.
 *
 * <pre>{@code
 * Command c = Command.of("ufw", "--dry-run", "allow", "22/tcp").withTimeout(Duration.ofSeconds(5));
 * CommandResult r = LocalExecutor.create().execute(c);
 * }</pre>
 */
public final class Command {
  /** Timeout when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  /** Bytes kept of stdout and of stderr each when no cap is given. */
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

  private final ImmutableList<String> argv;
  private final ImmutableMap<String, String> environment;
  private final @Nullable Path workingDirectory;
  private final byte @Nullable [] stdin;
  private final Duration timeout;
  private final @Nullable ImmutableSet<Integer> acceptedExitCodes;
  private final int maxOutputBytes;

  private Command(Builder b) {
    this.argv = b.argv.build();
    this.environment = ImmutableMap.copyOf(b.environment.buildKeepingLast());
    this.workingDirectory = b.workingDirectory;
    this.stdin = b.stdin == null ? null : b.stdin.clone();
    this.timeout = b.timeout;
    this.acceptedExitCodes = b.acceptedExitCodes;
    this.maxOutputBytes = b.maxOutputBytes;
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must name a program");
    }
    for (String a : argv) {
      if (a.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("an argument cannot contain NUL: " + argv);
      }
    }
    if (argv.get(0).isEmpty()) {
      throw new IllegalArgumentException("the program name is empty");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxOutputBytes < 0) {
      throw new IllegalArgumentException("maxOutputBytes must be >= 0: " + maxOutputBytes);
    }
  }

  /** A command with default settings: exit code 0 accepted, {@link #DEFAULT_TIMEOUT}. */
  public static Command of(String program, String... args) {
    return builder().arg(program).args(Arrays.asList(args)).build();
  }

  /** A command from a whole argv list. */
  public static Command of(List<String> argv) {
    return builder().args(argv).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this command's settings. */
  public Builder toBuilder() {
    return toBuilder(argv);
  }

  private Builder toBuilder(List<String> newArgv) {
    Builder b = new Builder().args(newArgv).putAllEnv(environment);
    b.workingDirectory = workingDirectory;
    b.stdin = stdin;
    b.timeout = timeout;
    b.acceptedExitCodes = acceptedExitCodes;
    b.maxOutputBytes = maxOutputBytes;
    return b;
  }

  /** The program and its arguments. */
  public ImmutableList<String> argv() {
    return argv;
  }

  /** Variables added to (or replacing those of) the executor's own environment. */
  public ImmutableMap<String, String> environment() {
    return environment;
  }

  /** The directory to run in, if not the executor's. */
  public Optional<Path> workingDirectory() {
    return Optional.ofNullable(workingDirectory);
  }

  /** The bytes fed to stdin; empty means stdin is closed at once. */
  public byte[] stdin() {
    return stdin == null ? new byte[0] : stdin.clone();
  }

  /** When the process is killed. */
  public Duration timeout() {
    return timeout;
  }

  /** Exit codes that count as success; empty means any exit code is accepted. */
  public ImmutableSet<Integer> acceptedExitCodes() {
    return acceptedExitCodes == null ? ImmutableSet.of() : acceptedExitCodes;
  }

  /** Whether this exit code counts as success. */
  public boolean accepts(int exitCode) {
    return acceptedExitCodes == null || acceptedExitCodes.contains(exitCode);
  }

  /** Bytes kept of stdout and of stderr each; the rest is counted, not kept. */
  public int maxOutputBytes() {
    return maxOutputBytes;
  }

  /**
   * This command with another argv and every other setting kept: what a decorator runs in its place
   * ({@code sudo -n -- ARGV}).
   */
  public Command withArgv(List<String> newArgv) {
    return toBuilder(newArgv).build();
  }

  /** This command with another timeout. */
  public Command withTimeout(Duration newTimeout) {
    return toBuilder().timeout(newTimeout).build();
  }

  /** This command with these bytes on stdin. */
  public Command withStdin(byte[] bytes) {
    return toBuilder().stdin(bytes).build();
  }

  /** This command accepting exactly these exit codes. */
  public Command withAcceptedExitCodes(Integer... codes) {
    return toBuilder().acceptedExitCodes(Arrays.asList(codes)).build();
  }

  /** This command accepting any exit code (the caller inspects it). */
  public Command acceptingAnyExitCode() {
    return toBuilder().acceptAnyExitCode().build();
  }

  /** The argv as a list literal, for messages; not something to run. */
  @Override
  public String toString() {
    return argv.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Command c)) {
      return false;
    }
    return argv.equals(c.argv)
        && environment.equals(c.environment)
        && Objects.equals(workingDirectory, c.workingDirectory)
        && Arrays.equals(stdin, c.stdin)
        && timeout.equals(c.timeout)
        && Objects.equals(acceptedExitCodes, c.acceptedExitCodes)
        && maxOutputBytes == c.maxOutputBytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(argv, environment, workingDirectory, timeout, acceptedExitCodes);
  }

  /** Builds a {@link Command}. */
  public static final class Builder {
    private final ImmutableList.Builder<String> argv = ImmutableList.builder();
    private final ImmutableMap.Builder<String, String> environment = ImmutableMap.builder();
    private @Nullable Path workingDirectory;
    private byte @Nullable [] stdin;
    private Duration timeout = DEFAULT_TIMEOUT;
    private @Nullable ImmutableSet<Integer> acceptedExitCodes = ImmutableSet.of(0);
    private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;

    private Builder() {}

    /** Appends one argument (the first one is the program). */
    public Builder arg(String arg) {
      argv.add(requireNonNull(arg, "arg"));
      return this;
    }

    /** Appends arguments. */
    public Builder args(Collection<String> args) {
      for (String a : args) {
        arg(a);
      }
      return this;
    }

    /** Same as {@link #args}: the whole argv. */
    public Builder argv(List<String> args) {
      return args(args);
    }

    /** Adds or replaces one environment variable. */
    public Builder putEnv(String name, String value) {
      if (name.isEmpty() || name.indexOf('=') >= 0) {
        throw new IllegalArgumentException("bad environment variable name: " + name);
      }
      environment.put(name, requireNonNull(value, "value"));
      return this;
    }

    /** Adds or replaces environment variables. */
    public Builder putAllEnv(Map<String, String> vars) {
      vars.forEach(this::putEnv);
      return this;
    }

    /** Runs in this directory. */
    public Builder workingDirectory(Path dir) {
      this.workingDirectory = requireNonNull(dir, "dir");
      return this;
    }

    /** Feeds these bytes to stdin. */
    public Builder stdin(byte[] bytes) {
      this.stdin = requireNonNull(bytes, "bytes").clone();
      return this;
    }

    /** Kills the process after this long. */
    public Builder timeout(Duration timeout) {
      this.timeout = requireNonNull(timeout, "timeout");
      return this;
    }

    /** Accepts exactly these exit codes (default: 0). */
    public Builder acceptedExitCodes(Collection<Integer> codes) {
      if (codes.isEmpty()) {
        throw new IllegalArgumentException("accept at least one exit code, or use acceptAny");
      }
      this.acceptedExitCodes = ImmutableSet.copyOf(codes);
      return this;
    }

    /** Accepts any exit code. */
    public Builder acceptAnyExitCode() {
      this.acceptedExitCodes = null;
      return this;
    }

    /** Keeps at most this many bytes of stdout and of stderr each. */
    public Builder maxOutputBytes(int max) {
      this.maxOutputBytes = max;
      return this;
    }

    /** The command; throws {@link IllegalArgumentException} when argv is empty. */
    public Command build() {
      return new Command(this);
    }
  }
}
