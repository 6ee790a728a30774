package com.example.embedding;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.ForwardingExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

// README: decorating one
/** Logs every command and how it ended, then hands it on unchanged. */
public final class LoggingExecutor extends ForwardingExecutor {
  private final List<String> log = new CopyOnWriteArrayList<>();

  public LoggingExecutor(CommandExecutor delegate) {
    super(delegate);
  }

  @Override
  public CommandResult execute(Command command) {
    try {
      CommandResult r = super.execute(command);
      log.add(r.toString());
      return r;
    } catch (RuntimeException e) {
      log.add(command + " failed: " + e.getClass().getSimpleName());
      throw e;
    }
  }

  public List<String> log() {
    return List.copyOf(log);
  }
}
