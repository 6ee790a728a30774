package com.example.embedding;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.exec.CommandStartException;
import dev.hostguard.exec.CommandTimeoutException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

// README: Embedding the executor
/** Runs commands with ProcessBuilder, output through temporary files; an SPI example. */
public final class TempFileExecutor implements CommandExecutor {
  @Override
  public CommandResult execute(Command command) {
    long start = System.nanoTime();
    Process p = null;
    try {
      File out = File.createTempFile("out", ""), err = File.createTempFile("err", "");
      ProcessBuilder pb = new ProcessBuilder(command.argv()).redirectOutput(out).redirectError(err);
      pb.environment().putAll(command.environment());
      command.workingDirectory().ifPresent(dir -> pb.directory(dir.toFile()));
      try {
        p = pb.start();
      } catch (IOException e) {
        throw CommandStartException.of(command, e); // not found, not executable, ...
      }
      try (OutputStream stdin = p.getOutputStream()) {
        stdin.write(command.stdin());
      }
      boolean exited = p.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
      if (!exited) {
        p.destroyForcibly().waitFor();
      }
      byte[] o = Files.readAllBytes(out.toPath()), e = Files.readAllBytes(err.toPath());
      Files.delete(out.toPath());
      Files.delete(err.toPath());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      CommandResult r =
          CommandResult.of(command, p.exitValue(), o, e, took).ranBy("tempfile", "localhost");
      if (!exited) {
        throw CommandTimeoutException.of(r);
      }
      return r.requireAccepted(); // CommandFailedException unless the exit code is accepted
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CommandStartException.of(command, e);
    }
  }
}
