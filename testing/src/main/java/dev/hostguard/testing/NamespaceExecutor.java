package dev.hostguard.testing;

import com.google.common.collect.ImmutableList;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.ForwardingExecutor;

/**
 * A test-only decorator that runs every command inside another process's namespaces: {@code nsenter
 * --net=/proc/PID/ns/net [--mount=/proc/PID/ns/mnt] -- ARGV} on its delegate (no shell; {@code
 * nsenter} execs the program, so a timeout kills the program itself). Environment additions,
 * working directory and stdin pass through. Needs root and {@code nsenter}.
 *
 * <pre>{@code
 * CommandExecutor inside = NamespaceExecutor.network(ns.pid(), LocalExecutor.create());
 * SshExecutor.builder("127.0.0.1").via(inside).build();
 * }</pre>
 */
public final class NamespaceExecutor extends ForwardingExecutor {
  private final long pid;
  private final boolean mount;
  private final ImmutableList<String> prefix;

  private NamespaceExecutor(long pid, boolean mount, CommandExecutor delegate) {
    super(delegate);
    if (pid <= 0) {
      throw new IllegalArgumentException("bad pid: " + pid);
    }
    this.pid = pid;
    this.mount = mount;
    ImmutableList.Builder<String> p =
        ImmutableList.<String>builder()
            .add(RealTool.NSENTER.require().toString(), "--net=/proc/" + pid + "/ns/net");
    if (mount) {
      p.add("--mount=/proc/" + pid + "/ns/mnt");
    }
    this.prefix = p.add("--").build();
  }

  /** Runs commands in the network namespace of process {@code pid} (the file system stays). */
  public static NamespaceExecutor network(long pid, CommandExecutor delegate) {
    return new NamespaceExecutor(pid, false, delegate);
  }

  /** Runs commands in the network and mount namespaces of process {@code pid}. */
  public static NamespaceExecutor networkAndMount(long pid, CommandExecutor delegate) {
    return new NamespaceExecutor(pid, true, delegate);
  }

  /**
   * {@code nsenter ... -- ARGV}; entering a mount namespace moves the process to that namespace's
   * root, so there a working directory is passed as {@code --wd=DIR} (resolved inside).
   */
  @Override
  protected Command wrap(Command command) {
    ImmutableList.Builder<String> argv = ImmutableList.builder();
    if (mount && command.workingDirectory().isPresent()) {
      argv.addAll(prefix.subList(0, prefix.size() - 1))
          .add("--wd=" + command.workingDirectory().get())
          .add("--");
    } else {
      argv.addAll(prefix);
    }
    return command.withArgv(argv.addAll(command.argv()).build());
  }

  @Override
  protected String describe(String delegateDescription) {
    return delegateDescription + " in " + (mount ? "net+mnt" : "net") + " namespace of " + pid;
  }
}
